import { Redis, type RedisOptions } from 'ioredis';

/** One counted request: how many hits the window holds now, and when it closes. */
export interface RateLimitHit {
  count: number;
  /** Epoch milliseconds at which the window closes and counting starts again. */
  resetAt: number;
}

/**
 * Fixed-window counters. The first hit on a key opens a window of `windowMs`; later hits only
 * count until it closes. A store that cannot count (Redis down) answers `count: 0` so the
 * request is allowed: a rate limiter must never take the API down.
 */
export interface RateLimitStore {
  hit(key: string, windowMs: number): Promise<RateLimitHit>;
  close(): Promise<void>;
}

/** The part of pino / Fastify's logger the rate limiter needs. */
export interface RateLimitLogger {
  warn(details: object, message: string): void;
}

/** Logs at most once per interval, so an outage does not write one line per request. */
export function throttledWarning(logger: RateLimitLogger, message: string, intervalMs = 60_000, now = Date.now) {
  let lastAt = -Infinity;
  return (error: unknown): void => {
    if (now() - lastAt < intervalMs) return;
    lastAt = now();
    logger.warn({ err: error }, message);
  };
}

/** Counters in this process: the default, and enough for a single API process. */
export class MemoryRateLimitStore implements RateLimitStore {
  private readonly windows = new Map<string, RateLimitHit>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly now: () => number = Date.now,
    sweepIntervalMs = 60_000,
  ) {
    // Windows are replaced lazily when their key is hit again; the sweep frees keys of clients
    // that never come back. unref: the timer must not keep a finished process alive.
    this.sweeper = setInterval(() => this.sweep(), sweepIntervalMs);
    this.sweeper.unref();
  }

  /** Open windows, for tests and diagnostics. */
  get size(): number {
    return this.windows.size;
  }

  async hit(key: string, windowMs: number): Promise<RateLimitHit> {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + windowMs };
      this.windows.set(key, window);
    }
    window.count += 1;
    return { count: window.count, resetAt: window.resetAt };
  }

  sweep(): void {
    const now = this.now();
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
    this.windows.clear();
  }
}

export const REDIS_KEY_PREFIX = 'sentri:rl:';

/**
 * INCR, then start the window's clock if it has none, then read what is left of it — atomically,
 * in one round trip. A Lua script rather than `PEXPIRE … NX` because NX needs Redis 7 and ioredis
 * supports 6.2. `ttl < 0` also repairs a key that somehow lost its expiry, so it cannot block a
 * client forever.
 */
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}
`;

/**
 * Fail fast rather than queue: while Redis is unreachable a request must not wait for it.
 * No offline queue (commands fail at once while disconnected), one retry, short timeouts; the
 * client keeps reconnecting in the background with ioredis' default backoff.
 */
export const REDIS_RATE_LIMIT_OPTIONS: RedisOptions = {
  lazyConnect: true,
  enableOfflineQueue: false,
  maxRetriesPerRequest: 1,
  connectTimeout: 2_000,
  commandTimeout: 1_000,
};

type RateLimitRedis = Redis & { sentriRateLimitHit(key: string, windowMs: number): Promise<[number, number]> };

/** Counters shared by every API process through Redis, under `sentri:rl:<tier>:<client>`. */
export class RedisRateLimitStore implements RateLimitStore {
  private readonly client: RateLimitRedis;
  private readonly firstConnection: Promise<void>;
  private readonly warn: (error: unknown) => void;

  constructor(url: string, logger: RateLimitLogger, options: RedisOptions = {}) {
    this.client = new Redis(url, { ...REDIS_RATE_LIMIT_OPTIONS, ...options }) as RateLimitRedis;
    this.client.defineCommand('sentriRateLimitHit', { numberOfKeys: 1, lua: HIT_SCRIPT });
    this.warn = throttledWarning(logger, 'Rate-limit store (Redis) unreachable: requests are allowed uncounted');
    // Without a listener ioredis prints every connection error to stderr itself.
    this.client.on('error', (error: unknown) => this.warn(error));
    // Hits wait for the first attempt only (bounded by connectTimeout), so requests right after
    // startup are counted; once it has settled, an outage fails open immediately.
    this.firstConnection = this.client.connect().then(
      () => undefined,
      (error: unknown) => this.warn(error),
    );
  }

  async hit(key: string, windowMs: number): Promise<RateLimitHit> {
    await this.firstConnection;
    try {
      const [count, ttl] = await this.client.sentriRateLimitHit(REDIS_KEY_PREFIX + key, Math.ceil(windowMs));
      return { count, resetAt: Date.now() + ttl };
    } catch (error) {
      this.warn(error);
      return { count: 0, resetAt: Date.now() + windowMs };
    }
  }

  async close(): Promise<void> {
    await this.firstConnection;
    if (this.client.status === 'ready') {
      await this.client.quit().catch(() => this.client.disconnect());
    } else {
      this.client.disconnect();
    }
  }
}
