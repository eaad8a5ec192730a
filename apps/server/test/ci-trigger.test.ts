/* eslint-disable @typescript-eslint/no-explicit-any -- JSON bodies of many shapes, asserted field by field */
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTodoApp, type TodoApp } from '../../../fixtures/todo/server.js';
import { bearerApi, waitForRun, type ApiCall } from './support/bearer-api.js';
import { startLiveApp, type LiveApp } from './support/live-app.js';
import { createTestApp } from './support/test-app.js';
import { startHttpReceiver, startSmtpReceiver, type HttpReceiver, type SmtpReceiver } from './support/receivers.js';
import { signUp, type TestSession } from './support/sessions.js';
import { readEvents } from './support/sse.js';

const PASSES = `test('shows the list', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});`;
const FAILS = `test('expects another heading', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Groceries', { timeout: 1000 });
});`;

const HANGS = `test('waits for a page that never loads', async ({ page }) => {
  await page.goto('/hang', { timeout: 120000 });
});`;

describe('CI: trigger tokens, triggered runs, callbacks, notifications and reports', () => {
  let t: LiveApp;
  let todo: TodoApp;
  let receiver: HttpReceiver;
  let smtp: SmtpReceiver;
  let admin: TestSession;
  let api: ApiCall;
  let projectId: string;
  let otherProjectId: string;
  let token: string;
  let tokenId: string;

  /** Calls a trigger endpoint as CI does: the project's token, never a session. */
  const ci = async (
    method: string,
    path: string,
    options: { token?: string | null; body?: unknown; headers?: object } = {},
  ) => {
    const presented = options.token === undefined ? token : options.token;
    const response = await fetch(`${t.url}/api/v1${path}`, {
      method,
      headers: {
        ...(presented === null ? {} : { authorization: `Bearer ${presented}` }),
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...options.headers,
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    const json = response.headers.get('content-type')?.includes('json') && text ? JSON.parse(text) : undefined;
    return { status: response.status, body: json as any, text, headers: response.headers };
  };
  const addTest = async (name: string, playwrightCode: string) => {
    const id = (await api('POST', `/projects/${projectId}/tests`, { name, playwrightCode })).body.id as string;
    expect((await api('PATCH', `/projects/${projectId}/tests/${id}/approve`)).status).toBe(200);
    return id;
  };
  const deliveriesOf = async (runId: string) =>
    (await api('GET', `/projects/${projectId}/notifications/deliveries?runId=${runId}`)).body.deliveries as any[];

  beforeAll(async () => {
    todo = await startTodoApp();
    receiver = await startHttpReceiver();
    smtp = await startSmtpReceiver();
    t = await startLiveApp({
      env: {
        RATE_LIMIT_GENERAL: '100000/1m',
        RATE_LIMIT_EXPENSIVE: '1000/1m',
        MAX_TEST_RETRIES: '0',
        APP_URL: 'https://sentri.example.test',
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(smtp.port),
        EMAIL_FROM: 'Sentri <ci@sentri.test>',
      },
    });
    admin = await signUp(t.app, { name: 'Admin' });
    api = bearerApi(t.url, () => admin.token);
    projectId = (await api('POST', '/projects', { name: 'Todo & Co', url: todo.url })).body.id;
    otherProjectId = (await api('POST', '/projects', { name: 'Other', url: todo.url })).body.id;
  });
  afterAll(async () => {
    await t?.close();
    await receiver?.close();
    await smtp?.close();
    await todo?.close();
  });

  it('shows a token once, stores only its hash, and lists tokens without secrets', async () => {
    const created = await api('POST', `/projects/${projectId}/trigger-tokens`, {
      label: `  ${'nightly '.repeat(20)} `,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: expect.stringMatching(/^WH-\d+$/),
      token: expect.stringMatching(/^[0-9a-f]{80}$/),
    });
    expect(created.body.label).toHaveLength(120);
    ({ token, id: tokenId } = created.body);
    const list = await api('GET', `/projects/${projectId}/trigger-tokens`);
    expect(list.body).toEqual([
      { id: tokenId, projectId, label: created.body.label, createdAt: created.body.createdAt, lastUsedAt: null },
    ]);
    expect(JSON.stringify(list.body)).not.toContain(token);
    const row = await t.container.repositories.triggerTokens.findByHash(
      (await import('node:crypto')).createHash('sha256').update(token).digest('hex'),
    );
    expect(row?.id).toBe(tokenId);
    expect(JSON.stringify(row)).not.toContain(token);
  });

  it('answers every wrong way to call the trigger with the documented status', async () => {
    const trigger = (id: string, options?: Parameters<typeof ci>[2]) => ci('POST', `/projects/${id}/trigger`, options);
    expect((await trigger(projectId, { token: null })).body).toMatchObject({
      error: 'Authorization: Bearer <token> header required.',
      code: 'TRIGGER_AUTH_REQUIRED',
    });
    expect((await trigger(projectId, { token: '' })).body).toMatchObject({
      error: 'Empty token.',
      code: 'TRIGGER_TOKEN_EMPTY',
    });
    expect((await trigger(projectId, { token: 'f'.repeat(80) })).body).toMatchObject({ code: 'TRIGGER_TOKEN_INVALID' });
    // A session token is no trigger token.
    expect((await trigger(projectId, { token: admin.token })).status).toBe(401);
    expect(await trigger('PRJ-9999')).toMatchObject({ status: 404 });
    expect(await trigger(otherProjectId)).toMatchObject({
      status: 403,
      body: { error: 'Token does not belong to this project.', code: 'TRIGGER_TOKEN_FORBIDDEN' },
    });
    expect(await trigger(projectId)).toMatchObject({ status: 400, body: { code: 'RUN_NO_TESTS' } });
    await api('POST', `/projects/${projectId}/tests`, { name: 'Draft', playwrightCode: PASSES });
    expect(await trigger(projectId)).toMatchObject({ status: 400, body: { code: 'RUN_NO_APPROVED_TESTS' } });
    expect(
      await trigger(projectId, { body: { callbackUrl: `https://ci.example.test/${'x'.repeat(2048)}` } }),
    ).toMatchObject({
      status: 400,
      body: { error: 'callbackUrl exceeds maximum length (2048 characters).', code: 'TRIGGER_CALLBACK_TOO_LONG' },
    });
    expect(
      await trigger(projectId, { body: { callbackUrl: 'http://169.254.169.254/latest/meta-data' } }),
    ).toMatchObject({
      status: 400,
      body: { code: 'URL_REFUSED', error: expect.stringMatching(/^callbackUrl: /) },
    });
    expect(await trigger(projectId, { body: { callbackUrl: 42 } })).toMatchObject({ status: 400 });
  });

  it('refuses notification settings that cannot work, naming the field', async () => {
    const patch = (body: object) => api('PATCH', `/projects/${projectId}/notifications`, body);
    expect(await patch({ webhookUrl: '   ' })).toMatchObject({
      status: 400,
      body: { code: 'NOTIFICATIONS_NO_CHANNEL' },
    });
    expect(await patch({ slackWebhookUrl: 'http://169.254.169.254/hooks' })).toMatchObject({
      status: 400,
      body: { code: 'URL_REFUSED', error: expect.stringMatching(/^slackWebhookUrl: /) },
    });
    expect(await patch({ emailRecipients: 'qa@shop.test, not-an-address' })).toMatchObject({
      status: 400,
      body: { error: 'Invalid email address: "not-an-address"', code: 'NOTIFICATIONS_EMAIL_INVALID' },
    });
    expect(await patch({ webhookUrl: ['http://a.test'] })).toMatchObject({ status: 400 });
    expect((await api('GET', `/projects/${projectId}/notifications`)).body).toEqual({ notifications: null });
  });

  it('runs from CI, reports back on the callback, and notifies every channel of the failures', async () => {
    await addTest('Shows the list', PASSES);
    await addTest('Has the right heading', FAILS);
    const settings = await api('PATCH', `/projects/${projectId}/notifications`, {
      teamsWebhookUrl: `${receiver.url}/teams/secret-teams-path`,
      slackWebhookUrl: `${receiver.url}/slack/T000/B000/secret`,
      webhookUrl: `${receiver.url}/hook`,
      emailRecipients: ' lead@shop.test ,dev@shop.test ',
    });
    expect(settings.body.notifications).toMatchObject({
      enabled: true,
      emailRecipients: 'lead@shop.test, dev@shop.test',
    });
    // Sealed at rest: the secret path is not in the database in plain text.
    const stored = await t.container.repositories.notifications.find(projectId);
    expect(JSON.stringify(stored)).not.toContain('secret-teams-path');

    const started = await ci('POST', `/projects/${projectId}/trigger`, {
      body: { callbackUrl: `${receiver.url}/callback` },
      headers: { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'ci-gateway.example.test' },
    });
    expect(started.status).toBe(202);
    const { runId, statusUrl } = started.body;
    expect(statusUrl).toBe(`https://ci-gateway.example.test/api/v1/projects/${projectId}/trigger/runs/${runId}`);
    expect(await ci('POST', `/projects/${projectId}/trigger`)).toMatchObject({
      status: 409,
      body: { code: 'RUN_ALREADY_ACTIVE', runId },
    });

    const statusPath = `/projects/${projectId}/trigger/runs/${runId}`;
    let status: any;
    for (const deadline = Date.now() + 90_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 250))) {
      status = (await ci('GET', statusPath)).body;
      if (status.status !== 'running') break;
    }
    expect(status).toMatchObject({ id: runId, status: 'completed', passed: 1, failed: 1, total: 2, error: null });
    expect(status.finishedAt).not.toBeNull();
    expect((await ci('GET', `/projects/${otherProjectId}/trigger/runs/${runId}`)).status).toBe(403);

    const arrived = await receiver.waitFor(4, 15_000);
    const byPath = (prefix: string) => arrived.find((request) => request.path.startsWith(prefix))?.body as any;
    expect(byPath('/callback')).toEqual({ runId, status: 'completed', passed: 1, failed: 1, total: 2, error: null });
    expect(byPath('/hook')).toMatchObject({
      event: 'run.failed',
      runId,
      projectId,
      projectName: 'Todo & Co',
      passed: 1,
      failed: 1,
      total: 2,
      failingTests: ['Has the right heading'],
      detailUrl: `https://sentri.example.test/runs/${runId}`,
    });
    const card = byPath('/teams');
    expect(card.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(card)).toContain('Has the right heading');
    const slack = byPath('/slack');
    expect(slack.text).toContain('Todo &amp; Co');
    expect(JSON.stringify(slack.blocks)).toContain(`https://sentri.example.test/runs/${runId}`);

    const mails = await smtp.waitFor(2, 15_000);
    expect(
      mails
        .map((mail) => mail.to)
        .flat()
        .sort(),
    ).toEqual(['dev@shop.test', 'lead@shop.test']);
    expect(mails[0]?.subject).toBe('[Sentri] ❌ 1 test(s) failed — Todo & Co');
    expect(mails[0]?.text).toContain(`https://sentri.example.test/runs/${runId}`);

    const deliveries = await deliveriesOf(runId);
    expect(deliveries.map((delivery) => `${delivery.channel}:${delivery.ok}`).sort()).toEqual([
      'callback:true',
      'email:true',
      'email:true',
      'slack:true',
      'teams:true',
      'webhook:true',
    ]);
    // What the log shows never includes a webhook's secret path.
    expect(JSON.stringify(deliveries)).not.toContain('secret');
    const tokens = (await api('GET', `/projects/${projectId}/trigger-tokens`)).body;
    expect(tokens[0].lastUsedAt).not.toBeNull();

    // The same token reads the run's stream and its reports.
    const { messages: events } = await readEvents(`${t.url}/api/v1${statusPath}/events`, {
      authorization: `Bearer ${token}`,
    });
    expect(events[0]?.event).toBe('snapshot');
    expect(events.at(-1)).toMatchObject({ event: 'done', data: expect.objectContaining({ status: 'completed' }) });

    const junit = await ci('GET', `${statusPath}/report.junit.xml`);
    expect(junit.headers.get('content-type')).toContain('application/xml');
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(junit.text);
    const suite = xml.testsuites.testsuite;
    expect(suite).toMatchObject({ tests: '2', failures: '1', name: 'Todo & Co' });
    const failing = [suite.testcase].flat().find((testcase: any) => testcase.failure);
    expect(failing.name).toBe('Has the right heading');
    const ctrf = (await ci('GET', `${statusPath}/report.ctrf.json`)).body;
    expect(ctrf.results.summary).toMatchObject({ tests: 2, passed: 1, failed: 1 });
    const memberJunit = await fetch(`${t.url}/api/v1/runs/${runId}/report.junit.xml`, {
      headers: { authorization: `Bearer ${admin.token}` },
    });
    expect(await memberJunit.text()).toBe(junit.text);
  }, 120_000);

  it('records a channel that failed while still delivering the others, and stays quiet when it should', async () => {
    receiver.requests.length = 0;
    smtp.messages.length = 0;
    await api('PATCH', `/projects/${projectId}/notifications`, {
      webhookUrl: `${receiver.url}/hook`,
      emailRecipients: 'lead@shop.test',
    });
    receiver.respondWith(500, 'receiver is down');
    const { runId } = (await ci('POST', `/projects/${projectId}/trigger`)).body;
    await waitForRun(api, runId);
    await smtp.waitFor(1, 15_000);
    const deliveries = await deliveriesOf(runId);
    expect(deliveries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ channel: 'webhook', ok: false, status: 500, error: expect.stringContaining('500') }),
        expect.objectContaining({ channel: 'email', ok: true, target: 'lead@shop.test' }),
      ]),
    );
    receiver.respondWith(200, { ok: true });

    // One test run by a reviewer never notifies, nor does a run of a project whose settings are off.
    const failingTest = (await api('GET', `/projects/${projectId}/tests`)).body.find(
      (test: any) => test.name === 'Has the right heading',
    );
    const single = (await api('POST', `/tests/${failingTest.id}/run`)).body.runId;
    expect((await waitForRun(api, single)).failed).toBe(1);
    await api('PATCH', `/projects/${projectId}/notifications`, { webhookUrl: `${receiver.url}/hook`, enabled: false });
    const quiet = (await api('POST', `/projects/${projectId}/run`, {})).body.runId;
    expect((await waitForRun(api, quiet)).failed).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await deliveriesOf(single)).toEqual([]);
    expect(await deliveriesOf(quiet)).toEqual([]);
  }, 120_000);

  it('tells the callback how a run ended even when someone aborted it', async () => {
    receiver.requests.length = 0;
    const hangs = await addTest('Waits forever', HANGS);
    const { runId } = (
      await ci('POST', `/projects/${projectId}/trigger`, { body: { callbackUrl: `${receiver.url}/aborted` } })
    ).body;
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await api('POST', `/runs/${runId}/abort`)).status).toBe(200);
    const [callback] = await receiver.waitFor(1, 15_000);
    expect(callback).toMatchObject({ path: '/aborted', body: { runId, status: 'aborted', error: 'Aborted by user' } });
    await api('DELETE', `/projects/${projectId}/tests/${hangs}`);
  }, 120_000);

  it('shows webhook URLs whole only to those who may change them', async () => {
    await api('PATCH', `/projects/${projectId}/notifications`, {
      slackWebhookUrl: `${receiver.url}/services/T000/B000/secret`,
    });
    const viewer = await signUp(t.app, { name: 'Viewer' });
    expect((await api('POST', '/workspaces/current/members', { email: viewer.email, role: 'viewer' })).status).toBe(
      201,
    );
    const switched = await t.app.inject({
      method: 'POST',
      url: '/api/v1/workspaces/switch',
      headers: { authorization: `Bearer ${viewer.token}` },
      payload: { workspaceId: admin.workspaceId },
    });
    const viewerToken = switched.cookies.find((cookie) => cookie.name === 'access_token')?.value ?? '';
    const seen = await bearerApi(t.url, () => viewerToken)('GET', `/projects/${projectId}/notifications`);
    expect(seen.status).toBe(200);
    expect(seen.body.notifications.slackWebhookUrl).toBe(`${receiver.url}/services/…`);
    expect((await api('GET', `/projects/${projectId}/notifications`)).body.notifications.slackWebhookUrl).toContain(
      'secret',
    );
  });

  it('refuses a revoked token at once', async () => {
    expect((await api('DELETE', `/projects/${projectId}/trigger-tokens/${tokenId}`)).body).toEqual({ ok: true });
    expect((await api('DELETE', `/projects/${projectId}/trigger-tokens/${tokenId}`)).body).toMatchObject({
      code: 'TRIGGER_TOKEN_NOT_FOUND',
    });
    expect((await ci('POST', `/projects/${projectId}/trigger`)).body).toMatchObject({ code: 'TRIGGER_TOKEN_INVALID' });
    expect((await ci('GET', `/projects/${projectId}/trigger/runs/RUN-1`)).status).toBe(401);
  });
});

describe('the trigger’s own rate limit', () => {
  it('counts attempts before the token is checked, so guessing tokens runs out of quota', async () => {
    const t = await createTestApp({ env: { RATE_LIMIT_EXPENSIVE: '2/1m' } });
    try {
      const attempt = () =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/projects/PRJ-1/trigger',
          headers: { authorization: `Bearer ${'0'.repeat(80)}` },
        });
      expect((await attempt()).json()).toMatchObject({ code: 'TRIGGER_TOKEN_INVALID' });
      expect((await attempt()).statusCode).toBe(401);
      const limited = await attempt();
      expect(limited.statusCode).toBe(429);
      expect(limited.json()).toMatchObject({ code: 'REQUEST_RATE_LIMITED' });
    } finally {
      await t.close();
    }
  });
});
