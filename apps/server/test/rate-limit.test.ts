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
const requireRedis = process.env.SENTRI_REQUIRE_REDIS === '1';
if (!redisUrl && requireRedis) throw new Error('SENTRI_REQUIRE_REDIS=1 but TEST_REDIS_URL is not set.');
if (!redisUrl) console.warn('\n!!! TEST_REDIS_URL unset: Redis rate-limit tests SKIPPED (see .ci/redis.sh)\n');

const MINUTE = 60_000;
const SMALL = { max: 3, windowMs: MINUTE };
const LIMITS: Record<RateLimitTier, RateLimit> = {
  general: { max: 1000, windowMs: 15 * MINUTE },
  login: { max: 10, windowMs: 15 * MINUTE }, // the default, tested as is
  ...{ forgot: SMALL, reset: SMALL, expensive: SMALL, ai: SMALL },
};

// Every test calls from addresses of its own, so runs sharing one Redis never share a bucket;
// the random prefix also names the keys to delete afterwards.
const RUN_PREFIX = `fd00:${randomBytes(2).toString('hex')}:${randomBytes(2).toString('hex')}`;
let addressCount = 0;
const newClientAddress = () => `${RUN_PREFIX}::${(++addressCount).toString(16)}`;

const apps: FastifyInstance[] = [];
const stores: RateLimitStore[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
  for (const store of stores.splice(0)) await store.close();
});

/** A real Fastify app with our error model and stand-ins for the tiered routes; closed with its store. */
async function buildApp(store: RateLimitStore, options: { general?: RateLimit; trustProxy?: boolean } = {}) {
  const app = Fastify({ trustProxy: options.trustProxy ?? false });
  apps.push(app);
  stores.push(store);
  app.setValidatorCompiler(TypeBoxValidatorCompiler);
  installErrorHandler(app);
  const limits = { ...LIMITS, general: options.general ?? LIMITS.general };
  const limiter = createRateLimiter({ store, limits, logger: { warn: vi.fn() } });
  installGeneralRateLimit(app, limiter);

  const requireQaLead = async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.headers['x-test-role'] === 'viewer') return reply.code(403).send({ error: 'Requires qa_lead.' });
  };
  const expensive = { preHandler: [requireQaLead, rateLimitPreHandler(limiter, 'expensive')] };
  const forgot = { preHandler: [rateLimitPreHandler(limiter, 'forgot')] };
  app.post('/api/v1/auth/login', { preHandler: [rateLimitPreHandler(limiter, 'login')] }, async () => {
    throw new AppError('AUTH_REQUIRED', 'Invalid credentials.'); // failed attempts count too
  });
  app.post('/api/v1/auth/forgot-password', forgot, async () => ({ ok: true }));
  app.post('/api/v1/auth/resend-verification', forgot, async () => ({ ok: true }));
  // TypeBox-typed, as the real routes are, to prove the preHandler fits their types.
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();
  const params = Type.Object({ id: Type.String() });
  typed.post('/api/v1/projects/:id/run', { schema: { params }, ...expensive }, async ({ params }) => params);
  app.post('/api/v1/tests/:testId/run', expensive, async () => ({ ok: true }));
  app.get('/api/v1/ping', async () => ({ ok: true }));
  app.get('/health', async () => ({ ok: true }));
  await app.ready();
  return app;
}

type Method = 'GET' | 'POST' | 'OPTIONS';
function send(app: FastifyInstance, method: Method, url: string, from: string, headers = {}) {
  return app.inject({ method, url, remoteAddress: from, headers, ...(method === 'POST' ? { payload: {} } : {}) });
}

/** Sends `count` requests one after another and returns their status codes. */
async function statuses(count: number, request: (index: number) => ReturnType<typeof send>) {
  const codes: number[] = [];
  for (let index = 0; index < count; index++) codes.push((await request(index)).statusCode);
  return codes;
}

function expect429(response: Awaited<ReturnType<typeof send>>, error: string, windowSec: number) {
  expect(response.statusCode).toBe(429);
  const body = response.json();
  const retryAfter = expect.toBeOneOf([windowSec - 2, windowSec - 1, windowSec]); // a second or two may pass
  expect(body).toEqual({ error, code: 'REQUEST_RATE_LIMITED', retryAfter });
  expect(response.headers['retry-after']).toBe(String(body.retryAfter));
}

function limiterSuite(makeStore: () => RateLimitStore) {
  it('answers the 4th /api request of a window with 429, counting 404s but not OPTIONS or /health', async () => {
    const app = await buildApp(makeStore(), { general: SMALL });
    const client = newClientAddress();
    expect((await send(app, 'OPTIONS', '/api/v1/ping', client)).headers.ratelimit).toBeUndefined();
    expect((await send(app, 'GET', '/health', client)).headers.ratelimit).toBeUndefined();
    const counted = [];
    for (const url of ['/api/v1/ping', '/api/v1/no-such-route', '/api/ping?legacy=1', '/api/v1/ping'])
      counted.push(await send(app, 'GET', url, client));
    expect(counted.map((response) => response.statusCode)).toEqual([200, 404, 404, 429]);
    expect(counted.map((response) => response.headers['ratelimit-policy'])).toEqual(Array(4).fill('3;w=60'));
    expect(counted[0]?.headers.ratelimit).toMatch(/^limit=3, remaining=2, reset=(59|60)$/);
    expect(counted[0]?.headers['retry-after']).toBeUndefined();
    expect(counted[3]?.headers.ratelimit).toMatch(/^limit=3, remaining=0, reset=/);
    expect429(counted[3]!, 'Too many requests. Please slow down and try again shortly.', 60);
    expect((await send(app, 'GET', '/api/v1/ping', newClientAddress())).statusCode).toBe(200);
  });

  it('refuses the 11th sign-in attempt of 15 minutes (the default login limit)', async () => {
    const app = await buildApp(makeStore());
    const client = newClientAddress();
    const login = () => send(app, 'POST', '/api/v1/auth/login', client);
    expect(await statuses(10, login)).toEqual(Array(10).fill(401));
    const refused = await login();
    expect429(refused, 'Too many sign-in attempts. Try again in 15 minutes.', 900);
    // The sign-in tier leaves the draft-7 headers to the general tier.
    expect(refused.headers['ratelimit-policy']).toBe('1000;w=900');
  });

  it('shares one bucket between forgot-password and resend-verification', async () => {
    const app = await buildApp(makeStore());
    const client = newClientAddress();
    const routes = ['forgot-password', 'resend-verification', 'forgot-password'];
    const allowed = await statuses(3, (i) => send(app, 'POST', `/api/v1/auth/${routes[i]}`, client));
    expect(allowed).toEqual([200, 200, 200]);
    const refused = await send(app, 'POST', '/api/v1/auth/resend-verification', client);
    expect429(refused, 'Too many requests. Try again in 1 minute.', 60);
  });

  it('shares one expensive bucket between run routes, and a refused role spends none of it', async () => {
    const app = await buildApp(makeStore());
    const client = newClientAddress();
    const asViewer = () => send(app, 'POST', '/api/v1/projects/p1/run', client, { 'x-test-role': 'viewer' });
    expect(await statuses(5, asViewer)).toEqual(Array(5).fill(403));
    const runs = ['/api/v1/projects/p1/run', '/api/v1/tests/t1/run', '/api/v1/projects/p2/run'];
    expect(await statuses(3, (i) => send(app, 'POST', runs[i]!, client))).toEqual([200, 200, 200]);
    const refused = await send(app, 'POST', '/api/v1/tests/t2/run', client);
    const message = 'You can trigger up to 3 runs per minute. Please wait before starting another.';
    expect429(refused, `Rate limit reached for test runs. ${message}`, 60);
    expect(refused.headers['ratelimit-policy']).toBe('3;w=60');
  });

  it('ignores X-Forwarded-For when no proxy is trusted, and honours it when one is', async () => {
    const spoofing = (app: FastifyInstance, from: string) => () =>
      send(app, 'GET', '/api/v1/ping', from, { 'x-forwarded-for': newClientAddress() });
    const untrusting = await buildApp(makeStore(), { general: SMALL });
    expect(await statuses(4, spoofing(untrusting, newClientAddress()))).toEqual([200, 200, 200, 429]);
    // The control: behind a trusted proxy each forwarded address is a client of its own.
    const trusting = await buildApp(makeStore(), { general: SMALL, trustProxy: true });
    expect(await statuses(5, spoofing(trusting, newClientAddress()))).toEqual(Array(5).fill(200));
  });
}

describe('rate limiting over HTTP, memory store', () => limiterSuite(() => new MemoryRateLimitStore()));

describe.skipIf(!redisUrl)('rate limiting over HTTP, Redis store', () => {
  const url = redisUrl ?? '';
  const redisLogger = { warn: vi.fn() };
  const inspector = new Redis(url, { lazyConnect: true });
  // A store that silently failed open would pass no 429 test, but say so plainly.
  afterEach(() => expect(redisLogger.warn).not.toHaveBeenCalled());
  afterAll(async () => {
    // Remove this run's counters only: other test runs may share this Redis.
    const keys = await inspector.keys(`sentri:rl:*:${RUN_PREFIX}::*`);
    if (keys.length > 0) await inspector.del(...keys);
    await inspector.quit();
  });

  limiterSuite(() => new RedisRateLimitStore(url, redisLogger));

  it('counts in one bucket for two API processes, under sentri:rl:<tier>:<client>', async () => {
    const first = await buildApp(new RedisRateLimitStore(url, redisLogger));
    const second = await buildApp(new RedisRateLimitStore(url, redisLogger));
    const client = newClientAddress();
    const alternating = (i: number) => send(i % 2 ? second : first, 'POST', '/api/v1/auth/login', client);
    expect(await statuses(11, alternating)).toEqual([...Array(10).fill(401), 429]);
    expect(await inspector.mget(`sentri:rl:login:${client}`, `sentri:rl:general:${client}`)).toEqual(['11', '11']);
    expect(await inspector.pttl(`sentri:rl:login:${client}`)).toBeGreaterThan(15 * MINUTE - 5_000);
  });
});

describe('rate limiting with an unreachable Redis', () => {
  it('fails open at once, warning once rather than per request', async () => {
    const logger = { warn: vi.fn() };
    const app = await buildApp(new RedisRateLimitStore('redis://127.0.0.1:1', logger, { connectTimeout: 300 }));
    const started = performance.now();
    const client = newClientAddress();
    expect(await statuses(20, () => send(app, 'POST', '/api/v1/auth/login', client))).toEqual(Array(20).fill(401));
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(logger.warn).toHaveBeenCalledTimes(1);
  });
});
