import fs from 'node:fs';
import path from 'node:path';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, cookieValue, signUp, type TestSession } from './support/sessions.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('sessions, cookies and CSRF', () => {
  let t: TestApp;
  let session: TestSession;
  beforeAll(async () => {
    t = await createTestApp();
    session = await signUp(t.app);
  });
  afterAll(() => t.close());

  const me = (headers: Record<string, string>, query = '') =>
    t.app.inject({ method: 'GET', url: `/api/v1/auth/me${query}`, headers });
  const patchWorkspace = (headers: Record<string, string>) =>
    t.app.inject({ method: 'PATCH', url: '/api/v1/workspaces/current', headers, payload: { name: 'Renamed' } });

  it('sets the session as an HttpOnly SameSite=Strict cookie with a readable expiry, never in the body', async () => {
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: session.email, password: 'Correct-Horse-9' },
    });
    const access = login.cookies.find((cookie) => cookie.name === 'access_token');
    const expiry = login.cookies.find((cookie) => cookie.name === 'token_exp');
    expect(access).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/', maxAge: 28800 });
    expect(access?.secure).toBeFalsy();
    expect(expiry?.httpOnly).toBeFalsy();
    expect(Number(expiry?.value)).toBeGreaterThan(Date.now() / 1000 + 28000);
    expect(login.body).not.toContain(access?.value);
  });

  it('marks cookies Secure in production', async () => {
    const production = await createTestApp({ env: { NODE_ENV: 'production', JWT_SECRET: 'p'.repeat(40) } });
    const user = await signUp(production.app);
    const login = await production.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: 'Correct-Horse-9' },
    });
    for (const name of ['access_token', 'token_exp'])
      expect(login.cookies.find((cookie) => cookie.name === name)?.secure, name).toBe(true);
    await production.close();
  });

  it('issues a _csrf cookie to a request that has none, and keeps it otherwise', async () => {
    const first = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    const csrf = cookieValue(first, '_csrf');
    expect(csrf).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const again = await t.app.inject({ method: 'GET', url: '/', headers: { cookie: `_csrf=${csrf}` } });
    expect(cookieValue(again, '_csrf')).toBeUndefined();
  });

  it('requires the X-CSRF-Token header on mutating cookie requests', async () => {
    const withoutHeader = await patchWorkspace({ cookie: session.cookie });
    expect(withoutHeader.statusCode).toBe(403);
    expect(withoutHeader.json().code).toBe('AUTH_CSRF_MISMATCH');
    const wrongHeader = await patchWorkspace({ cookie: session.cookie, 'x-csrf-token': 'x'.repeat(43) });
    expect(wrongHeader.statusCode).toBe(403);
    const right = await patchWorkspace({ cookie: session.cookie, 'x-csrf-token': session.csrf });
    expect(right.statusCode).toBe(200);
    // A stale cookie next to a valid Bearer still needs the header: the browser could be forged.
    const staleCookie = await patchWorkspace({
      cookie: `access_token=stale; _csrf=${session.csrf}`,
      ...bearer(session),
    });
    expect(staleCookie.statusCode).toBe(403);
  });

  it('does not apply CSRF to Bearer clients, safe methods or the exempt auth paths', async () => {
    expect((await patchWorkspace(bearer(session))).statusCode).toBe(200);
    expect((await me({ cookie: session.cookie })).statusCode).toBe(200);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { cookie: 'access_token=whatever' },
      payload: { email: session.email, password: 'Correct-Horse-9' },
    });
    expect(login.statusCode).toBe(200);
    const deletion = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/auth/account',
      headers: { cookie: session.cookie },
      payload: {},
    });
    expect(deletion.statusCode).toBe(403);
    expect(deletion.json().code).toBe('AUTH_CSRF_MISMATCH');
  });

  it('accepts the session from the cookie, a Bearer header or ?token=, and a bad candidate does not hide a good one', async () => {
    expect((await me({ cookie: `access_token=${session.token}` })).statusCode).toBe(200);
    expect((await me(bearer(session))).statusCode).toBe(200);
    expect((await me({}, `?token=${session.token}`)).statusCode).toBe(200);
    expect((await me({ cookie: 'access_token=garbage', ...bearer(session) })).statusCode).toBe(200);
    expect((await me({ authorization: 'Bearer garbage' })).statusCode).toBe(401);
  });

  it('rejects tampered, foreign-key and expired tokens', async () => {
    const [header, payload, signature] = session.token.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...claims, sub: 'someone-else' })).toString('base64url')}.${signature}`;
    expect((await me({ authorization: `Bearer ${forged}` })).statusCode).toBe(401);

    const sign = (key: string, exp: number) =>
      new SignJWT({ email: session.email, name: 'x' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(session.userId)
        .setJti('j-1')
        .setIssuedAt(exp - 100)
        .setExpirationTime(exp)
        .sign(new TextEncoder().encode(key));
    const secret = fs.readFileSync(path.join(t.dataDir, '.jwt-secret'), 'utf8');
    const now = Math.floor(Date.now() / 1000);
    expect((await me({ authorization: `Bearer ${await sign(secret, now + 60)}` })).statusCode).toBe(200);
    expect((await me({ authorization: `Bearer ${await sign(secret, now - 10)}` })).statusCode).toBe(401);
    expect(
      (await me({ authorization: `Bearer ${await sign('another-secret-of-enough-length!!', now + 60)}` })).statusCode,
    ).toBe(401);
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${payload}.`;
    expect((await me({ authorization: `Bearer ${none}` })).statusCode).toBe(401);
  });

  it('keeps the development signing secret across restarts, readable by its owner only', () => {
    const file = path.join(t.dataDir, '.jwt-secret');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(file, 'utf8').length).toBeGreaterThanOrEqual(32);
  });

  it('answers 503 for a sign-in provider this server has no credentials for', async () => {
    for (const provider of ['github', 'google']) {
      const response = await t.app.inject({ method: 'GET', url: `/api/v1/auth/${provider}/callback?code=abc` });
      expect(response.statusCode, provider).toBe(503);
      expect(response.json().code).toBe('AUTH_OAUTH_NOT_CONFIGURED');
    }
  });

  it('answers a wrong password and an unknown account with the same 401', async () => {
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: session.email, password: 'Wrong-Passw0rd!' },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'ghost@example.test', password: 'Wrong-Passw0rd!' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
  });

  it('enforces the password policy and unique e-mails at registration', async () => {
    const register = (password: string, email = `p${Math.random()}@example.test`) =>
      t.app.inject({ method: 'POST', url: '/api/v1/auth/register', payload: { name: 'P', email, password } });
    for (const [password, message] of [
      ['Sh0rt!', 'at least 8'],
      ['alllowercase1!', 'uppercase'],
      ['ALLUPPERCASE1!', 'lowercase'],
      ['NoDigitsHere!', 'digit'],
      ['NoSpecial123', 'special'],
      ['Passw0rd', 'special'],
    ] as const) {
      const response = await register(password);
      expect(response.statusCode, password).toBe(400);
      expect(response.json().error).toContain(message);
    }
    expect((await register('Correct-Horse-9', session.email)).statusCode).toBe(409);
    expect((await register('Correct-Horse-9', session.email.toUpperCase())).statusCode).toBe(409);
  });
});
