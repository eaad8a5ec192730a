/**
 * Ports the engine and the services depend on; implementations live in the apps (disk, S3, …).
 */

/** Stores run evidence (screenshots, traces, videos, baselines, exports) by relative key. */
export interface ArtifactStore {
  /** Writes atomically: a reader never sees a half-written file. */
  put(key: string, data: Uint8Array | string): Promise<void>;
  /** undefined when the artifact does not exist. */
  get(key: string): Promise<Uint8Array | undefined>;
  exists(key: string): Promise<boolean>;
  delete(key: string): Promise<void>;
  /** Removes every artifact whose key starts with `prefix/`. */
  deletePrefix(prefix: string): Promise<void>;
  /** Throws when artifacts cannot be written (readiness probe). */
  checkWritable(): Promise<void>;
}

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
