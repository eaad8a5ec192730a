import { setTimeout as sleep } from 'node:timers/promises';
import type { SentriClient } from './api-client.js';
import { formatDuration } from './duration.js';
import type { FollowTiming } from './follow-run.js';
import type { Progress } from './progress.js';
import { RunTally, type TestResult } from './run-tally.js';
import { readEventStream, SseParser, type SseEvent } from './sse.js';

/** The `done` event's payload. */
export interface DoneEvent {
  status?: string;
  passed?: number;
  failed?: number;
  flaky?: number;
  total?: number;
}

type Attempt = 'done' | 'unavailable' | { reason: string; progressed: boolean };

/**
 * A run's live event stream, read until `done`: results and logs go to the progress display,
 * and a dropped or silent connection is resumed with Last-Event-ID, so nothing is missed and
 * nothing is shown twice.
 */
export class RunEventStream {
  readonly tally = new RunTally();
  done: DoneEvent | null = null;
  private lastEventId = '';

  constructor(
    private readonly client: SentriClient,
    private readonly runId: string,
    private readonly progress: Progress,
    private readonly timing: FollowTiming,
    private readonly signal: AbortSignal,
  ) {}

  /** True once the stream delivered `done`; false when live events are not available. */
  async stream(): Promise<boolean> {
    let retries = 0;
    for (;;) {
      const attempt = await this.connectOnce();
      if (attempt === 'done') return true;
      if (attempt === 'unavailable') return false;
      // A connection that delivered events was healthy for a while: its drop starts a fresh budget.
      if (attempt.progressed) retries = 0;
      const delay = this.timing.reconnectDelaysMs[retries];
      if (delay === undefined) {
        this.progress.notice(`Event stream ${attempt.reason}; giving up on live events after ${retries} reconnects.`);
        return false;
      }
      retries += 1;
      this.progress.notice(
        `Event stream ${attempt.reason}; reconnecting in ${formatDuration(delay)} ` +
          `(attempt ${retries} of ${this.timing.reconnectDelaysMs.length}).`,
      );
      await sleep(delay, undefined, { signal: this.signal });
    }
  }

  private async connectOnce(): Promise<Attempt> {
    const connection = new AbortController();
    const signal = AbortSignal.any([this.signal, connection.signal]);
    let silent = false;
    let watchdog: NodeJS.Timeout | undefined;
    const arm = () => {
      clearTimeout(watchdog);
      watchdog = setTimeout(() => {
        silent = true;
        connection.abort();
      }, this.timing.silenceMs);
    };
    let progressed = false;
    try {
      arm();
      let response: Response;
      try {
        response = await this.client.openEvents(this.runId, this.lastEventId, signal);
      } catch (error) {
        if (this.signal.aborted) throw error;
        return { reason: silent ? 'did not answer' : `could not connect (${reasonOf(error)})`, progressed };
      }
      if (response.status !== 200 || !response.headers.get('content-type')?.includes('text/event-stream')) {
        // Not awaited: letting go of an unwanted body must not be able to hold us up.
        void response.body?.cancel().catch(() => {});
        if (response.status === 429 || response.status >= 500) {
          return { reason: `answered HTTP ${response.status}`, progressed };
        }
        // No stream here (an older server, or a proxy that refuses it): polling still works.
        return 'unavailable';
      }
      try {
        await readEventStream(
          response.body!,
          new SseParser(),
          (event) => {
            progressed = this.handle(event) || progressed;
            // The server closes after `done`; there is no reason to wait for it.
            return this.done !== null;
          },
          { onActivity: arm, signal },
        );
      } catch (error) {
        if (this.done) return 'done';
        if (this.signal.aborted) throw error;
        return { reason: silent ? `was silent for ${formatDuration(this.timing.silenceMs)}` : 'broke off', progressed };
      }
      return this.done ? 'done' : { reason: 'ended before the run did', progressed };
    } finally {
      clearTimeout(watchdog);
      connection.abort();
    }
  }

  /** Applies one event; true if it was a real event (not a malformed one). */
  private handle(event: SseEvent): boolean {
    if (event.id) this.lastEventId = event.id;
    let data: Record<string, unknown>;
    try {
      data = JSON.parse(event.data) as Record<string, unknown>;
    } catch {
      return false;
    }
    switch (event.event !== 'message' ? event.event : data.type) {
      case 'snapshot': {
        const run = (data.run ?? {}) as { total?: unknown; results?: unknown };
        if (typeof run.total === 'number') this.tally.total = run.total;
        // A late joiner's snapshot already holds results; show them like live ones.
        if (Array.isArray(run.results)) for (const result of run.results) this.addResult(result as TestResult);
        this.progress.counts(this.tally.counts(), 'stream');
        break;
      }
      case 'result':
        if (data.result && typeof data.result === 'object') this.addResult(data.result as TestResult);
        break;
      case 'log':
        this.progress.log(String(data.level ?? 'info'), String(data.message ?? ''));
        break;
      case 'done':
        this.done = data as DoneEvent;
        if (typeof this.done.total === 'number') this.tally.total = this.done.total;
        break;
      default:
        // step, heal, frame: the dashboard's business, not a CI log's.
        break;
    }
    return true;
  }

  private addResult(result: TestResult): void {
    if (typeof result?.testId !== 'string') return;
    if (this.tally.add(result)) this.progress.result(result, this.tally.counts());
  }
}

function reasonOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string } }).cause;
  return cause?.code ?? (error as Error).message ?? String(error);
}
