import type { RunEventRow, RunRow } from '@sentri/db';
import type { FastifyReply } from 'fastify';
import type { Container } from '../container.js';
import type { RunEvent } from './run-event-hub.js';

const HEARTBEAT_MS = 15_000;
/** A client this far behind misses frames (they are only pictures of now)… */
const FRAME_BACKLOG_BYTES = 512 * 1024;
/** …and this far behind is cut off: it reconnects with Last-Event-ID and loses nothing stored. */
const MAX_BACKLOG_BYTES = 16 * 1024 * 1024;

export interface SseChannel {
  readonly closed: boolean;
  /** Writes one message; frames are dropped while the client is behind, a hopeless backlog closes. */
  write(message: string, isFrame: boolean): void;
  /** Runs when the channel closes, for whatever reason (client gone, shutdown, backlog). */
  onClose(cleanup: () => void): void;
  close(): void;
}

/**
 * Takes the reply over as an event stream: headers, heartbeats, backpressure, and closing on
 * disconnect or server shutdown. What is sent, and in what order, is the caller's business.
 */
export function openSseChannel(reply: FastifyReply, container: Container): SseChannel {
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  raw.flushHeaders();

  const cleanups: (() => void)[] = [];
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    untrack();
    cleanups.forEach((cleanup) => cleanup());
    raw.end();
  };
  const untrack = container.services.runEvents.trackStream(close);
  const heartbeat = setInterval(() => !closed && raw.write(': heartbeat\n\n'), HEARTBEAT_MS);
  raw.on('close', close);

  return {
    get closed() {
      return closed;
    },
    write(message, isFrame) {
      if (closed) return;
      if (raw.writableLength > MAX_BACKLOG_BYTES) {
        close();
        raw.destroy();
        return;
      }
      if (isFrame && raw.writableLength > FRAME_BACKLOG_BYTES) return;
      raw.write(message);
    },
    onClose(cleanup) {
      // A cleanup registered after the client left runs at once, or a subscription would leak.
      if (closed) cleanup();
      else cleanups.push(cleanup);
    },
    close,
  };
}

/** A stored run event, as it was streamed live. */
export function storedEvent(row: RunEventRow): RunEvent {
  return { ...(JSON.parse(row.data ?? '{}') as object), type: row.type as RunEvent['type'], seq: row.seq };
}

/** The first event for a subscriber that has seen nothing: the whole run as it is now. */
export async function snapshotEvent(run: RunRow, container: Container): Promise<RunEvent & { seq: number }> {
  const view = await container.services.runs.view((await container.repositories.runs.findById(run.id)) ?? run);
  return { type: 'snapshot', seq: view.lastEventId, run: view };
}

/** A run that ended without a stored `done` (interrupted by a restart) still says how it ended. */
export async function endedEvent(runId: string, container: Container): Promise<RunEvent | undefined> {
  const current = await container.repositories.runs.findById(runId);
  if (!current || current.status === 'running') return undefined;
  return { type: 'done', status: current.status, passed: current.passed, failed: current.failed, total: current.total };
}
