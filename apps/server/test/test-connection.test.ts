import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startHttpReceiver, type HttpReceiver } from './support/receivers.js';
import { bearer, browser, signUp, type TestSession } from './support/sessions.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { closedPort } from '../../../test-support/ports.js';

const check = (t: TestApp, session: TestSession, payload?: unknown) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/test-connection',
    headers: bearer(session),
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

describe('POST /test-connection (API.md §4.17, §2.13 reachability guard)', () => {
  let t: TestApp;
  let lead: TestSession;
  const receivers: HttpReceiver[] = [];
  const receiver = async () => {
    const started = await startHttpReceiver();
    receivers.push(started);
    return started;
  };

  beforeAll(async () => {
    // This repo's default: private and loopback targets are allowed (self-hosted QA of local apps).
    t = await createTestApp({ env: { CONNECTION_TEST_TIMEOUT_MS: '300', RATE_LIMIT_EXPENSIVE: '1000/1h' } });
    lead = await signUp(t.app);
  });
  afterEach(async () => {
    await Promise.all(receivers.splice(0).map((started) => started.close()));
  });
  afterAll(() => t.close());

  it('reports the status any answering URL gives, from one HEAD request', async () => {
    const target = await receiver();
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/test-connection',
      headers: browser(lead),
      payload: { url: `${target.url}/health?x=1` },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ ok: true, status: 200 });
    const [request] = await target.waitFor(1);
    expect(request).toMatchObject({ method: 'HEAD', path: '/health?x=1' });

    // A 4xx or 5xx is still an answer: the URL is reachable.
    target.respondWith(503, 'down for maintenance');
    expect((await check(t, lead, { url: target.url })).json()).toEqual({ ok: true, status: 503 });
  });

  it('reports a redirect without following it', async () => {
    const elsewhere = await receiver();
    const target = await receiver();
    target.respondWith(302, '', { location: `${elsewhere.url}/internal` });
    const response = await check(t, lead, { url: target.url });
    expect(response.json()).toEqual({ ok: true, status: 302 });
    expect(elsewhere.requests).toHaveLength(0);
  });

  it('answers 502 with ok:false, the reason and an error code when nothing answers', async () => {
    const refused = await check(t, lead, { url: `http://127.0.0.1:${await closedPort()}/` });
    expect(refused.statusCode).toBe(502);
    expect(refused.json()).toEqual({
      ok: false,
      error: expect.stringMatching(/ECONNREFUSED/),
      code: 'UPSTREAM_UNREACHABLE',
    });

    const slow = await receiver();
    slow.delay(5000);
    const timedOut = await check(t, lead, { url: slow.url });
    expect(timedOut.statusCode).toBe(502);
    expect(timedOut.json()).toEqual({ ok: false, error: 'timed out after 0.3 s', code: 'UPSTREAM_UNREACHABLE' });

    const unknownHost = await check(t, lead, { url: 'http://no-such-host.invalid/' });
    expect(unknownHost.statusCode).toBe(502);
    expect(unknownHost.json()).toMatchObject({ ok: false, code: 'UPSTREAM_UNREACHABLE' });
  });

  it('checks the request in the original order, each refusal with its own code', async () => {
    const cases: Array<[unknown, string, string]> = [
      [undefined, 'CONNECTION_URL_REQUIRED', 'url is required'],
      [{}, 'CONNECTION_URL_REQUIRED', 'url is required'],
      [{ url: '   ' }, 'CONNECTION_URL_REQUIRED', 'url is required'],
      [{ url: null }, 'CONNECTION_URL_REQUIRED', 'url is required'],
      [{ url: 'not a url' }, 'CONNECTION_URL_INVALID', 'Invalid URL format'],
      [{ url: 42 }, 'CONNECTION_URL_INVALID', 'Invalid URL format'],
      [{ url: `https://example.com/${'a'.repeat(2100)}` }, 'CONNECTION_URL_INVALID', 'Invalid URL format'],
      [{ url: 'ftp://files.example.com' }, 'CONNECTION_URL_PROTOCOL', 'URL must use http or https protocol'],
      [{ url: 'javascript:alert(1)' }, 'CONNECTION_URL_PROTOCOL', 'URL must use http or https protocol'],
      // Cloud metadata is never a target, whatever ALLOW_PRIVATE_URLS says.
      [
        { url: 'http://169.254.169.254/latest/meta-data/' },
        'CONNECTION_URL_PRIVATE',
        'URL must not point to localhost, private, or internal addresses',
      ],
      [
        { url: 'http://metadata.google.internal/' },
        'CONNECTION_URL_PRIVATE',
        'URL must not point to localhost, private, or internal addresses',
      ],
      [
        { url: 'http://[fe80::1]/' },
        'CONNECTION_URL_PRIVATE',
        'URL must not point to localhost, private, or internal addresses',
      ],
      // fetch refuses these only when asked, as a network error; they are still the request's fault.
      [
        { url: 'http://user:secret@127.0.0.1:9/' },
        'CONNECTION_URL_INVALID',
        'URL must not include a user name or password',
      ],
      [{ url: 'http://127.0.0.1:22/' }, 'CONNECTION_URL_INVALID', 'Port 22 is blocked for web requests'],
    ];
    for (const [payload, code, error] of cases) {
      const response = await check(t, lead, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json(), JSON.stringify(payload)).toEqual({ error, code, field: 'body.url' });
    }
  });

  it('is for qa leads and above', async () => {
    const viewer = await signUp(t.app);
    const invited = await t.app.inject({
      method: 'POST',
      url: '/api/v1/workspaces/current/members',
      headers: bearer(lead),
      payload: { email: viewer.email, role: 'viewer' },
    });
    expect(invited.statusCode).toBe(201);
    const switched = await t.app.inject({
      method: 'POST',
      url: '/api/v1/workspaces/switch',
      headers: bearer(viewer),
      payload: { workspaceId: lead.workspaceId },
    });
    const token = switched.cookies.find((cookie) => cookie.name === 'access_token')?.value ?? '';
    const refused = await check(t, { ...viewer, token }, { url: 'https://example.com' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'AUTH_ROLE_REQUIRED', requiredRole: 'qa_lead' });
  });
});

describe('POST /test-connection with ALLOW_PRIVATE_URLS=false', () => {
  let t: TestApp;
  let lead: TestSession;
  beforeAll(async () => {
    t = await createTestApp({ env: { ALLOW_PRIVATE_URLS: 'false', RATE_LIMIT_EXPENSIVE: '30/1h' } });
    lead = await signUp(t.app);
  });
  afterAll(() => t.close());

  it('refuses localhost, private, internal and IPv4-mapped hosts without contacting them', async () => {
    const target = await startHttpReceiver();
    try {
      const hosts = [
        target.url,
        'http://localhost:3001/',
        'http://app.localhost/',
        'http://10.1.2.3/',
        'http://172.16.0.1/',
        'http://192.168.1.1/',
        'http://0.0.0.0/',
        'http://[::1]/',
        'http://[::]/',
        'http://[::ffff:127.0.0.1]/',
        'http://[fd12:3456::1]/',
        'http://[fc00::1]/',
        'http://db.internal/',
        'http://2130706433/',
      ];
      for (const url of hosts) {
        const response = await check(t, lead, { url });
        expect(response.statusCode, url).toBe(400);
        expect(response.json(), url).toMatchObject({ code: 'CONNECTION_URL_PRIVATE' });
      }
      expect(target.requests).toHaveLength(0);
      // The protocol is checked before the host.
      expect((await check(t, lead, { url: 'ftp://localhost/' })).json().code).toBe('CONNECTION_URL_PROTOCOL');
    } finally {
      await target.close();
    }
  });

  it('is budgeted by the general tier, so checking a URL never uses up the hourly run budget', async () => {
    const limited = await createTestApp({ env: { RATE_LIMIT_EXPENSIVE: '2/1h', RATE_LIMIT_GENERAL: '6/15m' } });
    try {
      const session = await signUp(limited.app);
      for (let call = 0; call < 3; call++) expect((await check(limited, session, {})).statusCode).toBe(400);
      let refused = await check(limited, session, {});
      for (let call = 0; call < 5 && refused.statusCode !== 429; call++) refused = await check(limited, session, {});
      expect(refused.statusCode).toBe(429);
      expect(refused.headers['retry-after']).toBeDefined();
    } finally {
      await limited.close();
    }
  });
});
