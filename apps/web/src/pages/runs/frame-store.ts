/**
 * The newest screencast frame of each running test. Frames arrive several times a second per
 * test, so they bypass React state: a tile subscribes to its test and paints the latest frame on
 * its canvas at most once per animation frame.
 */
export class FrameStore {
  readonly #frames = new Map<string, string>();
  readonly #listeners = new Map<string, Set<() => void>>();

  put(testId: string, data: string): void {
    this.#frames.set(testId, data);
    this.#listeners.get(testId)?.forEach((listener) => listener());
  }

  latest(testId: string): string | undefined {
    return this.#frames.get(testId);
  }

  drop(testId: string): void {
    this.#frames.delete(testId);
  }

  clear(): void {
    this.#frames.clear();
  }

  subscribe(testId: string, listener: () => void): () => void {
    let set = this.#listeners.get(testId);
    if (!set) this.#listeners.set(testId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.#listeners.delete(testId);
    };
  }
}
