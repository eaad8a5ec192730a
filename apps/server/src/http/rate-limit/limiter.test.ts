import { AppError } from '@sentri/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RateLimit, RateLimitTier } from '../../config/index.js';
import { createRateLimiter, rejectionMessage } from './limiter.js';
import { countsAgainstGeneralLimit } from './plugin.js';
import { MemoryRateLimitStore, type RateLimitStore } from './store.js';

const MINUTE = 60_000;
const DEFAULT_LIMITS: Record<RateLimitTier, RateLimit> = {
  general: { max: 300, windowMs: 15 * MINUTE },
  login: { max: 10, windowMs: 15 * MINUTE },
  forgot: { max: 5, windowMs: 15 * MINUTE },
  reset: { max: 5, windowMs: 15 * MINUTE },
  expensive: { max: 20, windowMs: 60 * MINUTE },
  ai: { max: 30, windowMs: 60 * MINUTE },
};

/** A limiter over a memory store, both on a clock the test moves by hand. */
function setup(limits = DEFAULT_LIMITS, store?: RateLimitStore) {
  const clock = { now: 1_700_000_000_000 };
  const now = () => clock.now;
  const memory = new MemoryRateLimitStore(now);
  const logger = { warn: vi.fn() };
  const limiter = createRateLimiter({ store: store ?? memory, limits, logger, now });
  stores.push(memory);
  return { clock, memory, limiter, logger };
}
const stores: MemoryRateLimitStore[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});

/** Just enough of Fastify's request and reply for `enforce`. */
function fakeExchange(ip = '203.0.113.7') {
  const headers: Record<string, string> = {};
  const reply = {
    header(name: string, value: string) {
      headers[name] = value;
      return reply;
    },
  };
  return { request: { ip } as FastifyRequest, reply: reply as unknown as FastifyReply, headers };
}

async function rejectionOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('rate limiter (fixed window)', () => {
  it('rejects the 11th sign-in of a window, with Retry-After = seconds to the window end', async () => {
    const { clock, limiter } = setup();
    for (let attempt = 1; attempt <= 10; attempt++) {
      const decision = await limiter.consume('login', '203.0.113.7');
      expect(decision).toMatchObject({ allowed: true, limit: 10, remaining: 10 - attempt, retryAfterSec: 0 });
      clock.now += 27_000; // the window opened at the first attempt and does not slide
    }
    // 270 s in: 630 s left → ceil(630/60) = 11 minutes.
    const exchange = fakeExchange();
    const error = await rejectionOf(limiter.enforce('login', exchange.request, exchange.reply));
    expect(error.status).toBe(429);
    expect(error.toBody()).toEqual({
      error: 'Too many sign-in attempts. Try again in 11 minutes.',
      code: 'REQUEST_RATE_LIMITED',
      retryAfter: 630,
    });
    expect(exchange.headers['Retry-After']).toBe('630');
  });

  it('rounds the minutes up and Retry-After up to whole seconds', async () => {
    const { clock, limiter } = setup();
    for (let attempt = 0; attempt < 10; attempt++) await limiter.consume('login', 'a');
    clock.now += 15 * MINUTE - 61_500; // 61.5 s left
    const exchange = fakeExchange('a');
    const error = await rejectionOf(limiter.enforce('login', exchange.request, exchange.reply));
    expect(error.details).toEqual({ retryAfter: 62 });
    expect(error.message).toBe('Too many sign-in attempts. Try again in 2 minutes.');
  });

  it('opens a new window once the old one has passed', async () => {
    const { clock, limiter } = setup();
    for (let attempt = 0; attempt < 11; attempt++) await limiter.consume('login', 'a');
    expect((await limiter.consume('login', 'a')).allowed).toBe(false);
    clock.now += 15 * MINUTE - 1;
    expect((await limiter.consume('login', 'a')).allowed).toBe(false);
    clock.now += 1;
    const fresh = await limiter.consume('login', 'a');
    expect(fresh).toMatchObject({ allowed: true, remaining: 9, resetAt: clock.now + 15 * MINUTE });
  });

  it('keeps one bucket per tier and client, shared by every route that names the tier', async () => {
    const { limiter } = setup();
    // forgot-password and resend-verification both call the forgot tier: 5 in all.
    const forgotRoutes = ['forgot', 'resend', 'forgot', 'resend', 'forgot'];
    for (const _route of forgotRoutes) expect((await limiter.consume('forgot', 'a')).allowed).toBe(true);
    expect((await limiter.consume('forgot', 'a')).allowed).toBe(false);
    // Another tier, and another client, have budgets of their own.
    expect((await limiter.consume('reset', 'a')).allowed).toBe(true);
    expect((await limiter.consume('forgot', 'b')).allowed).toBe(true);
  });

  it('sets the draft-7 headers for the general, expensive and AI tiers', async () => {
    const { clock, limiter } = setup();
    const first = fakeExchange();
    await limiter.enforce('general', first.request, first.reply);
    expect(first.headers).toEqual({
      'RateLimit-Policy': '300;w=900',
      RateLimit: 'limit=300, remaining=299, reset=900',
    });
    clock.now += 100_500;
    const second = fakeExchange();
    await limiter.enforce('expensive', second.request, second.reply);
    expect(second.headers).toEqual({
      'RateLimit-Policy': '20;w=3600',
      RateLimit: 'limit=20, remaining=19, reset=3600',
    });
    const third = fakeExchange();
    await limiter.enforce('general', third.request, third.reply);
    expect(third.headers.RateLimit).toBe('limit=300, remaining=298, reset=800');
  });

  it('leaves the headers to the general tier on sign-in routes, adding Retry-After only on refusal', async () => {
    const { limiter } = setup({ ...DEFAULT_LIMITS, reset: { max: 1, windowMs: MINUTE } });
    const allowed = fakeExchange();
    await limiter.enforce('reset', allowed.request, allowed.reply);
    expect(allowed.headers).toEqual({});
    const refused = fakeExchange();
    const error = await rejectionOf(limiter.enforce('reset', refused.request, refused.reply));
    expect(refused.headers).toEqual({ 'Retry-After': '60' });
    expect(error.message).toBe('Too many requests. Try again in 1 minute.');
  });

  it('states the configured limits in the expensive and AI messages', async () => {
    const limits = { ...DEFAULT_LIMITS, expensive: { max: 2, windowMs: 30 * MINUTE } };
    const { limiter } = setup(limits);
    const exchange = fakeExchange();
    await limiter.enforce('expensive', exchange.request, exchange.reply);
    await limiter.enforce('expensive', exchange.request, exchange.reply);
    const error = await rejectionOf(limiter.enforce('expensive', exchange.request, exchange.reply));
    expect(error.message).toBe(
      'Rate limit reached for test runs. You can trigger up to 2 runs per 30 minutes. Please wait before starting another.',
    );
    expect(exchange.headers.RateLimit).toBe('limit=2, remaining=0, reset=1800');
    expect(rejectionMessage('expensive', DEFAULT_LIMITS.expensive, 10)).toBe(
      'Rate limit reached for test runs. You can trigger up to 20 runs per hour. Please wait before starting another.',
    );
    expect(rejectionMessage('ai', DEFAULT_LIMITS.ai, 10)).toBe(
      'Rate limit reached for AI generation. You can trigger up to 30 AI requests per hour. Please wait before generating more tests.',
    );
    expect(rejectionMessage('general', DEFAULT_LIMITS.general, 10)).toBe(
      'Too many requests. Please slow down and try again shortly.',
    );
  });

  it('allows requests when the store fails, warning once per minute', async () => {
    const broken: RateLimitStore = { hit: () => Promise.reject(new Error('down')), close: async () => {} };
    const { limiter, logger } = setup(DEFAULT_LIMITS, broken);
    for (let attempt = 0; attempt < 50; attempt++) {
      expect(await limiter.consume('login', 'a')).toMatchObject({ allowed: true, remaining: 10 });
    }
    expect(logger.warn).toHaveBeenCalledTimes(1);
  });
});

describe('memory store', () => {
  it('sweeps windows that have closed', async () => {
    const { clock, memory } = setup();
    await memory.hit('login:a', MINUTE);
    await memory.hit('login:b', 2 * MINUTE);
    clock.now += MINUTE;
    memory.sweep();
    expect(memory.size).toBe(1);
    expect(await memory.hit('login:b', 2 * MINUTE)).toEqual({ count: 2, resetAt: clock.now + MINUTE });
  });
});

describe('which requests the general tier counts', () => {
  it.each([
    ['GET', '/api/v1/projects', true],
    ['GET', '/api/v1/runs/1/events?after=3', true],
    ['POST', '/api/projects', true],
    ['GET', '/api', true],
    ['GET', '/api/v1/does-not-exist', true],
    ['OPTIONS', '/api/v1/projects', false],
    ['GET', '/health', false],
    ['GET', '/apiary', false],
    ['GET', '/', false],
    ['POST', '/api/v1/projects/p1/record/s1/input', false],
    ['POST', '/api/projects/p1/record/s1/input', false],
    ['GET', '/api/v1/projects/p1/record/s1', true],
    ['POST', '/api/v1/projects/p1/record/s1/stop', true],
  ])('%s %s → %s', (method, url, counted) => {
    expect(countsAgainstGeneralLimit(method, url)).toBe(counted);
  });
});
