import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RateLimitTier } from '../../config/index.js';
import type { RateLimiter } from './limiter.js';

/**
 * Recorder keystrokes arrive many times a second during a recording session; counting them
 * against the general budget would end the session (API.md §2.10 exempts them).
 */
const RECORDER_INPUT = /^\/api(?:\/v1)?\/projects\/[^/]+\/record\/[^/]+\/input\/?$/;

/** Whether the general tier counts this request: every `/api` request, legacy ones included. */
export function countsAgainstGeneralLimit(method: string, url: string): boolean {
  if (method === 'OPTIONS') return false;
  const path = url.split('?', 1)[0] ?? '';
  if (path !== '/api' && !path.startsWith('/api/')) return false;
  return !(method === 'POST' && RECORDER_INPUT.test(path));
}

/**
 * Applies the general tier to `/api` requests in `onRequest`, so it answers before
 * authentication, routing outcomes (404, legacy 308) and body parsing. Call it on the root
 * instance, before the routes are registered, so every route inherits the hook.
 */
export function installGeneralRateLimit(app: FastifyInstance, limiter: RateLimiter): void {
  app.addHook('onRequest', async (request, reply) => {
    if (countsAgainstGeneralLimit(request.method, request.url)) await limiter.enforce('general', request, reply);
  });
}

/**
 * A route-tier limiter for a route's `preHandler` list. List it after the role check, so a
 * caller refused by role does not spend the tier's budget. Routes that share a tier (forgot
 * password and resend verification; the expensive run routes) share one bucket by naming it.
 */
export function rateLimitPreHandler(
  limiter: RateLimiter,
  tier: RateLimitTier,
): (request: FastifyRequest, reply: FastifyReply) => Promise<void> {
  return (request, reply) => limiter.enforce(tier, request, reply);
}
