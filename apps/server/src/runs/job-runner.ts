import type { Logger } from 'pino';

export interface Job {
  readonly id: string;
  abort(): void;
  /** Settles when the job has stopped, however it ended. */
  readonly done: Promise<void>;
}

/**
 * The in-process job queue: at most `concurrency` jobs at once, the rest wait in order. A job
 * aborted while it waits never starts. Redis-backed queues implement the same shape.
 */
export class JobRunner {
  readonly #jobs = new Map<string, Job>();
  readonly #waiting: (() => void)[] = [];
  #running = 0;

  constructor(
    private readonly concurrency: number,
    private readonly logger: Logger,
  ) {}

  enqueue(id: string, work: (signal: AbortSignal) => Promise<void>): Job {
    const controller = new AbortController();
    const done = this.#slot()
      .then(async () => {
        if (!controller.signal.aborted) await work(controller.signal);
      })
      .catch((error: unknown) => this.logger.error({ err: error, job: id }, 'job failed'))
      .finally(() => {
        this.#running -= 1;
        this.#waiting.shift()?.();
        this.#jobs.delete(id);
      });
    const job: Job = { id, abort: () => controller.abort(), done };
    this.#jobs.set(id, job);
    return job;
  }

  get(id: string): Job | undefined {
    return this.#jobs.get(id);
  }

  active(): Job[] {
    return [...this.#jobs.values()];
  }

  #slot(): Promise<void> {
    if (this.#running < this.concurrency) {
      this.#running += 1;
      return Promise.resolve();
    }
    return new Promise((resolve) =>
      this.#waiting.push(() => {
        this.#running += 1;
        resolve();
      }),
    );
  }
}
