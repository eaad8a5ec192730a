/** One event of a run as clients receive it; `seq` is the SSE id (absent for frames, which are not kept). */
export interface RunEvent {
  seq?: number;
  type: 'log' | 'step' | 'result' | 'heal' | 'snapshot' | 'frame' | 'done' | 'stage' | 'page' | 'edge' | 'llm_token';
  [field: string]: unknown;
}

type Listener = (event: RunEvent) => void;

/**
 * Live run events inside this process: the executor publishes, SSE connections listen. What must
 * survive a reconnect is persisted by the run journal before it is published here.
 */
export class RunEventHub {
  readonly #listeners = new Map<string, Set<Listener>>();

  subscribe(runId: string, listener: Listener): () => void {
    let listeners = this.#listeners.get(runId);
    if (!listeners) this.#listeners.set(runId, (listeners = new Set()));
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && this.#listeners.get(runId) === listeners) this.#listeners.delete(runId);
    };
  }

  publish(runId: string, event: RunEvent): void {
    for (const listener of this.#listeners.get(runId) ?? []) listener(event);
  }

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
