import fs from 'node:fs';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '../../../test-support/smtp-sink.js';
import { cookieValue } from './support/sessions.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const PASSWORD = 'First-Secret-42!';
const NEW_PASSWORD = 'Second-Secret-43!';
const WRONG_PASSWORD = 'Not-The-Secret-44!';
const AI_KEY = 'sk-live-super-secret-key-0042';

/**
 * Walks a whole account lifecycle and then searches every response body and header (except the
 * Set-Cookie that carries the session by design) and every log line for anything secret.
 */
describe('secrets never leak into responses, logs or exports', () => {
  let t: TestApp;
  let smtp: SmtpSink;
  const responses: LightMyRequestResponse[] = [];
  const jwts: string[] = [];
  const mailedTokens: string[] = [];

  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await createTestApp({
      env: {
        SKIP_EMAIL_VERIFICATION: 'false',
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(smtp.port),
        APP_URL: 'http://sentri.test',
      },
    });
    const send = async (
      method: 'GET' | 'POST' | 'DELETE',
      url: string,
      options: { payload?: object; headers?: Record<string, string> } = {},
    ) => {
      const response = await t.app.inject({ method, url, ...options });
      responses.push(response);
      const jwt = cookieValue(response, 'access_token');
      if (jwt) jwts.push(jwt);
      return response;
    };
    const email = 'leak@example.test';
    await send('POST', '/api/v1/auth/register', { payload: { name: 'Leak', email, password: PASSWORD } });
    const verifyMail = await smtp.waitForMessage((message) => message.to.includes(email));
    const verifyToken = /verify=([A-Za-z0-9_-]+)/.exec(verifyMail.text)?.[1] ?? '';
    mailedTokens.push(verifyToken);
    await send('GET', `/api/v1/auth/verify?token=${verifyToken}`);
    await send('POST', '/api/v1/auth/login', { payload: { email, password: WRONG_PASSWORD } });
    await send('POST', '/api/v1/auth/login', { payload: { email, password: PASSWORD } });
    const auth = () => ({ authorization: `Bearer ${jwts.at(-1)}` });
    await send('GET', `/api/v1/auth/me?token=${jwts.at(-1)}`);
    await send('POST', '/api/v1/auth/refresh', { headers: auth() });
    await send('POST', '/api/v1/settings', { headers: auth(), payload: { provider: 'anthropic', apiKey: AI_KEY } });
    await send('GET', '/api/v1/settings', { headers: auth() });
    await send('GET', '/api/v1/auth/export', { headers: { ...auth(), 'x-account-password': PASSWORD } });
    await send('GET', '/api/v1/auth/export', { headers: { ...auth(), 'x-account-password': WRONG_PASSWORD } });
    await send('POST', '/api/v1/auth/forgot-password', { payload: { email } });
    const resetMail = await smtp.waitForMessage(
      (message) => message.to.includes(email) && /reset/i.test(message.subject),
    );
    const resetToken = /token=([A-Za-z0-9_-]+)/.exec(resetMail.text)?.[1] ?? '';
    mailedTokens.push(resetToken);
    await send('POST', '/api/v1/auth/reset-password', { payload: { token: resetToken, newPassword: NEW_PASSWORD } });
    await send('POST', '/api/v1/auth/login', { payload: { email, password: NEW_PASSWORD } });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  async function secrets(): Promise<Record<string, string>> {
    const user = await t.container.database.db
      .selectFrom('users')
      .select('passwordHash')
      .where('email', '=', 'leak@example.test')
      .executeTakeFirstOrThrow();
    const found: Record<string, string> = {
      password: PASSWORD,
      newPassword: NEW_PASSWORD,
      wrongPassword: WRONG_PASSWORD,
      aiKey: AI_KEY,
      passwordHash: user.passwordHash ?? '',
      jwtSecret: fs.readFileSync(path.join(t.dataDir, '.jwt-secret'), 'utf8'),
    };
    jwts.forEach((jwt, index) => (found[`jwt${index}`] = jwt));
    mailedTokens.forEach((token, index) => (found[`mailedToken${index}`] = token));
    return found;
  }

  it('collected the session tokens, the mailed tokens and a stored hash to look for', async () => {
    expect(jwts.length).toBeGreaterThanOrEqual(3);
    expect(mailedTokens.every((token) => token.length >= 32)).toBe(true);
    expect((await secrets()).passwordHash).toMatch(/^scrypt\$/);
  });

  it('puts none of them in a response body or header', async () => {
    for (const [name, secret] of Object.entries(await secrets())) {
      for (const response of responses) {
        const { 'set-cookie': _cookie, ...headers } = response.headers;
        expect(
          response.body.includes(secret),
          `${name} in body of ${response.statusCode} ${response.body.slice(0, 80)}`,
        ).toBe(false);
        expect(JSON.stringify(headers).includes(secret), `${name} in headers`).toBe(false);
      }
    }
  });

  it('puts none of them in a log line', async () => {
    const log = JSON.stringify(t.logs);
    expect(t.logs.length).toBeGreaterThan(10);
    for (const [name, secret] of Object.entries(await secrets()))
      expect(log.includes(secret), `${name} in the log`).toBe(false);
    expect(log).toContain('token=[redacted]');
  });

  it('exports the account without its hash or any secret', async () => {
    const exported = responses.find(
      (response) => response.statusCode === 200 && response.body.includes('"exportedAt"'),
    );
    expect(exported).toBeDefined();
    expect(exported?.json().user.email).toBe('leak@example.test');
    expect(exported?.body).not.toContain('passwordHash');
  });
});
