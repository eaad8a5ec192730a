/* eslint-disable @typescript-eslint/no-explicit-any -- JSON bodies of many shapes, asserted field by field */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTodoApp, type TodoApp } from '../../../fixtures/todo/server.js';
import { bearerApi, type ApiCall } from './support/bearer-api.js';
import { approvedTest, pollRun } from './support/fault-kit.js';
import { startLiveApp, type LiveApp } from './support/live-app.js';
import { describeProcesses, descendantsOf, type ProcessInfo } from './support/process-tree.js';
import { signUp } from './support/sessions.js';

const HANGS = (key: string) => `test('waits on a page that never loads (${key})', async ({ page }) => {
  await page.goto('/hang?key=${key}', { timeout: 120000 });
});`;
const SHOWS_FORM = `test('shows the form', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByLabel('New todo')).toBeVisible();
});`;

/** The browser processes of this test's runs: the runner is a child of this process, Chromium its grandchild. */
const chromium = () => descendantsOf(process.pid).filter((p) => p.name === 'chromium');
const isRenderer = (p: ProcessInfo) => p.cmdline.includes('--type=renderer');
const isBrowser = (p: ProcessInfo) => !p.cmdline.includes('--type=');

function kill(processes: ProcessInfo[]): void {
  if (processes.length === 0) throw new Error('no such Chromium process to kill');
  for (const { pid } of processes) process.kill(pid, 'SIGKILL');
}

/**
 * Chromium dying under a test — its page's renderer killed (the "Aw, Snap" crash), or the whole
 * browser killed — fails that test with a category that says so, and the run goes on: the next
 * test gets a fresh browser, and the run completes with every result recorded.
 */
describe('Chromium crashing in the middle of a test', () => {
  let t: LiveApp;
  let todo: TodoApp;
  let call: ApiCall;

  beforeAll(async () => {
    todo = await startTodoApp();
    t = await startLiveApp({
      env: { MAX_TEST_RETRIES: '0', RATE_LIMIT_GENERAL: '1000000/1m', RATE_LIMIT_EXPENSIVE: '1000/1m' },
    });
    const admin = await signUp(t.app);
    call = bearerApi(t.url, () => admin.token);
  });
  afterAll(async () => {
    await t?.close();
    await todo?.close();
  });

  it('fails the crashed tests with BROWSER_CRASH and completes the run with the others', async () => {
    const projectId = (await call('POST', '/projects', { name: 'Todo', url: todo.url })).body.id as string;
    // One worker: the tests run one after the other, in the order of their ids.
    const rendererDies = await approvedTest(call, projectId, 'Renderer dies', HANGS('renderer'));
    const browserDies = await approvedTest(call, projectId, 'Browser dies', HANGS('browser'));
    const survivor = await approvedTest(call, projectId, 'Runs after the crashes', SHOWS_FORM);
    const started = await call('POST', `/projects/${projectId}/run`, { dialsConfig: { parallelWorkers: 1 } });
    expect(started.status).toBe(200);
    const runId = started.body.runId as string;
    const hangs = todo.hits('/hang');

    // First test: its page is loading, so its renderer exists; kill every renderer of that browser.
    await pollRun(call, runId, (run) => run.status === 'running', { also: () => todo.hits('/hang') > hangs });
    const first = chromium();
    kill(first.filter(isRenderer));
    await pollRun(call, runId, (run) => run.results.length === 1);

    // Second test (a fresh browser): kill the browser process itself.
    await pollRun(call, runId, (run) => run.status === 'running', { also: () => todo.hits('/hang') > hangs + 1 });
    const earlier = new Set(first.map((p) => p.pid));
    const second = chromium().filter((p) => isBrowser(p) && !earlier.has(p.pid));
    expect(second.length, describeProcesses(chromium())).toBe(1);
    kill(second);

    const run = await pollRun(call, runId, (r) => r.status !== 'running');
    expect(run).toMatchObject({ status: 'completed', total: 3, passed: 1, failed: 2, error: null });
    const byId = Object.fromEntries(run.results.map((result: any) => [result.testId, result]));
    expect(byId[rendererDies]).toMatchObject({ status: 'failed', failureCategory: 'BROWSER_CRASH' });
    expect(byId[browserDies]).toMatchObject({ status: 'failed', failureCategory: 'BROWSER_CRASH' });
    expect(byId[survivor]).toMatchObject({ status: 'passed', failureCategory: null });
    // The message names what happened, not just that a navigation failed.
    expect(byId[rendererDies].error).toMatch(/^Error: page\.goto: Page crashed/);
    expect(byId[browserDies].error).toMatch(/^Error: page\.goto: Target page, context or browser has been closed/);
    expect(run.logs.join('\n')).toMatch(/Run finished: 1 passed, 2 failed/);
    // Nothing of the run's browsers is left once it is over.
    expect(chromium(), describeProcesses(chromium())).toEqual([]);
  }, 90_000);
});
