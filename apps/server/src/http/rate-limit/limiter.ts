import { AppError } from '@sentri/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RateLimit, RateLimitTier } from '../../config/index.js';
import { throttledWarning, type RateLimitHit, type RateLimitLogger, type RateLimitStore } from './store.js';

export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  /** Requests left in the current window (0 once it is used up). */
  remaining: number;
  /** Epoch milliseconds at which the window closes. */
  resetAt: number;
  /** Seconds to wait before retrying: 0 when allowed, at least 1 when not. */
  retryAfterSec: number;
}

export interface RateLimiter {
  /** Counts one request of `clientKey` against `tier`'s window. */
  consume(tier: RateLimitTier, clientKey: string): Promise<RateLimitDecision>;
  /**
   * Counts the request against `tier` by its client address, sets the headers and, when the
   * window is used up, sets `Retry-After` and throws a 429 AppError.
   */
  enforce(tier: RateLimitTier, request: FastifyRequest, reply: FastifyReply): Promise<void>;
}

export interface RateLimiterOptions {
  store: RateLimitStore;
  limits: Readonly<Record<RateLimitTier, RateLimit>>;
  logger: RateLimitLogger;
  /** Clock, replaceable in tests; must be the same clock the store uses. */
  now?: () => number;
}

/**
 * The tiers that announce their budget with the draft-7 `RateLimit` / `RateLimit-Policy`
 * headers (API.md §2.10). The sign-in tiers only send `Retry-After` when they refuse, so a
 * sign-in response keeps the general tier's headers, as on every other `/api` response.
 */
const ANNOUNCED_TIERS: ReadonlySet<RateLimitTier> = new Set(['general', 'expensive', 'ai']);

export function createRateLimiter({ store, limits, logger, now = Date.now }: RateLimiterOptions): RateLimiter {
  // A store should fail open by itself; this covers one that throws anyway.
  const warnStoreFailure = throttledWarning(logger, 'Rate-limit store failed: requests are allowed uncounted');

  async function consume(tier: RateLimitTier, clientKey: string): Promise<RateLimitDecision> {
    const { max, windowMs } = limits[tier];
    let hit: RateLimitHit;
    try {
      hit = await store.hit(`${tier}:${clientKey}`, windowMs);
    } catch (error) {
      warnStoreFailure(error);
      hit = { count: 0, resetAt: now() + windowMs };
    }
    const allowed = hit.count <= max;
    const untilReset = secondsUntil(hit.resetAt, now());
    return {
      allowed,
      limit: max,
      remaining: Math.max(0, max - hit.count),
      resetAt: hit.resetAt,
      retryAfterSec: allowed ? 0 : Math.max(1, untilReset),
    };
  }

  async function enforce(tier: RateLimitTier, request: FastifyRequest, reply: FastifyReply): Promise<void> {
    // request.ip honours TRUST_PROXY: X-Forwarded-For is believed only from trusted proxies.
    const decision = await consume(tier, request.ip);
    if (ANNOUNCED_TIERS.has(tier)) {
      const { windowMs } = limits[tier];
      reply.header('RateLimit-Policy', `${decision.limit};w=${Math.ceil(windowMs / 1000)}`);
      reply.header(
        'RateLimit',
        `limit=${decision.limit}, remaining=${decision.remaining}, reset=${secondsUntil(decision.resetAt, now())}`,
      );
    }
    if (decision.allowed) return;
    reply.header('Retry-After', String(decision.retryAfterSec));
    throw new AppError('REQUEST_RATE_LIMITED', rejectionMessage(tier, limits[tier], decision.retryAfterSec), {
      retryAfter: decision.retryAfterSec,
    });
  }

  return { consume, enforce };
}

/** The 429 text of each tier (API.md §2.10), with the configured numbers rather than the defaults. */
export function rejectionMessage(tier: RateLimitTier, limit: RateLimit, retryAfterSec: number): string {
  const wait = plural(Math.ceil(retryAfterSec / 60), 'minute');
  const per = describeWindow(limit.windowMs);
  switch (tier) {
    case 'general':
      return 'Too many requests. Please slow down and try again shortly.';
    case 'login':
      return `Too many sign-in attempts. Try again in ${wait}.`;
    case 'forgot':
    case 'reset':
      return `Too many requests. Try again in ${wait}.`;
    case 'expensive':
      return `Rate limit reached for test runs. You can trigger up to ${limit.max} runs per ${per}. Please wait before starting another.`;
    case 'ai':
      return `Rate limit reached for AI generation. You can trigger up to ${limit.max} AI requests per ${per}. Please wait before generating more tests.`;
  }
}

/** "hour", "2 hours", "30 minutes", "90 seconds": the window as the sentence "… per <window>". */
function describeWindow(windowMs: number): string {
  const [amount, unit] =
    windowMs % 3_600_000 === 0
      ? [windowMs / 3_600_000, 'hour']
      : windowMs % 60_000 === 0
        ? [windowMs / 60_000, 'minute']
        : [Math.ceil(windowMs / 1000), 'second'];
  return amount === 1 ? unit : plural(amount, unit);
}

function plural(amount: number, unit: string): string {
  return `${amount} ${unit}${amount === 1 ? '' : 's'}`;
}

function secondsUntil(epochMs: number, now: number): number {
  return Math.max(0, Math.ceil((epochMs - now) / 1000));
}
