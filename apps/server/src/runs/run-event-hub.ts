/** One event of a run as clients receive it; `seq` is the SSE id (absent for frames, which are not kept). */
export interface RunEvent {
  seq?: number;
  type: 'log' | 'step' | 'result' | 'heal' | 'snapshot' | 'frame' | 'done' | 'stage' | 'page' | 'edge' | 'llm_token';
  [field: string]: unknown;
}

type Listener = (event: RunEvent) => void;

/**
 * Live run events inside this process: the executor publishes, SSE connections listen. What must
 * survive a reconnect is persisted by the run journal before it is published here. This is the
 * whole story for a single process; `RedisRunEventHub` (redis-event-bus.ts) extends it so that
 * processes sharing a Redis hear each other's runs.
 */
export class RunEventHub {
  readonly #listeners = new Map<string, Set<Listener>>();
  #abortHandler: ((runId: string) => void) | undefined;

  /** How events travel between processes (GET /system). */
  get mode(): 'in-process' | 'redis' {
    return 'in-process';
  }

  subscribe(runId: string, listener: Listener): () => void {
    let listeners = this.#listeners.get(runId);
    if (!listeners) {
      this.#listeners.set(runId, (listeners = new Set()));
      this.watchStarted(runId);
    }
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && this.#listeners.get(runId) === listeners) {
        this.#listeners.delete(runId);
        this.watchEnded(runId);
      }
    };
  }

  /**
   * Settles once events of the run published by any process reach this one's subscribers. A
   * stream subscribes, awaits this, and only then reads the stored events: whatever is published
   * later arrives live, whatever was published earlier is already stored. Never rejects.
   */
  ready(_runId: string): Promise<void> {
    return Promise.resolve();
  }

  publish(runId: string, event: RunEvent): void {
    this.deliver(runId, event);
  }

  /** Hands an event to this process's subscribers of the run. */
  protected deliver(runId: string, event: RunEvent): void {
    for (const listener of this.#listeners.get(runId) ?? []) listener(event);
  }

  /** The first subscriber of a run in this process arrived… */
  protected watchStarted(_runId: string): void {}

  /** …and the last one left. */
  protected watchEnded(_runId: string): void {}

  /** Whether anyone, here or in another process, watches the run live: frames are only made then. */
  watched(runId: string): boolean {
    return this.listenerCount(runId) > 0;
  }

  /**
   * Declares that this process executes the run, so an abort asked of another process reaches it.
   * Resolves to the release, called when the run's job has ended.
   */
  async own(_runId: string): Promise<() => void> {
    return () => undefined;
  }

  /** What this process does when another one asks it to abort a run it executes. */
  onAbortRequest(handler: (runId: string) => void): void {
    this.#abortHandler = handler;
  }

  protected abortRequested(runId: string): void {
    this.#abortHandler?.(runId);
  }

  /** Asks the process executing the run to abort it; false when none took the request. */
  async requestAbort(_runId: string): Promise<boolean> {
    return false;
  }

  /** Waits for the first connection attempt of whatever carries events between processes. */
  async connect(): Promise<void> {}

  async close(): Promise<void> {}

  readonly #streams = new Set<() => void>();

  /** Open client streams, so shutdown can end them instead of waiting for their runs to finish. */
  trackStream(close: () => void): () => void {
    this.#streams.add(close);
    return () => this.#streams.delete(close);
  }

  closeStreams(): void {
    for (const close of [...this.#streams]) close();
  }

  listenerCount(runId: string): number {
    return this.#listeners.get(runId)?.size ?? 0;
  }
}
