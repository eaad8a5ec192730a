import { AppError } from '@sentri/core';
import type { RunRow } from '@sentri/db';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Container } from '../container.js';
import { workspaceOf } from '../http/route-helpers.js';
import type { RunEvent } from './run-event-hub.js';
import { endedEvent, openSseChannel, snapshotEvent, storedEvent } from './sse-channel.js';

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
  const channel = openSseChannel(reply, container);
  const send = (runId: string, event: RunEvent) => {
    let id = '';
    if (event.seq !== undefined) {
      if (event.type !== 'snapshot' && event.seq <= (cursor.get(runId) ?? -1)) return;
      cursor.set(runId, event.seq);
      id = `id: ${formatCursor(cursor)}\n`;
    }
    channel.write(
      `${id}event: ${event.type}\ndata: ${JSON.stringify({ ...event, runId })}\n\n`,
      event.type === 'frame',
    );
  };

  const hub = container.services.runEvents;
  try {
    // Each run in turn: live events that arrive during its replay wait and follow it, in order.
    for (const run of found) {
      let held: RunEvent[] | null = [];
      channel.onClose(hub.subscribe(run.id, (event) => (held ? held.push(event) : send(run.id, event))));
      // Nothing published between subscribing and reading is lost: see streamEventsOf.
      await hub.ready(run.id);
      const from = cursor.get(run.id);
      if (from !== undefined) {
        for (const row of await runs.eventsAfter(run.id, from)) send(run.id, storedEvent(row));
      } else {
        send(run.id, await snapshotEvent(run, container));
      }
      const pending = held;
      held = null;
      pending.forEach((event) => send(run.id, event));
      const ended = from === undefined ? await endedEvent(run.id, container) : undefined;
      if (ended) send(run.id, ended);
    }
  } catch (error) {
    request.log.error({ err: error }, 'multi-run stream failed');
    channel.close();
  }
}
