/* eslint-disable @typescript-eslint/no-explicit-any -- JSON bodies of many shapes, asserted field by field */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSite, type Site } from '../../../fixtures/sites/index.js';
import { startTodoApp, type TodoApp } from '../../../fixtures/todo/server.js';
import { approvedTest, pollRun, serverHome, signInOver, signUpOver, type ServerHome } from './support/fault-kit.js';
import { describeProcesses, processesMarkedBy, waitUntilGone } from './support/process-tree.js';
import { readEvents } from './support/sse.js';

const bearer = (account: { token: string }) => ({ authorization: `Bearer ${account.token}` });

const SHOWS_FORM = `test('shows the form', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByLabel('New todo')).toBeVisible();
});`;
const HANGS = `test('waits for a page that never loads', async ({ page }) => {
  await page.goto('/hang', { timeout: 120000 });
});`;
const INTERRUPTED = 'Server restarted while run was in progress';

/**
 * A server process killed with SIGKILL in the middle of its work — no shutdown hook, no drain —
 * and started again on the same DATA_DIR: the work ends `interrupted`, what was stored before the
 * kill is all still there, and nothing it had started (test runner, workers, Chromium) lives on.
 */
describe('SIGKILL of the server mid-work, then a restart', () => {
  let todo: TodoApp;
  let content: Site;
  let home: ServerHome | undefined;

  beforeAll(async () => {
    todo = await startTodoApp();
    // Slow pages, so the crawl is still going when the server dies.
    content = await startSite('content', { pages: 30, latencyMs: 250 });
  });
  afterAll(async () => {
    await todo?.close();
    await content?.close();
  });
  afterEach(async () => {
    await home?.cleanup();
    home = undefined;
  });

  it('mid-run and mid-crawl: both end interrupted with everything stored before the kill, and no browser survives', async () => {
    home = serverHome();
    const first = await home.start();
    const admin = await signUpOver(first.url);
    const todoProject = (await admin.call('POST', '/projects', { name: 'Todo', url: todo.url })).body.id as string;
    const quick = await approvedTest(admin.call, todoProject, 'Shows the form', SHOWS_FORM);
    const hanging = await approvedTest(admin.call, todoProject, 'Hangs', HANGS);
    const journalProject = (await admin.call('POST', '/projects', { name: 'Journal', url: content.url })).body
      .id as string;

    // A run: one result stored, and the second test's browser waiting on a page that never loads.
    const hangsBefore = todo.hits('/hang');
    const started = await admin.call('POST', `/projects/${todoProject}/run`, { dialsConfig: { parallelWorkers: 1 } });
    expect(started.status).toBe(200);
    const runId = started.body.runId as string;
    const runBefore = await pollRun(admin.call, runId, (run) => run.results.length === 1, {
      also: () => todo.hits('/hang') > hangsBefore,
    });
    expect(runBefore.results[0]).toMatchObject({ testId: quick, status: 'passed' });
    // A crawl of a slow site: some pages found and stored, many more to go.
    const crawl = await admin.call('POST', `/projects/${journalProject}/crawl`, {});
    expect(crawl.status).toBe(202);
    const crawlId = crawl.body.runId as string;
    const crawlBefore = await pollRun(admin.call, crawlId, (run) => run.pages.length >= 2);
    const runNow = (await admin.call('GET', `/runs/${runId}`)).body;
    expect([runNow.status, crawlBefore.status]).toEqual(['running', 'running']);
    const alive = processesMarkedBy(home.root);
    // The server's own crawler browser and the run's (runner, worker, browser) are up.
    expect(alive.filter((p) => p.name === 'chromium' && !p.cmdline.includes('--type=')).length).toBe(2);
    expect(alive.some((p) => p.cmdline.includes('@playwright/test/cli.js'))).toBe(true);

    expect(await first.stop('SIGKILL')).toBeNull();
    const orphans = await waitUntilGone(home.root, 15_000);
    expect(orphans, `left behind:\n${describeProcesses(orphans)}`).toEqual([]);

    const second = await home.start();
    const again = await signInOver(second.url, admin.email, admin.password);

    const run = (await again.call('GET', `/runs/${runId}`)).body;
    expect(run).toMatchObject({ status: 'interrupted', error: INTERRUPTED, total: 2, passed: 1 });
    expect(run.finishedAt).toEqual(expect.any(String));
    // Nothing stored before the kill is lost: the result, its evidence, the log, the tests.
    expect(run.results).toEqual(runNow.results);
    expect(run.results[0]).toMatchObject(runBefore.results[0]);
    const screenshot = await fetch(`${second.url}${run.results[0].screenshotPath}`, { headers: bearer(again) });
    expect(screenshot.status).toBe(200);
    expect(
      Buffer.from(await screenshot.arrayBuffer())
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
    expect(run.logs.join('\n')).toContain(`▶ ${hanging}`);
    expect(run.logs.slice(0, runNow.logs.length)).toEqual(runNow.logs);
    const tests = (await again.call('GET', `/projects/${todoProject}/tests`)).body;
    expect((Array.isArray(tests) ? tests : tests.tests).map((test: any) => test.id).sort()).toEqual(
      [quick, hanging].sort(),
    );

    const crawled = (await again.call('GET', `/runs/${crawlId}`)).body;
    expect(crawled).toMatchObject({ type: 'crawl', status: 'interrupted', error: INTERRUPTED });
    expect(crawled.pages.length).toBeGreaterThanOrEqual(crawlBefore.pages.length);
    expect(crawled.pages.slice(0, crawlBefore.pages.length)).toEqual(crawlBefore.pages);
    expect(crawled.logs.slice(0, crawlBefore.logs.length)).toEqual(crawlBefore.logs);

    // Watchers are told at once, instead of waiting for work nobody runs any more.
    for (const id of [runId, crawlId]) {
      const stream = await readEvents(`${second.url}/api/v1/runs/${id}/events`, bearer(again), { timeoutMs: 10_000 });
      expect(stream.messages.at(-1)).toMatchObject({ event: 'done', data: { status: 'interrupted' } });
    }

    // The project is free again, and a new run goes all the way.
    const rerun = await again.call('POST', `/tests/${quick}/run`);
    expect(rerun.status).toBe(200);
    const finished = await pollRun(again.call, rerun.body.runId, (r) => r.status !== 'running');
    expect(finished).toMatchObject({ status: 'completed', passed: 1, failed: 0 });

    expect(await second.stop('SIGTERM')).toBe(0);
    const leftAfterStop = await waitUntilGone(home.root, 10_000);
    expect(leftAfterStop, describeProcesses(leftAfterStop)).toEqual([]);
  }, 120_000);
});
