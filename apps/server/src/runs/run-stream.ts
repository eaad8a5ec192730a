import { AppError } from '@sentri/core';
import type { RunRow } from '@sentri/db';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Container } from '../container.js';
import { workspaceOf } from '../http/route-helpers.js';
import type { RunEvent } from './run-event-hub.js';

const HEARTBEAT_MS = 15_000;

/** The same event goes to every subscriber: it is serialised once. */
const serialised = new WeakMap<RunEvent, string>();

/** One SSE message: named, with the run's sequence number as its id (frames have none: they are not kept). */
export function sseMessage(event: RunEvent): string {
  let message = serialised.get(event);
  if (message === undefined) {
    const id = event.seq !== undefined ? `id: ${event.seq}\n` : '';
    message = `${id}event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
    serialised.set(event, message);
  }
  return message;
}

/** A client this far behind misses frames (they are only pictures of now)… */
const FRAME_BACKLOG_BYTES = 512 * 1024;
/** …and this far behind is cut off: it reconnects with Last-Event-ID and loses nothing stored. */
const MAX_BACKLOG_BYTES = 16 * 1024 * 1024;

function lastEventIdOf(request: FastifyRequest): number | undefined {
  const header = request.headers['last-event-id'];
  const raw = typeof header === 'string' ? header : (request.query as { lastEventId?: string }).lastEventId;
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  return Number.isInteger(value) && value >= 0 ? value : undefined;
}

/**
 * The run's event stream. A new subscriber gets a `snapshot` of the whole run first (its id is
 * the last event it reflects); a reconnecting one (`Last-Event-ID`) gets every stored event
 * after that id instead, so nothing is lost across a dropped connection. Live events that
 * arrive while the stored ones are read are held back and sent after them, in order. A finished
 * run ends the stream with `done`.
 */
export async function streamRunEvents(request: FastifyRequest, reply: FastifyReply, container: Container) {
  const run = await container.repositories.runs.findLive(
    workspaceOf(request).id,
    (request.params as { runId: string }).runId,
  );
  if (!run) throw new AppError('RUN_NOT_FOUND');
  await streamEventsOf(run, request, reply, container);
}

/** The event stream of a run the caller has already been allowed to see. */
export async function streamEventsOf(run: RunRow, request: FastifyRequest, reply: FastifyReply, container: Container) {
  const { runs } = container.repositories;
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  raw.flushHeaders();

  let lastSent = lastEventIdOf(request) ?? -1;
  let held: RunEvent[] | null = [];
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    unsubscribe();
    untrack();
    raw.end();
  };
  const send = (event: RunEvent) => {
    if (closed) return;
    if (raw.writableLength > MAX_BACKLOG_BYTES) {
      close();
      raw.destroy();
      return;
    }
    if (event.type === 'frame' && raw.writableLength > FRAME_BACKLOG_BYTES) return;
    if (event.seq !== undefined && event.type !== 'snapshot') {
      if (event.seq <= lastSent) return;
      lastSent = event.seq;
    }
    raw.write(sseMessage(event));
    if (event.type === 'done') close();
  };
  const unsubscribe = container.services.runEvents.subscribe(run.id, (event) =>
    held ? held.push(event) : send(event),
  );
  const untrack = container.services.runEvents.trackStream(() => close());
  const heartbeat = setInterval(() => !closed && raw.write(': heartbeat\n\n'), HEARTBEAT_MS);
  raw.on('close', close);

  try {
    if (lastSent >= 0) {
      for (const row of await runs.eventsAfter(run.id, lastSent)) {
        send({ ...(JSON.parse(row.data ?? '{}') as object), type: row.type as RunEvent['type'], seq: row.seq });
      }
    } else {
      const view = await container.services.runs.view((await runs.findById(run.id)) ?? run);
      send({ type: 'snapshot', seq: view.lastEventId, run: view });
      lastSent = view.lastEventId;
    }
    const pending = held;
    held = null;
    for (const event of pending) send(event);
    if (!closed) {
      const current = await runs.findById(run.id);
      // A run that ended without a stored `done` (interrupted by a restart) still says how it ended.
      if (current && current.status !== 'running') {
        send({
          type: 'done',
          status: current.status,
          passed: current.passed,
          failed: current.failed,
          total: current.total,
        });
      }
    }
  } catch (error) {
    request.log.error({ err: error, runId: run.id }, 'run stream failed');
    close();
  }
}
