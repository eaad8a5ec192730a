import { AppError } from '@sentri/core';
import type { RunRow } from '@sentri/db';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Container } from '../container.js';
import { workspaceOf } from '../http/route-helpers.js';
import type { RunEvent } from './run-event-hub.js';

const HEARTBEAT_MS = 15_000;
const FRAME_BACKLOG_BYTES = 512 * 1024;
const MAX_BACKLOG_BYTES = 16 * 1024 * 1024;
export const MAX_STREAMED_RUNS = 20;

/** `RUN-1:12,RUN-2:5` — how far each run has been sent; it is the SSE id, so a reconnect resumes every run. */
export function parseCursor(raw: string | undefined): Map<string, number> {
  const cursor = new Map<string, number>();
  for (const entry of (raw ?? '').split(',')) {
    const at = entry.lastIndexOf(':');
    const seq = Number(entry.slice(at + 1));
    if (at > 0 && Number.isInteger(seq) && seq >= 0) cursor.set(entry.slice(0, at), seq);
  }
  return cursor;
}

const formatCursor = (cursor: Map<string, number>) => [...cursor].map(([run, seq]) => `${run}:${seq}`).join(',');

/**
 * Several runs on one connection: a browser allows six connections per origin over HTTP/1.1,
 * so a dashboard tab watches everything it shows through this one. Each run starts with its
 * `snapshot` (or, when the cursor knows it, with the stored events after that point), then its
 * live events in order; every event carries `runId`. A run that ends sends `done` and the stream
 * stays open for the others.
 */
export async function streamRuns(request: FastifyRequest, reply: FastifyReply, container: Container) {
  const query = request.query as { runs?: string; lastEventId?: string };
  const ids = [
    ...new Set(
      (query.runs ?? '')
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean),
    ),
  ];
  if (ids.length === 0) throw new AppError('REQUEST_VALIDATION_FAILED', 'runs must list at least one run id.');
  if (ids.length > MAX_STREAMED_RUNS)
    throw new AppError('REQUEST_VALIDATION_FAILED', `At most ${MAX_STREAMED_RUNS} runs per stream.`);
  const { runs } = container.repositories;
  const scope = workspaceOf(request);
  const found = (await Promise.all(ids.map((id) => runs.findLive(scope.id, id)))).filter(
    (run): run is RunRow => run !== undefined,
  );
  if (found.length === 0) throw new AppError('RUN_NOT_FOUND');

  const header = request.headers['last-event-id'];
  const cursor = parseCursor(typeof header === 'string' && header ? header : query.lastEventId);
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  raw.flushHeaders();

  let closed = false;
  const unsubscribers: (() => void)[] = [];
  const close = () => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    unsubscribers.forEach((unsubscribe) => unsubscribe());
    untrack();
    raw.end();
  };
  const send = (runId: string, event: RunEvent) => {
    if (closed) return;
    if (raw.writableLength > MAX_BACKLOG_BYTES) {
      close();
      raw.destroy();
      return;
    }
    if (event.type === 'frame' && raw.writableLength > FRAME_BACKLOG_BYTES) return;
    let id = '';
    if (event.seq !== undefined) {
      if (event.type !== 'snapshot' && event.seq <= (cursor.get(runId) ?? -1)) return;
      cursor.set(runId, event.seq);
      id = `id: ${formatCursor(cursor)}\n`;
    }
    raw.write(`${id}event: ${event.type}\ndata: ${JSON.stringify({ ...event, runId })}\n\n`);
  };
  const untrack = container.services.runEvents.trackStream(close);
  const heartbeat = setInterval(() => !closed && raw.write(': heartbeat\n\n'), HEARTBEAT_MS);
  raw.on('close', close);

  try {
    // Each run in turn: live events that arrive during its replay wait and follow it, in order.
    for (const run of found) {
      let held: RunEvent[] | null = [];
      const unsubscribe = container.services.runEvents.subscribe(run.id, (event) =>
        held ? held.push(event) : send(run.id, event),
      );
      unsubscribers.push(unsubscribe);
      const from = cursor.get(run.id);
      if (from !== undefined) {
        for (const row of await runs.eventsAfter(run.id, from))
          send(run.id, {
            ...(JSON.parse(row.data ?? '{}') as object),
            type: row.type as RunEvent['type'],
            seq: row.seq,
          });
      } else {
        const view = await container.services.runs.view((await runs.findById(run.id)) ?? run);
        send(run.id, { type: 'snapshot', seq: view.lastEventId, run: view });
      }
      const pending = held;
      held = null;
      pending.forEach((event) => send(run.id, event));
      const current = await runs.findById(run.id);
      // A run that ended without a stored `done` (interrupted by a restart) still says how it ended.
      if (current && current.status !== 'running' && from === undefined)
        send(run.id, {
          type: 'done',
          status: current.status,
          passed: current.passed,
          failed: current.failed,
          total: current.total,
        });
    }
  } catch (error) {
    request.log.error({ err: error }, 'multi-run stream failed');
    close();
  }
}
