/* eslint-disable @typescript-eslint/no-explicit-any -- JSON bodies of many shapes, asserted field by field */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTodoApp, type TodoApp } from '../../../fixtures/todo/server.js';
import { startLiveApp, type LiveApp } from './support/live-app.js';
import { signUp, type TestSession } from './support/sessions.js';
import { readEvents } from './support/sse.js';

const ADD_TODO = `test('adds a todo', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('New todo').fill('Buy milk');
  await page.getByRole('button', { name: 'Add' }).click();
  await expect(page.getByRole('listitem')).toHaveText(['Buy milk']);
  await expect(page.getByText('1 items left')).toBeVisible();
});`;
const WRONG_HEADING = `test('expects another heading', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Groceries', { timeout: 1000 });
});`;
const FLAKY = (key: string) => `test('ready after one failure', async ({ page }) => {
  await page.goto('/flaky?key=${key}&fail=1');
  await expect(page.getByText('Ready')).toBeVisible({ timeout: 1000 });
});`;
const HANGS = `test('waits for a page that never loads', async ({ page }) => {
  await page.goto('/hang', { timeout: 120000 });
});`;

describe('test runs over HTTP, in real Chromium', () => {
  let t: LiveApp;
  let todo: TodoApp;
  let admin: TestSession;
  let outsider: TestSession;
  let projectId: string;
  const ids: Record<string, string> = {};

  const call = async (who: TestSession, method: string, path: string, body?: unknown) => {
    const response = await fetch(`${t.url}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${who.token}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Record<string, any>) : {} };
  };
  const addTest = async (name: string, playwrightCode: string, approve = true) => {
    const created = await call(admin, 'POST', `/projects/${projectId}/tests`, { name, playwrightCode });
    expect(created.status).toBe(201);
    if (approve)
      expect((await call(admin, 'PATCH', `/projects/${projectId}/tests/${created.body.id}/approve`)).status).toBe(200);
    return created.body.id as string;
  };
  const waitForEnd = async (runId: string, timeoutMs = 90_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const run = (await call(admin, 'GET', `/runs/${runId}`)).body;
      if (run.status !== 'running') return run;
      if (Date.now() > deadline) throw new Error(`run ${runId} still running`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  };

  beforeAll(async () => {
    todo = await startTodoApp();
    t = await startLiveApp({
      env: {
        MAX_TEST_RETRIES: '1',
        RATE_LIMIT_EXPENSIVE: '1000/1m',
        RATE_LIMIT_GENERAL: '100000/1m',
        JWT_SECRET: 'x'.repeat(40),
      },
    });
    admin = await signUp(t.app, { name: 'Ada' });
    outsider = await signUp(t.app, { name: 'Eve' });
    projectId = (await call(admin, 'POST', '/projects', { name: 'Todo', url: todo.url })).body.id;
  });
  afterAll(async () => {
    await t?.close();
    await todo?.close();
  });

  it('runs the approved tests, streams named events with ids, and reports each result with evidence', async () => {
    ids.pass = await addTest('Add a todo', ADD_TODO);
    ids.fail = await addTest('Wrong heading', WRONG_HEADING);
    ids.flaky = await addTest('Flaky page', FLAKY('stream'));
    await addTest('Draft only', ADD_TODO, false);

    const started = await call(admin, 'POST', `/projects/${projectId}/run`, { dialsConfig: { parallelWorkers: 3 } });
    expect(started.status).toBe(200);
    const runId = started.body.runId as string;
    // One active run per project: the second request answers at once, naming the active run.
    const second = await call(admin, 'POST', `/projects/${projectId}/run`, {});
    expect(second).toMatchObject({ status: 409, body: { code: 'RUN_ALREADY_ACTIVE', runId } });
    expect(second.body.error).toContain(runId);
    expect((await call(admin, 'POST', `/tests/${ids.pass}/run`)).status).toBe(409);

    const stream = await readEvents(
      `${t.url}/api/v1/runs/${runId}/events`,
      { authorization: `Bearer ${admin.token}` },
      { timeoutMs: 90_000 },
    );
    expect(stream.contentType).toContain('text/event-stream');
    const [first, ...rest] = stream.messages;
    expect(first?.event).toBe('snapshot');
    expect(stream.messages.at(-1)).toMatchObject({
      event: 'done',
      data: { type: 'done', status: 'completed', passed: 1, failed: 1, flaky: 1, total: 3 },
    });
    const kept = rest.filter((message) => message.event !== 'frame' && message.event !== 'snapshot');
    const seqs = kept.map((message) => Number(message.id));
    expect(seqs.every((seq, index) => index === 0 || seq > (seqs[index - 1] ?? 0))).toBe(true);
    for (const message of stream.messages) expect(message.data.type).toBe(message.event);
    expect(kept.filter((message) => message.event === 'result')).toHaveLength(3);
    // A snapshot of the run's progress follows every result.
    const progress = rest.filter((message) => message.event === 'snapshot').map((message) => message.data.run as any);
    expect(progress.map((run) => run.completed)).toEqual([1, 2, 3]);
    expect(progress.at(-1)).toMatchObject({ passed: 1, failed: 1, flaky: 1, total: 3, status: 'running' });
    expect(kept.some((message) => message.event === 'log')).toBe(true);
    expect(kept.some((message) => message.event === 'step')).toBe(true);
    const frames = stream.messages.filter((message) => message.event === 'frame');
    expect(frames.length).toBeGreaterThan(0);
    expect(frames.every((frame) => typeof frame.data.testId === 'string' && frame.id === undefined)).toBe(true);

    const run = await waitForEnd(runId);
    expect(run).toMatchObject({
      status: 'completed',
      passed: 1,
      failed: 1,
      flaky: 1,
      total: 3,
      parallelWorkers: 3,
      browser: 'chromium',
    });
    const byId: Record<string, any> = Object.fromEntries(
      (run.results as Record<string, any>[]).map((result) => [result.testId, result]),
    );
    expect(byId[ids.pass]).toMatchObject({ status: 'passed', retryCount: 0, error: null, failureCategory: null });
    expect(byId[ids.pass].steps.length + byId[ids.pass].attempts.length).toBeGreaterThan(0);
    expect(byId[ids.fail]).toMatchObject({
      status: 'failed',
      retryCount: 1,
      failedAfterRetry: true,
      failureCategory: 'ASSERTION_FAIL',
    });
    expect(byId[ids.fail].error).toContain('Groceries');
    expect(byId[ids.flaky]).toMatchObject({ status: 'flaky', retryCount: 1, failedAfterRetry: false });
    expect(byId[ids.flaky].attemptTraces).toHaveLength(1);
    for (const result of Object.values(byId)) {
      expect(result.durationMs).toBeGreaterThan(0);
      expect(result.tracePath).toMatch(/^\/api\/v1\/artifacts\/runs\//);
      expect(result.screenshotPath).toMatch(/\.png$/);
    }
    expect(run.logs.some((line: string) => line.includes('PASSED'))).toBe(true);
    // Network evidence: what the page requested, with status and timing.
    expect(byId[ids.pass].network).toContainEqual(
      expect.objectContaining({ method: 'GET', url: `${todo.url}/`, status: 200, durationMs: expect.any(Number) }),
    );
    expect(byId[ids.flaky].network).toContainEqual(expect.objectContaining({ status: 200 }));

    // Evidence is served to the workspace's members only.
    const shot = await fetch(`${t.url}${byId[ids.fail].screenshotPath}`, {
      headers: { authorization: `Bearer ${admin.token}` },
    });
    expect(shot.status).toBe(200);
    expect(shot.headers.get('content-type')).toBe('image/png');
    expect(
      Buffer.from(await shot.arrayBuffer())
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
    const trace = await fetch(`${t.url}${byId[ids.pass].tracePath}`, {
      headers: { authorization: `Bearer ${admin.token}` },
    });
    expect(trace.headers.get('content-type')).toBe('application/zip');
    expect((await trace.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    const stolen = await fetch(`${t.url}${byId[ids.fail].screenshotPath}`, {
      headers: { authorization: `Bearer ${outsider.token}` },
    });
    expect(stolen.status).toBe(404);
    expect((await call(outsider, 'GET', `/runs/${runId}`)).status).toBe(404);

    // Tests remember their last result; the draft was not run.
    expect((await call(admin, 'GET', `/tests/${ids.flaky}`)).body.lastResult).toBe('flaky');
    expect((await call(admin, 'GET', `/tests/${ids.fail}`)).body.lastResult).toBe('failed');

    // A reconnect with Last-Event-ID gets exactly what came after it, then done.
    const middle = kept[Math.floor(kept.length / 2)]!;
    const resumed = await readEvents(`${t.url}/api/v1/runs/${runId}/events`, {
      authorization: `Bearer ${admin.token}`,
      'last-event-id': middle.id!,
    });
    const expected = kept.filter((message) => Number(message.id) > Number(middle.id)).map((message) => message.id);
    expect(resumed.messages.map((message) => message.id)).toEqual(expected);
    expect(resumed.messages.at(-1)?.event).toBe('done');

    // A late subscriber to a finished run: snapshot, then done, then the stream ends.
    const late = await readEvents(`${t.url}/api/v1/runs/${runId}/events?token=${admin.token}`, {});
    expect(late.messages.map((message) => message.event)).toEqual(['snapshot', 'done']);
    expect((late.messages[0]?.data.run as Record<string, unknown>).results).toHaveLength(3);

    const list = await call(admin, 'GET', `/projects/${projectId}/runs?page=1&pageSize=10`);
    expect(list.body).toMatchObject({ meta: { total: 1, page: 1, pageSize: 10, hasMore: false } });
    expect(list.body.data[0]).toMatchObject({ id: runId, status: 'completed' });
    expect(list.body.data[0].results).toBeUndefined();
    expect((await call(admin, 'GET', `/projects/${projectId}/runs`)).body).toHaveLength(1);
  }, 120_000);

  it('aborts a run within 5 seconds, marks unfinished tests skipped, and frees the project', async () => {
    const hang = await addTest('Hangs', HANGS, false); // a draft: single runs take drafts too
    const started = await call(admin, 'POST', `/tests/${hang}/run`);
    expect(started.status).toBe(200);
    const runId = started.body.runId as string;
    await readEvents(
      `${t.url}/api/v1/runs/${runId}/events`,
      { authorization: `Bearer ${admin.token}` },
      {
        until: (message) => message.event === 'log' && String(message.data.message).startsWith(`▶ ${hang}`),
      },
    ).catch(() => undefined);
    const began = Date.now();
    expect((await call(admin, 'POST', `/runs/${runId}/abort`)).body).toEqual({ ok: true });
    expect((await call(admin, 'POST', `/runs/${runId}/abort`)).status).toBe(409);
    const run = await waitForEnd(runId, 5000);
    expect(Date.now() - began).toBeLessThan(5000);
    expect(run).toMatchObject({ status: 'aborted', error: 'Aborted by user' });
    const done = await readEvents(
      `${t.url}/api/v1/runs/${runId}/events`,
      { authorization: `Bearer ${admin.token}` },
      { timeoutMs: 10_000 },
    );
    expect(done.messages.at(-1)?.data).toMatchObject({ type: 'done', status: 'aborted' });
    const deadline = Date.now() + 10_000;
    let results: Record<string, unknown>[] = [];
    while (Date.now() < deadline && results.length === 0) {
      results = (await call(admin, 'GET', `/runs/${runId}`)).body.results;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(results).toMatchObject([{ testId: hang, status: 'skipped', error: 'Aborted before execution' }]);
    // The project is free again.
    const next = await call(admin, 'POST', `/tests/${ids.pass}/run`);
    expect(next.status).toBe(200);
    expect(await waitForEnd(next.body.runId as string)).toMatchObject({ status: 'completed', passed: 1, total: 1 });
  }, 60_000);

  it('refuses bad run options with 400 naming the field, and hides other workspaces', async () => {
    const cases: [unknown, string][] = [
      [{ browser: 'netscape' }, 'body.browser'],
      [{ device: 'Nokia 3310' }, 'body.device'],
      [{ locale: 'not a locale!' }, 'body.locale'],
      [{ timezoneId: 'Mars/Olympus' }, 'body.timezoneId'],
      [{ networkCondition: '5g' }, 'body.networkCondition'],
      [{ geolocation: { latitude: 100, longitude: 0 } }, 'body.geolocation.latitude'],
      [{ dialsConfig: { parallelWorkers: 'many' } }, 'body.dialsConfig.parallelWorkers'],
    ];
    for (const [body, field] of cases) {
      const response = await call(admin, 'POST', `/projects/${projectId}/run`, body);
      expect({ body, status: response.status, field: response.body.field }).toEqual({ body, status: 400, field });
    }
    const firefox = await call(admin, 'POST', `/projects/${projectId}/run`, { browser: 'firefox' });
    expect(firefox.status).toBe(400);
    expect(firefox.body).toMatchObject({ code: 'RUN_BROWSER_UNAVAILABLE', available: 'chromium' });
    expect((await call(outsider, 'POST', `/projects/${projectId}/run`, {})).status).toBe(404);
    expect((await call(outsider, 'POST', `/tests/${ids.pass}/run`)).body).toMatchObject({ error: 'test not found' });
    expect((await call(admin, 'GET', '/runs/RUN-999999')).status).toBe(404);
    expect((await call(admin, 'POST', '/runs/RUN-999999/abort')).status).toBe(404);

    const empty = (await call(admin, 'POST', '/projects', { name: 'Empty', url: todo.url })).body.id;
    expect((await call(admin, 'POST', `/projects/${empty}/run`, {})).body).toMatchObject({ code: 'RUN_NO_TESTS' });
    await call(admin, 'POST', `/projects/${empty}/tests`, { name: 'Draft', playwrightCode: ADD_TODO });
    expect((await call(admin, 'POST', `/projects/${empty}/run`, {})).body).toMatchObject({
      code: 'RUN_NO_APPROVED_TESTS',
    });
  });

  it('refuses code that reaches for Node on save and on run, and never executes it', async () => {
    const marker = path.join(os.tmpdir(), `sentri-refused-${process.pid}-${Date.now()}`);
    const evil = `test('innocent', async ({ page }) => {\n  await page.goto('/');\n  require('child_process').execSync('touch ${marker}');\n});`;
    const saved = await call(admin, 'POST', `/projects/${projectId}/tests`, { name: 'Evil', playwrightCode: evil });
    expect(saved.status).toBe(400);
    expect(saved.body).toMatchObject({ code: 'TEST_CODE_REFUSED', field: 'body.playwrightCode' });
    expect(saved.body.error).toMatch(/line 3: .*require/);

    // Code stored before a rule existed (written straight to the database) is stopped at run time.
    ids.pass ??= await addTest('Add a todo', ADD_TODO);
    const planted = await addTest('Planted', ADD_TODO);
    await t.container.database.db
      .updateTable('tests')
      .set({ playwrightCode: evil })
      .where('id', '=', planted)
      .execute();
    const single = await call(admin, 'POST', `/tests/${planted}/run`);
    expect(single.status).toBe(400);
    expect(single.body).toMatchObject({ code: 'TEST_CODE_REFUSED', testId: planted });

    const started = await call(admin, 'POST', `/projects/${projectId}/run`, { dialsConfig: { parallelWorkers: 2 } });
    expect(started.body).toEqual({ runId: expect.any(String) });
    const run = await waitForEnd(started.body.runId as string);
    const refused = (run.results as Record<string, any>[]).find((result) => result.testId === planted);
    expect(refused).toMatchObject({ status: 'failed', failureCategory: 'CODE_REFUSED' });
    expect(refused!.error).toContain('require');
    // The other approved tests still ran.
    expect((run.results as Record<string, any>[]).find((result) => result.testId === ids.pass)).toMatchObject({
      status: 'passed',
    });
    expect(fs.existsSync(marker)).toBe(false);
    await t.container.database.db.deleteFrom('tests').where('id', '=', planted).execute();
  }, 120_000);
});
