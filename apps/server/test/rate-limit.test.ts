import { randomBytes } from 'node:crypto';
import { AppError } from '@sentri/core';
import { TypeBoxValidatorCompiler, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { Redis } from 'ioredis';
import { Type } from 'typebox';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import type { RateLimit, RateLimitTier } from '../src/config/index.js';
import { installErrorHandler } from '../src/http/error-handler.js';
import {
  createRateLimiter,
  installGeneralRateLimit,
  MemoryRateLimitStore,
  rateLimitPreHandler,
  RedisRateLimitStore,
  type RateLimitStore,
} from '../src/http/rate-limit/index.js';

const redisUrl = process.env.TEST_REDIS_URL;
if (!redisUrl) {
  if (process.env.SENTRI_REQUIRE_REDIS === '1') {
    throw new Error('SENTRI_REQUIRE_REDIS=1 but TEST_REDIS_URL is not set: the Redis rate-limit tests cannot run.');
  }
  console.warn(
    '\n!!! TEST_REDIS_URL is not set: the Redis rate-limit tests are SKIPPED (memory store only). ' +
      'Start one with `bash .ci/redis.sh start` and export TEST_REDIS_URL.\n',
  );
}

const MINUTE = 60_000;
const SMALL = { max: 3, windowMs: MINUTE };
const LIMITS: Record<RateLimitTier, RateLimit> = {
  general: { max: 1000, windowMs: 15 * MINUTE },
  login: { max: 10, windowMs: 15 * MINUTE }, // the default, tested as is
  forgot: SMALL,
  reset: SMALL,
  expensive: SMALL,
  ai: SMALL,
};

// Every test calls from addresses of its own, so runs sharing one Redis never share a bucket;
// the random /32 also names the keys to delete afterwards.
const RUN_PREFIX = `fd00:${randomBytes(2).toString('hex')}:${randomBytes(2).toString('hex')}`;
let addressCount = 0;
const newClientAddress = () => `${RUN_PREFIX}::${(++addressCount).toString(16)}`;

const apps: FastifyInstance[] = [];
const stores: RateLimitStore[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
  for (const store of stores.splice(0)) await store.close();
});

/** A real Fastify app with the repo's error model and stand-ins for the routes that use a tier. */
async function buildApp(store: RateLimitStore, options: { general?: RateLimit; trustProxy?: boolean } = {}) {
  const app = Fastify({ trustProxy: options.trustProxy ?? false });
  apps.push(app);
  app.setValidatorCompiler(TypeBoxValidatorCompiler);
  installErrorHandler(app);
  const limits = { ...LIMITS, ...(options.general ? { general: options.general } : {}) };
  const limiter = createRateLimiter({ store, limits, logger: { warn: vi.fn() } });
  installGeneralRateLimit(app, limiter);

  const requireQaLead = async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.headers['x-test-role'] === 'viewer') {
      return reply.code(403).send({ error: 'Requires qa_lead.', code: 'TEST_ROLE_REFUSED' });
    }
  };
  const expensive = { preHandler: [requireQaLead, rateLimitPreHandler(limiter, 'expensive')] };
  const forgot = { preHandler: [rateLimitPreHandler(limiter, 'forgot')] };
  app.post('/api/v1/auth/login', { preHandler: [rateLimitPreHandler(limiter, 'login')] }, async () => {
    throw new AppError('AUTH_REQUIRED', 'Invalid credentials.'); // failed attempts count too
  });
  app.post('/api/v1/auth/forgot-password', forgot, async () => ({ ok: true }));
  app.post('/api/v1/auth/resend-verification', forgot, async () => ({ ok: true }));
  // A TypeBox-typed route, as the real ones are, to prove the preHandler fits their types.
  const params = Type.Object({ id: Type.String() });
  app
    .withTypeProvider<TypeBoxTypeProvider>()
    .post('/api/v1/projects/:id/run', { schema: { params }, ...expensive }, async (request) => ({
      id: request.params.id,
    }));
  app.post('/api/v1/tests/:testId/run', expensive, async () => ({ runId: 'r2' }));
  app.get('/api/v1/ping', async () => ({ ok: true }));
  app.get('/health', async () => ({ ok: true }));
  await app.ready();
  return app;
}

function send(app: FastifyInstance, method: 'GET' | 'POST' | 'OPTIONS', url: string, from: string, headers = {}) {
  return app.inject({ method, url, remoteAddress: from, headers, ...(method === 'POST' ? { payload: {} } : {}) });
}

function expect429(response: Awaited<ReturnType<typeof send>>, error: string, windowSec: number) {
  expect(response.statusCode).toBe(429);
  const body = response.json();
  expect(body).toEqual({ error, code: 'REQUEST_RATE_LIMITED', retryAfter: expect.any(Number) });
  // A second may pass between the first hit and this one.
  expect(body.retryAfter).toBeGreaterThanOrEqual(windowSec - 2);
  expect(body.retryAfter).toBeLessThanOrEqual(windowSec);
  expect(response.headers['retry-after']).toBe(String(body.retryAfter));
}

function limiterSuite(makeStore: () => RateLimitStore) {
  const store = () => track(makeStore());

  it('answers the 4th /api request of a window with 429, counting 404s but not OPTIONS or /health', async () => {
    const app = await buildApp(store(), { general: SMALL });
    const client = newClientAddress();
    for (let i = 0; i < 3; i++) {
      expect((await send(app, 'OPTIONS', '/api/v1/ping', client)).headers.ratelimit).toBeUndefined();
      const health = await send(app, 'GET', '/health', client);
      expect(health.statusCode).toBe(200);
      expect(health.headers.ratelimit).toBeUndefined();
    }
    const counted = [
      await send(app, 'GET', '/api/v1/ping', client),
      await send(app, 'GET', '/api/v1/no-such-route', client),
      await send(app, 'GET', '/api/ping?legacy=1', client),
    ];
    expect(counted.map((response) => response.statusCode)).toEqual([200, 404, 404]);
    expect(counted.map((response) => response.headers['ratelimit-policy'])).toEqual(['3;w=60', '3;w=60', '3;w=60']);
    expect(counted[2]?.headers.ratelimit).toMatch(/^limit=3, remaining=0, reset=(59|60)$/);
    expect(counted[0]?.headers['retry-after']).toBeUndefined();

    const refused = await send(app, 'GET', '/api/v1/ping', client);
    expect429(refused, 'Too many requests. Please slow down and try again shortly.', 60);
    expect(refused.headers.ratelimit).toMatch(/^limit=3, remaining=0, reset=/);
    expect((await send(app, 'GET', '/api/v1/ping', newClientAddress())).statusCode).toBe(200);
  });

  it('refuses the 11th sign-in attempt of 15 minutes (the default login limit)', async () => {
    const app = await buildApp(store());
    const client = newClientAddress();
    for (let attempt = 1; attempt <= 10; attempt++) {
      const response = await send(app, 'POST', '/api/v1/auth/login', client);
      expect(response.statusCode).toBe(401);
      // The sign-in tier does not replace the general tier's headers.
      expect(response.headers['ratelimit-policy']).toBe('1000;w=900');
    }
    const refused = await send(app, 'POST', '/api/v1/auth/login', client);
    expect429(refused, 'Too many sign-in attempts. Try again in 15 minutes.', 900);
  });

  it('shares one bucket between forgot-password and resend-verification', async () => {
    const app = await buildApp(store());
    const client = newClientAddress();
    for (const route of ['forgot-password', 'resend-verification', 'forgot-password'])
      expect((await send(app, 'POST', `/api/v1/auth/${route}`, client)).statusCode).toBe(200);
    const refused = await send(app, 'POST', '/api/v1/auth/resend-verification', client);
    expect429(refused, 'Too many requests. Try again in 1 minute.', 60);
  });

  it('shares one expensive bucket between run routes, and a refused role spends none of it', async () => {
    const app = await buildApp(store());
    const client = newClientAddress();
    for (let i = 0; i < 5; i++) {
      const viewer = await send(app, 'POST', '/api/v1/projects/p1/run', client, { 'x-test-role': 'viewer' });
      expect(viewer.statusCode).toBe(403);
    }
    for (const url of ['/api/v1/projects/p1/run', '/api/v1/tests/t1/run', '/api/v1/projects/p2/run'])
      expect((await send(app, 'POST', url, client)).statusCode).toBe(200);
    const refused = await send(app, 'POST', '/api/v1/tests/t2/run', client);
    expect429(
      refused,
      'Rate limit reached for test runs. You can trigger up to 3 runs per minute. Please wait before starting another.',
      60,
    );
    expect(refused.headers['ratelimit-policy']).toBe('3;w=60');
  });

  it('ignores X-Forwarded-For when no proxy is trusted, and honours it when one is', async () => {
    const untrusting = await buildApp(store(), { general: SMALL });
    const client = newClientAddress();
    const spoofedStatuses = [];
    for (let i = 0; i < 4; i++) {
      const spoofed = { 'x-forwarded-for': newClientAddress() };
      spoofedStatuses.push((await send(untrusting, 'GET', '/api/v1/ping', client, spoofed)).statusCode);
    }
    expect(spoofedStatuses).toEqual([200, 200, 200, 429]);

    // The control: behind a trusted proxy each forwarded address is a client of its own.
    const trusting = await buildApp(store(), { general: SMALL, trustProxy: true });
    const proxy = newClientAddress();
    for (let i = 0; i < 5; i++) {
      const forwarded = { 'x-forwarded-for': newClientAddress() };
      expect((await send(trusting, 'GET', '/api/v1/ping', proxy, forwarded)).statusCode).toBe(200);
    }
  });
}

describe('rate limiting over HTTP, memory store', () => {
  limiterSuite(() => new MemoryRateLimitStore());
});

describe.skipIf(!redisUrl)('rate limiting over HTTP, Redis store', () => {
  const url = redisUrl ?? '';
  const redisLogger = { warn: vi.fn() };
  // A store that silently failed open would pass no 429 test, but say so plainly.
  afterEach(() => expect(redisLogger.warn).not.toHaveBeenCalled());
  const inspector = new Redis(url);
  afterAll(async () => {
    // Remove this run's counters only: other test runs may share this Redis.
    const keys = await inspector.keys(`sentri:rl:*:${RUN_PREFIX}::*`);
    if (keys.length > 0) await inspector.del(...keys);
    await inspector.quit();
  });

  limiterSuite(() => new RedisRateLimitStore(url, redisLogger));

  it('counts in one bucket for two API processes, under sentri:rl:<tier>:<client>', async () => {
    const first = await buildApp(track(new RedisRateLimitStore(url, redisLogger)));
    const second = await buildApp(track(new RedisRateLimitStore(url, redisLogger)));
    const client = newClientAddress();
    const statuses = [];
    for (const app of [first, second, first, second, first, second, first, second, first, second, first])
      statuses.push((await send(app, 'POST', '/api/v1/auth/login', client)).statusCode);
    expect(statuses).toEqual([...Array<number>(10).fill(401), 429]);
    expect(await inspector.get(`sentri:rl:login:${client}`)).toBe('11');
    expect(await inspector.get(`sentri:rl:general:${client}`)).toBe('11');
    expect(await inspector.pttl(`sentri:rl:login:${client}`)).toBeGreaterThan(15 * MINUTE - 5_000);
  });
});

describe('rate limiting with an unreachable Redis', () => {
  it('fails open at once, warning once rather than per request', async () => {
    const logger = { warn: vi.fn() };
    const app = await buildApp(track(new RedisRateLimitStore('redis://127.0.0.1:1', logger, { connectTimeout: 300 })));
    const client = newClientAddress();
    const started = performance.now();
    for (let i = 0; i < 20; i++) expect((await send(app, 'POST', '/api/v1/auth/login', client)).statusCode).toBe(401);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(logger.warn).toHaveBeenCalledTimes(1);
  });
});

function track<T extends RateLimitStore>(store: T): T {
  stores.push(store);
  return store;
}
