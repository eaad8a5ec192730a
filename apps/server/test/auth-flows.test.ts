import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOAuth, type FakeOAuth } from '../../../test-support/fake-oauth.js';
import { startSmtpSink, type SmtpSink } from '../../../test-support/smtp-sink.js';
import { HttpClient } from './support/http-client.js';
import { startLiveApp, type LiveApp } from './support/live-app.js';

const PASSWORD = 'Tr0ub4dor&3x';

describe('account flows over real HTTP, with mail delivered over SMTP', () => {
  let smtp: SmtpSink;
  let oauth: FakeOAuth;
  let live: LiveApp;
  let dataDir: string;

  const env = () => ({
    SKIP_EMAIL_VERIFICATION: 'false',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
    APP_URL: 'http://sentri.test',
    GITHUB_CLIENT_ID: oauth.clientId,
    GITHUB_CLIENT_SECRET: oauth.clientSecret,
    GITHUB_OAUTH_URL: oauth.url,
    GITHUB_API_URL: oauth.url,
    GOOGLE_CLIENT_ID: oauth.clientId,
    GOOGLE_CLIENT_SECRET: oauth.clientSecret,
    GOOGLE_TOKEN_URL: `${oauth.url}/token`,
    GOOGLE_USERINFO_URL: `${oauth.url}/userinfo`,
  });

  beforeAll(async () => {
    smtp = await startSmtpSink();
    oauth = await startFakeOAuth();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sentri-auth-'));
    live = await startLiveApp({ dataDir, env: env() });
  });
  afterAll(async () => {
    await live.close();
    await smtp.close();
    await oauth.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const linkIn = (text: string, pathPrefix: string) => {
    const match = new RegExp(`http://sentri\\.test${pathPrefix.replace('?', '\\?')}([A-Za-z0-9_-]+)`).exec(text);
    if (!match?.[1]) throw new Error(`no ${pathPrefix} link in: ${text}`);
    return match[1];
  };

  it('register → verification mail → verify → login → refresh → logout, with old tokens rejected', async () => {
    const browser = new HttpClient(live.url);
    const email = 'ada@example.test';
    const registered = await browser.post('/api/v1/auth/register', {
      name: 'Ada',
      email: 'Ada@Example.test',
      password: PASSWORD,
    });
    expect(registered.status).toBe(201);
    expect(registered.json).toEqual({ message: expect.any(String), requiresVerification: true });

    const blocked = await browser.post('/api/v1/auth/login', { email, password: PASSWORD });
    expect(blocked.status).toBe(403);
    expect(blocked.json).toMatchObject({ code: 'EMAIL_NOT_VERIFIED', email });

    const mail = await smtp.waitForMessage((message) => message.to.includes(email));
    const token = linkIn(mail.text, '/login?verify=');
    expect((await browser.get(`/api/v1/auth/verify?token=${token}`)).json).toMatchObject({ verified: true });
    expect((await browser.get(`/api/v1/auth/verify?token=${token}`)).status).toBe(400);

    const login = await browser.post('/api/v1/auth/login', { email, password: PASSWORD });
    expect(login.status).toBe(200);
    expect(login.json.user).toMatchObject({ email, name: 'Ada', workspaceRole: 'admin', hasPassword: true });
    expect(login.text).not.toContain(browser.cookies.get('access_token'));
    const firstToken = browser.cookies.get('access_token')!;
    expect(Number(browser.cookies.get('token_exp'))).toBeGreaterThan(Date.now() / 1000);

    expect((await browser.get('/api/v1/auth/me')).json).toMatchObject({ email, createdAt: expect.any(String) });
    const refreshed = await browser.post('/api/v1/auth/refresh');
    expect(refreshed.status).toBe(200);
    const secondToken = browser.cookies.get('access_token')!;
    expect(secondToken).not.toBe(firstToken);
    const stale = await fetch(`${live.url}/api/v1/auth/me`, { headers: { authorization: `Bearer ${firstToken}` } });
    expect(stale.status).toBe(401);

    expect((await browser.post('/api/v1/auth/logout')).status).toBe(200);
    expect(browser.cookies.has('access_token')).toBe(false);
    const afterLogout = await fetch(`${live.url}/api/v1/auth/me`, {
      headers: { authorization: `Bearer ${secondToken}` },
    });
    expect(afterLogout.status).toBe(401);
    expect(await afterLogout.json()).toEqual({ error: 'Authentication required.', code: 'AUTH_REQUIRED' });
  });

  it('forgot → reset mail → reset → only the new password works; links are single-use and only the newest counts', async () => {
    const client = new HttpClient(live.url);
    const email = 'grace@example.test';
    await client.post('/api/v1/auth/register', { name: 'Grace', email, password: PASSWORD });
    const verify = await smtp.waitForMessage((message) => message.to.includes(email));
    await client.get(`/api/v1/auth/verify?token=${linkIn(verify.text, '/login?verify=')}`);

    const known = await client.post('/api/v1/auth/forgot-password', { email });
    const unknown = await client.post('/api/v1/auth/forgot-password', { email: 'nobody@example.test' });
    expect(known.status).toBe(200);
    expect(unknown.json).toEqual(known.json);
    const first = linkIn(
      (await smtp.waitForMessage((m) => m.to.includes(email) && /reset/i.test(m.subject))).text,
      '/forgot-password?token=',
    );
    await client.post('/api/v1/auth/forgot-password', { email });
    const second = linkIn(
      (await smtp.waitForMessage((m) => m.to.includes(email) && /reset/i.test(m.subject) && !m.text.includes(first)))
        .text,
      '/forgot-password?token=',
    );

    const NEW = 'N3w-Passphrase!';
    expect((await client.post('/api/v1/auth/reset-password', { token: first, newPassword: NEW })).status).toBe(400);
    const weak = await client.post('/api/v1/auth/reset-password', { token: second, newPassword: 'weak' });
    expect(weak.status).toBe(400);
    expect((await client.post('/api/v1/auth/reset-password', { token: second, newPassword: NEW })).status).toBe(200);
    expect(
      (await client.post('/api/v1/auth/reset-password', { token: second, newPassword: 'An0ther-one!' })).status,
    ).toBe(400);

    expect((await client.post('/api/v1/auth/login', { email, password: PASSWORD })).status).toBe(401);
    expect((await client.post('/api/v1/auth/login', { email, password: NEW })).status).toBe(200);
  });

  it('signs in with GitHub and Google through the full code exchange, linking to the same account by e-mail', async () => {
    const client = new HttpClient(live.url);
    oauth.github.addCode('gh-code-1', {
      id: 4242,
      login: 'octo',
      name: null,
      email: null,
      avatar_url: 'https://avatars.test/octo.png',
      emails: [{ email: 'Octo@Example.test', primary: true, verified: true }],
    });
    const github = await client.get('/api/v1/auth/github/callback?code=gh-code-1');
    expect(github.status).toBe(200);
    expect(github.json.user).toMatchObject({
      email: 'octo@example.test',
      name: 'octo',
      hasPassword: false,
      avatar: 'https://avatars.test/octo.png',
      workspaceRole: 'admin',
    });
    expect(client.cookies.get('access_token')).toBeTruthy();
    expect((await client.get('/api/v1/auth/me')).json.email).toBe('octo@example.test');

    oauth.google.addCode('g-code-1', {
      sub: 'google-7',
      email: 'octo@example.test',
      email_verified: true,
      name: 'Octo Cat',
    });
    const google = await new HttpClient(live.url).get('/api/v1/auth/google/callback?code=g-code-1');
    expect(google.status).toBe(200);
    expect(google.json.user.id).toBe(github.json.user.id);

    const reused = await client.get('/api/v1/auth/github/callback?code=gh-code-1');
    expect(reused.status).toBe(401);
    expect(reused.json.code).toBe('AUTH_OAUTH_FAILED');
    expect((await client.get('/api/v1/auth/github/callback')).status).toBe(400);

    // An OAuth-only account has no password to confirm: deleting it needs no body at all.
    const erased = await client.request('DELETE', '/api/v1/auth/account');
    expect(erased.status, erased.text).toBe(200);
    expect((await client.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('keeps a revoked session revoked across a restart', async () => {
    const client = new HttpClient(live.url);
    await client.post('/api/v1/auth/register', { name: 'Linus', email: 'linus@example.test', password: PASSWORD });
    const mail = await smtp.waitForMessage((message) => message.to.includes('linus@example.test'));
    await client.get(`/api/v1/auth/verify?token=${linkIn(mail.text, '/login?verify=')}`);
    await client.post('/api/v1/auth/login', { email: 'linus@example.test', password: PASSWORD });
    const token = client.cookies.get('access_token')!;
    await client.post('/api/v1/auth/logout');

    await live.close();
    live = await startLiveApp({ dataDir, env: env() });
    const response = await fetch(`${live.url}/api/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(401);
  });
});
