/* eslint-disable @typescript-eslint/no-explicit-any -- JSON bodies asserted field by field */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test-support/databases.js';
import { runRow } from '../../../test-support/rows.js';
import { startTodoApp, type TodoApp } from '../../../fixtures/todo/server.js';
import { bearerApi, waitForRun, type ApiCall } from './support/bearer-api.js';
import { startLiveApp, type LiveApp } from './support/live-app.js';
import { bearer, signUp, type TestSession } from './support/sessions.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe.each(DIALECTS)('GET /tests/:testId/results on %s', (dialect) => {
  let t: TestApp;
  let admin: TestSession;
  let outsider: TestSession;
  const ids: Record<string, string> = {};
  const run = (name: string) => `RUN-h${name}-${dialect}`;

  const call = (session: TestSession, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: bearer(session), ...(payload ? { payload } : {}) });
  const history = async (testId: string, query = '') => call(admin, 'GET', `/tests/${testId}/results${query}`);

  beforeAll(async () => {
    t = await createTestApp({ dialect });
    admin = await signUp(t.app);
    outsider = await signUp(t.app);
    const project = async (name: string) =>
      (await call(admin, 'POST', '/projects', { name, url: 'https://shop.test' })).json().id as string;
    ids.shop = await project('Shop');
    ids.other = await project('Other');
    for (const name of ['checkout', 'search', 'unrun', 'binned'])
      ids[name] = (await call(admin, 'POST', `/projects/${ids.shop}/tests`, { name })).json().id;

    const { db } = t.container.database;
    const base = Date.parse('2026-03-01T10:00:00.000Z');
    const at = (minutes: number) => new Date(base + minutes * 60_000).toISOString();
    const runs = [
      { name: '1', minutes: 0, status: 'completed', browser: 'chromium', options: null, deletedAt: null },
      {
        name: '2',
        minutes: 10,
        status: 'completed',
        browser: 'webkit',
        options: JSON.stringify({ device: 'iPhone 14' }),
        deletedAt: null,
      },
      { name: '3', minutes: 20, status: 'completed', browser: null, options: null, deletedAt: at(25) },
      { name: '4', minutes: 30, status: 'running', browser: 'chromium', options: null, deletedAt: null },
      { name: '5', minutes: 40, status: 'completed', browser: 'chromium', options: null, deletedAt: null },
    ];
    for (const entry of runs) {
      await db
        .insertInto('runs')
        .values(
          runRow({
            id: run(entry.name),
            projectId: ids.shop!,
            workspaceId: admin.workspaceId,
            status: entry.status,
            startedAt: at(entry.minutes),
            finishedAt: entry.status === 'running' ? null : at(entry.minutes + 1),
            browser: entry.browser,
            options: entry.options,
            deletedAt: entry.deletedAt,
          }),
        )
        .execute();
    }
    const result = (runId: string, position: number, testId: string, fields: Record<string, unknown> = {}) =>
      db
        .insertInto('run_results')
        .values({
          runId,
          position,
          testId,
          testName: 'Checkout works',
          status: 'passed',
          durationMs: 1200,
          error: null,
          failureCategory: null,
          browser: 'chromium',
          startedAt: null,
          ...fields,
        })
        .execute();
    await result(run('1'), 0, ids.checkout!, { testName: 'Checkout (old name)' });
    await result(run('2'), 0, ids.search!);
    await result(run('2'), 1, ids.checkout!, {
      status: 'failed',
      durationMs: 4100,
      error: `expect(locator).toHaveText failed ${'x'.repeat(400)}`,
      failureCategory: 'ASSERTION_FAIL',
      retryCount: 1,
      browser: null,
      detail: JSON.stringify({
        failedAfterRetry: true,
        artifacts: { screenshot: `runs/${run('2')}/${ids.checkout}/final.png`, trace: `runs/${run('2')}/x/trace.zip` },
        healingEvents: [{ healed: true }, { healed: true }, { healed: false, failed: true }, { healed: false }],
        visualRegression: true,
      }),
    });
    await result(run('3'), 0, ids.checkout!);
    await result(run('4'), 0, ids.checkout!);
    await result(run('5'), 0, ids.search!);
    await result(run('5'), 1, ids.binned!);
    expect((await call(admin, 'DELETE', `/projects/${ids.shop}/tests/${ids.binned}`)).statusCode).toBe(200);
  });
  afterAll(() => t.close());

  it('lists the test’s results newest run first, leaving out binned runs and other tests', async () => {
    const response = await history(ids.checkout!);
    expect(response.statusCode).toBe(200);
    const entries = response.json() as any[];
    expect(entries.map((entry) => entry.runId)).toEqual([run('4'), run('2'), run('1')]);
    expect(entries[0]).toMatchObject({ runStatus: 'running', finishedAt: null, status: 'passed' });
    expect(entries[1]).toEqual({
      runId: run('2'),
      runType: 'test_run',
      runStatus: 'completed',
      startedAt: '2026-03-01T10:10:00.000Z',
      finishedAt: '2026-03-01T10:11:00.000Z',
      testName: 'Checkout works',
      status: 'failed',
      durationMs: 4100,
      error: expect.stringMatching(/^expect\(locator\)\.toHaveText failed x+…$/),
      errorCategory: 'ASSERTION_FAIL',
      retryCount: 1,
      failedAfterRetry: true,
      healCount: 2,
      healFailures: 1,
      visualRegression: true,
      // The result has no browser of its own: the run's.
      browser: 'webkit',
      device: 'iPhone 14',
      screenshotPath: `/api/v1/artifacts/runs/${run('2')}/${ids.checkout}/final.png`,
      tracePath: `/api/v1/artifacts/runs/${run('2')}/x/trace.zip`,
      videoPath: null,
    });
    expect(entries[1].error).toHaveLength(300);
    expect(entries[2]).toMatchObject({
      testName: 'Checkout (old name)',
      error: null,
      errorCategory: null,
      healCount: 0,
      visualRegression: false,
      device: null,
      screenshotPath: null,
    });
    expect((await history(ids.unrun!)).json()).toEqual([]);
  });

  it('takes a limit from 1 to 100 (default 20) and refuses anything else with 400', async () => {
    expect((await history(ids.checkout!, '?limit=2')).json().map((entry: any) => entry.runId)).toEqual([
      run('4'),
      run('2'),
    ]);
    expect((await history(ids.checkout!, '?limit=100')).statusCode).toBe(200);
    for (const limit of ['0', '101', 'abc', '1.5', '-1', '10abc']) {
      const response = await history(ids.checkout!, `?limit=${limit}`);
      expect(response.statusCode, limit).toBe(400);
      expect(response.json(), limit).toMatchObject({ code: 'REQUEST_VALIDATION_FAILED', field: 'querystring.limit' });
    }
  });

  it('answers 404 like GET /tests/:testId for a test of another workspace, a binned or an unknown one', async () => {
    const notFound = (await call(outsider, 'GET', `/tests/${ids.checkout}`)).json();
    expect(notFound).toEqual({ error: 'not found', code: 'TEST_NOT_FOUND' });
    for (const [session, testId] of [
      [outsider, ids.checkout],
      [admin, ids.binned],
      [admin, 'TC-999999'],
    ] as const) {
      const response = await call(session, 'GET', `/tests/${testId}/results`);
      expect(response.statusCode).toBe(404);
      expect(response.json()).toEqual(notFound);
    }
  });
});

describe('GET /tests/:testId/results after real runs in Chromium', () => {
  let t: LiveApp;
  let todo: TodoApp;
  let admin: TestSession;

  const call: ApiCall = (method, path, body) => bearerApi(t.url, () => admin.token)(method, path, body);
  const runOnce = async (testId: string) => {
    const started = await call('POST', `/tests/${testId}/run`);
    expect(started.status).toBe(200);
    return waitForRun(call, started.body.runId, { timeoutMs: 90_000 });
  };

  beforeAll(async () => {
    todo = await startTodoApp();
    t = await startLiveApp({ env: { MAX_TEST_RETRIES: '0', RATE_LIMIT_EXPENSIVE: '1000/1m' } });
    admin = await signUp(t.app);
  });
  afterAll(async () => {
    await t?.close();
    await todo?.close();
  });

  it('shows what the run detail shows for this test, in one request', async () => {
    const projectId = (await call('POST', '/projects', { name: 'Todo', url: todo.url })).body.id;
    const code = (heading: string) => `test('heading', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('${heading}', { timeout: 1000 });
});`;
    const created = await call('POST', `/projects/${projectId}/tests`, {
      name: 'Heading',
      playwrightCode: code('Todos'),
    });
    expect(created.status).toBe(201);
    const testId = created.body.id as string;
    const passed = await runOnce(testId);
    expect((await call('PATCH', `/tests/${testId}`, { playwrightCode: code('Groceries') })).status).toBe(200);
    const failed = await runOnce(testId);

    const entries = (await call('GET', `/tests/${testId}/results`)).body as any[];
    expect(entries.map((entry) => entry.runId)).toEqual([failed.id, passed.id]);
    for (const [entry, detail] of [
      [entries[0], failed],
      [entries[1], passed],
    ]) {
      const result = detail.results.find((candidate: any) => candidate.testId === testId);
      expect(entry).toMatchObject({
        runStatus: detail.status,
        startedAt: detail.startedAt,
        status: result.status,
        durationMs: result.durationMs,
        errorCategory: result.failureCategory,
        browser: 'chromium',
        screenshotPath: result.screenshotPath,
        tracePath: result.tracePath,
      });
    }
    expect(entries[0]).toMatchObject({ status: 'failed', errorCategory: 'ASSERTION_FAIL' });
    expect(entries[0].error).toContain('Groceries');
    expect(entries[1]).toMatchObject({ status: 'passed', error: null });
    const trace = await fetch(`${t.url}${entries[0].tracePath}`, {
      headers: { authorization: `Bearer ${admin.token}` },
    });
    expect(trace.status).toBe(200);
    // Two real runs in Chromium: the default 20 s is too tight on a loaded 2-core CI machine.
  }, 120_000);
});
