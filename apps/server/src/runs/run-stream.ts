import { AppError } from '@sentri/core';
import type { RunRow } from '@sentri/db';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Container } from '../container.js';
import { workspaceOf } from '../http/route-helpers.js';
import type { RunEvent } from './run-event-hub.js';
import { endedEvent, openSseChannel, snapshotEvent, storedEvent } from './sse-channel.js';

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
  let lastSent = lastEventIdOf(request) ?? -1;
  let held: RunEvent[] | null = [];
  const channel = openSseChannel(reply, container);
  const send = (event: RunEvent) => {
    if (event.seq !== undefined && event.type !== 'snapshot') {
      if (event.seq <= lastSent) return;
      lastSent = event.seq;
    }
    channel.write(sseMessage(event), event.type === 'frame');
    if (event.type === 'done') channel.close();
  };
  const hub = container.services.runEvents;
  channel.onClose(hub.subscribe(run.id, (event) => (held ? held.push(event) : send(event))));

  try {
    // Subscribed for real (across processes: Redis confirmed it) before reading what is stored,
    // so an event is either in what is read or arrives live: none falls in between.
    await hub.ready(run.id);
    if (lastSent >= 0) {
      for (const row of await container.repositories.runs.eventsAfter(run.id, lastSent)) send(storedEvent(row));
    } else {
      const snapshot = await snapshotEvent(run, container);
      send(snapshot);
      lastSent = snapshot.seq;
    }
    const pending = held;
    held = null;
    pending.forEach(send);
    if (!channel.closed) {
      const ended = await endedEvent(run.id, container);
      if (ended) send(ended);
    }
  } catch (error) {
    request.log.error({ err: error, runId: run.id }, 'run stream failed');
    channel.close();
  }
}
