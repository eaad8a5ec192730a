import type { Clock } from '@sentri/core';
import type { RunsRepository } from '@sentri/db';
import type { Logger } from 'pino';
import type { RunEvent, RunEventHub } from './run-event-hub.js';

type Kept = Exclude<RunEvent['type'], 'frame' | 'snapshot'>;

/**
 * The ordered, persisted event log of one run. Every event gets the next sequence number, is
 * written to `run_events` and only then published, so a client that reconnects with
 * `Last-Event-ID` finds in the database everything it may have missed. Writes are chained, so
 * the log order is the order things happened even though each write is asynchronous.
 */
export class RunJournal {
  #seq: number;
  #chain: Promise<void> = Promise.resolve();

  constructor(
    readonly runId: string,
    startSeq: number,
    private readonly runs: RunsRepository,
    private readonly hub: RunEventHub,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {
    this.#seq = startSeq;
  }

  /** The sequence number of the last event recorded so far (written or about to be). */
  get seq(): number {
    return this.#seq;
  }

  log(message: string, level: 'info' | 'warn' | 'error' | 'success' = 'info'): Promise<void> {
    return this.record('log', { level, message }, { level, message });
  }

  record(type: Kept, payload: Record<string, unknown>, columns: { level?: string; message?: string } = {}) {
    const seq = ++this.#seq;
    const event: RunEvent = { ...payload, type, seq };
    const write = this.#chain.then(async () => {
      try {
        await this.runs.appendEvents([
          {
            runId: this.runId,
            seq,
            type,
            level: columns.level ?? null,
            message: columns.message ?? null,
            data: JSON.stringify(payload),
            createdAt: this.clock.now().toISOString(),
          },
        ]);
      } catch (error) {
        // A lost event must not stop the run; it is still delivered live.
        this.logger.error({ err: error, runId: this.runId, seq }, 'run event could not be stored');
      }
      this.hub.publish(this.runId, event);
    });
    this.#chain = write;
    return write;
  }

  /** Published after everything recorded so far, with that position as its id. Not stored. */
  snapshot(run: Record<string, unknown>): Promise<void> {
    const seq = this.#seq;
    const write = this.#chain.then(() => this.hub.publish(this.runId, { type: 'snapshot', seq, run }));
    this.#chain = write;
    return write;
  }

  /** Live only: frames are many and worthless a second later. */
  frame(testId: string, data: string): void {
    if (this.hub.watched(this.runId)) this.hub.publish(this.runId, { type: 'frame', testId, data });
  }

  /** Live only: AI output token by token; the tests it becomes are what is kept. */
  token(token: string): void {
    if (this.hub.watched(this.runId)) this.hub.publish(this.runId, { type: 'llm_token', token });
  }

  /** Whether anyone, in this process or another, is watching the run live right now. */
  watched(): boolean {
    return this.hub.watched(this.runId);
  }

  flush(): Promise<void> {
    return this.#chain;
  }
}
