import { MemoryRateLimitStore, RedisRateLimitStore, type RateLimitLogger, type RateLimitStore } from './store.js';

/** Redis when `REDIS_URL` is set, so every API process shares one count; memory otherwise. */
export function createRateLimitStore(redisUrl: string | undefined, logger: RateLimitLogger): RateLimitStore {
  return redisUrl ? new RedisRateLimitStore(redisUrl, logger) : new MemoryRateLimitStore();
}

export { createRateLimiter, type RateLimitDecision, type RateLimiter, type RateLimiterOptions } from './limiter.js';
export { countsAgainstGeneralLimit, installGeneralRateLimit, rateLimitPreHandler } from './plugin.js';
export {
  MemoryRateLimitStore,
  RedisRateLimitStore,
  type RateLimitHit,
  type RateLimitLogger,
  type RateLimitStore,
} from './store.js';
