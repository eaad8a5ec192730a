import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/test-app.js';

const REDIS_URL = process.env.TEST_REDIS_URL;
if (!REDIS_URL && process.env.SENTRI_REQUIRE_REDIS === '1')
  throw new Error('SENTRI_REQUIRE_REDIS=1 but TEST_REDIS_URL is not set.');
if (!REDIS_URL) console.warn('TEST_REDIS_URL is not set: the shared-Redis rate-limit case is skipped.');

describe('rate limits on the product routes, at the documented counts', () => {
  const apps: TestApp[] = [];
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((app) => app.close()));
  });
  const start = async (env: Record<string, string> = {}) => {
    const t = await createTestApp({ env });
    apps.push(t);
    return t;
  };
  const post = (t: TestApp, url: string, payload: object, ip = '127.0.0.1') =>
    t.app.inject({ method: 'POST', url, payload, remoteAddress: ip });

  it('allows 10 sign-in attempts per 15 minutes and refuses the 11th with Retry-After', async () => {
    const t = await start();
    for (let attempt = 1; attempt <= 10; attempt += 1) {
      expect(
        (await post(t, '/api/v1/auth/login', { email: 'a@example.test', password: 'x' })).statusCode,
        `attempt ${attempt}`,
      ).toBe(401);
    }
    const refused = await post(t, '/api/v1/auth/login', { email: 'a@example.test', password: 'x' });
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({
      code: 'REQUEST_RATE_LIMITED',
      error: expect.stringMatching(/sign-in attempts.*15 minutes/),
    });
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(890);
    expect(retryAfter).toBeLessThanOrEqual(900);
    // Another client address has its own budget.
    expect(
      (await post(t, '/api/v1/auth/login', { email: 'a@example.test', password: 'x' }, '10.0.0.2')).statusCode,
    ).toBe(401);
  });

  it('shares one bucket of 5 between forgot-password and resend-verification', async () => {
    const t = await start();
    for (let index = 0; index < 5; index += 1) {
      const url = index % 2 === 0 ? '/api/v1/auth/forgot-password' : '/api/v1/auth/resend-verification';
      expect((await post(t, url, { email: 'b@example.test' })).statusCode).toBe(200);
    }
    for (const url of ['/api/v1/auth/forgot-password', '/api/v1/auth/resend-verification']) {
      const refused = await post(t, url, { email: 'b@example.test' });
      expect(refused.statusCode, url).toBe(429);
      expect(refused.headers['retry-after']).toBeDefined();
    }
  });

  it('allows 5 password resets per 15 minutes', async () => {
    const t = await start();
    for (let index = 0; index < 5; index += 1) {
      expect(
        (await post(t, '/api/v1/auth/reset-password', { token: 'nope', newPassword: 'Val1d-Passw0rd' })).statusCode,
      ).toBe(400);
    }
    expect(
      (await post(t, '/api/v1/auth/reset-password', { token: 'nope', newPassword: 'Val1d-Passw0rd' })).statusCode,
    ).toBe(429);
  });

  it('limits every /api request to 300 per 15 minutes, with draft-7 headers, but not health', async () => {
    const t = await start();
    let last;
    for (let index = 0; index < 300; index += 1)
      last = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(last?.statusCode).toBe(401);
    expect(last?.headers['ratelimit-policy']).toBe('300;w=900');
    expect(last?.headers.ratelimit).toMatch(/^limit=300, remaining=0, reset=\d+$/);
    const refused = await t.app.inject({ method: 'GET', url: '/api/projects' });
    expect(refused.statusCode).toBe(429);
    expect(refused.json().code).toBe('REQUEST_RATE_LIMITED');
    expect((await t.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
  });

  it('honours RATE_LIMIT_* overrides', async () => {
    const t = await start({ RATE_LIMIT_LOGIN: '2/1m' });
    await post(t, '/api/v1/auth/login', {});
    await post(t, '/api/v1/auth/login', {});
    const refused = await post(t, '/api/v1/auth/login', {});
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
  });

  it('does not let a spoofed X-Forwarded-For dodge a limit unless TRUST_PROXY says so', async () => {
    const t = await start({ RATE_LIMIT_LOGIN: '2/15m' });
    const spoofed = (n: number) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: {},
        headers: { 'x-forwarded-for': `203.0.113.${n}` },
      });
    await spoofed(1);
    await spoofed(2);
    expect((await spoofed(3)).statusCode).toBe(429);

    const proxied = await start({ RATE_LIMIT_LOGIN: '2/15m', TRUST_PROXY: '127.0.0.1' });
    for (const n of [1, 2, 3]) {
      const response = await proxied.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: {},
        headers: { 'x-forwarded-for': `203.0.113.${n}` },
      });
      expect(response.statusCode).toBe(400);
    }
  });

  describe.skipIf(!REDIS_URL)('with REDIS_URL', () => {
    it('shares the budget between two API processes', async () => {
      const env = { REDIS_URL: REDIS_URL!, RATE_LIMIT_LOGIN: `3/15m` };
      const first = await start(env);
      const second = await start(env);
      const ip = `198.51.100.${Math.floor(Math.random() * 250)}`;
      await post(first, '/api/v1/auth/login', {}, ip);
      await post(second, '/api/v1/auth/login', {}, ip);
      await post(first, '/api/v1/auth/login', {}, ip);
      expect((await post(second, '/api/v1/auth/login', {}, ip)).statusCode).toBe(429);
    });
  });
});
