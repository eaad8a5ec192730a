/**
 * Tracks long-lived work (jobs, streams) so shutdown can wait for it, then interrupt what is
 * left once the drain deadline passes.
 */
export interface TrackedWork {
  /** Asks the work to stop early; it should settle soon after. */
  interrupt(reason: string): void;
  readonly done: Promise<unknown>;
}

export class Lifecycle {
  #closing = false;
  readonly #work = new Set<TrackedWork>();

  get closing(): boolean {
    return this.#closing;
  }

  get activeWork(): number {
    return this.#work.size;
  }

  /** Registers work until it settles. */
  track(work: TrackedWork): void {
    this.#work.add(work);
    const forget = () => this.#work.delete(work);
    work.done.then(forget, forget);
  }

  /**
   * Stops taking new work and waits up to `drainMs` for tracked work to finish; whatever is
   * still running then is interrupted and given a short grace period to record that.
   */
  async drain(drainMs: number): Promise<{ interrupted: number }> {
    this.#closing = true;
    const pending = () => [...this.#work].map((work) => work.done.catch(() => undefined));
    const finished = await settleWithin(Promise.all(pending()), drainMs);
    if (finished) return { interrupted: 0 };
    const left = [...this.#work];
    for (const work of left) work.interrupt('Server shutting down');
    await settleWithin(Promise.all(pending()), Math.min(2000, Math.max(drainMs, 100)));
    return { interrupted: left.length };
  }
}

async function settleWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([promise.then(() => true as const), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
