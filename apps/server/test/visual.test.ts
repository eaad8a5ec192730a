/* eslint-disable @typescript-eslint/no-explicit-any -- JSON bodies of many shapes, asserted field by field */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTodoApp, type TodoApp } from '../../../fixtures/todo/server.js';
import { startLiveApp, type LiveApp } from './support/live-app.js';
import { signUp, type TestSession } from './support/sessions.js';

const VISUAL = `test('the box', async ({ page }) => {
  await page.goto('/visual');
  await expect(page.getByRole('heading', { name: 'Visual check' })).toBeVisible();
});`;

describe('visual regression against baselines, in real Chromium', () => {
  let t: LiveApp;
  let todo: TodoApp;
  let admin: TestSession;
  let outsider: TestSession;
  let projectId: string;
  let testId: string;

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
    return { status: response.status, body: text ? (JSON.parse(text) as any) : {} };
  };
  const runOnce = async () => {
    const started = await call(admin, 'POST', `/projects/${projectId}/run`, {});
    expect(started.status).toBe(200);
    for (const deadline = Date.now() + 60_000; Date.now() < deadline;) {
      const run = (await call(admin, 'GET', `/runs/${started.body.runId}`)).body;
      if (run.status !== 'running') return { run, result: run.results[0] };
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error('run did not finish');
  };

  beforeAll(async () => {
    todo = await startTodoApp();
    t = await startLiveApp({
      env: { MAX_TEST_RETRIES: '0', RATE_LIMIT_EXPENSIVE: '1000/1m', RATE_LIMIT_GENERAL: '100000/1m' },
    });
    admin = await signUp(t.app);
    outsider = await signUp(t.app);
    projectId = (await call(admin, 'POST', '/projects', { name: 'Visual', url: todo.url })).body.id;
    testId = (await call(admin, 'POST', `/projects/${projectId}/tests`, { name: 'Box', playwrightCode: VISUAL })).body
      .id;
    await call(admin, 'PATCH', `/projects/${projectId}/tests/${testId}/approve`);
  });
  afterAll(async () => {
    await t?.close();
    await todo?.close();
  });

  it('records a baseline, matches it, reports a change, fails on it when the project opts in, and accepts a new one', async () => {
    const first = await runOnce();
    expect(first.result).toMatchObject({
      status: 'passed',
      visualRegression: false,
      visualDiffs: [{ step: 0, status: 'baseline_created' }],
    });
    const baselines = await call(admin, 'GET', `/tests/${testId}/baselines`);
    expect(baselines.body).toMatchObject([{ testId, stepNumber: 0, browser: 'chromium', width: 1280, height: 720 }]);
    const image = await fetch(`${t.url}${baselines.body[0].imagePath}`, {
      headers: { authorization: `Bearer ${admin.token}` },
    });
    expect([image.status, image.headers.get('content-type')]).toEqual([200, 'image/png']);

    const same = await runOnce();
    expect(same.result.visualDiffs).toMatchObject([{ step: 0, status: 'match', diffPixels: 0, threshold: 0.02 }]);

    todo.setColour('#ef4444');
    const changed = await runOnce();
    expect(changed.result).toMatchObject({ status: 'passed', visualRegression: true });
    const diff = changed.result.visualDiffs[0];
    expect(diff).toMatchObject({ step: 0, status: 'regression' });
    expect(diff.diffRatio).toBeGreaterThan(0.1); // the 400×300 box of a 1280×720 page
    const diffImage = await fetch(`${t.url}${diff.diffPath}`, { headers: { authorization: `Bearer ${admin.token}` } });
    expect(diffImage.status).toBe(200);

    expect((await call(admin, 'PATCH', `/projects/${projectId}`, { failOnVisualRegression: 'yes' })).status).toBe(400);
    const optIn = await call(admin, 'PATCH', `/projects/${projectId}`, { failOnVisualRegression: true });
    expect(optIn.body.failOnVisualRegression).toBe(true);
    const failing = await runOnce();
    expect(failing.result).toMatchObject({ status: 'failed', failureCategory: 'VISUAL_REGRESSION' });
    expect(failing.result.error).toMatch(
      /^Visual regression at step 0: \d+\.\d\d% of pixels differ \(threshold 2\.00%\)$/,
    );
    expect(failing.run).toMatchObject({ status: 'completed', failed: 1 });

    // The change was intended: accept the new look.
    const accepted = await call(admin, 'POST', `/tests/${testId}/baselines/0/accept`, { runId: failing.run.id });
    expect(accepted.body).toEqual({
      ok: true,
      baselinePath: `/api/v1/artifacts/baselines/${testId}/chromium/step-0.png`,
      testId,
      browser: 'chromium',
      stepNumber: 0,
    });
    const after = await runOnce();
    expect(after.result).toMatchObject({ status: 'passed', visualDiffs: [{ status: 'match' }] });

    expect((await call(admin, 'DELETE', `/tests/${testId}/baselines/0`)).body).toEqual({
      ok: true,
      deleted: 1,
      browser: 'chromium',
    });
    expect((await call(admin, 'DELETE', `/tests/${testId}/baselines/0`)).body).toEqual({
      ok: true,
      deleted: 0,
      browser: 'chromium',
    });
    expect((await runOnce()).result.visualDiffs).toMatchObject([{ status: 'baseline_created' }]);
  }, 180_000);

  it('answers baseline errors in the documented order', async () => {
    const accept = (who: TestSession, path: string, body?: unknown) => call(who, 'POST', `/tests/${path}`, body);
    expect((await accept(outsider, `${testId}/baselines/0/accept`, { runId: 'RUN-1' })).body).toMatchObject({
      error: 'test not found',
    });
    expect((await accept(admin, `${testId}/baselines/x/accept`, { runId: 'RUN-1' })).body).toMatchObject({
      error: 'invalid stepNumber',
    });
    expect((await accept(admin, `${testId}/baselines/0/accept`, {})).body).toMatchObject({
      error: 'runId is required',
    });
    expect((await accept(admin, `${testId}/baselines/0/accept`, { runId: 'RUN-999' })).body).toMatchObject({
      error: 'run not found',
    });
    const runs = (await call(admin, 'GET', `/projects/${projectId}/runs`)).body;
    expect((await accept(admin, `${testId}/baselines/3/accept`, { runId: runs[0].id })).body).toMatchObject({
      error: 'screenshot not captured for that step',
    });
    expect((await call(outsider, 'GET', `/tests/${testId}/baselines`)).status).toBe(404);
    expect((await call(admin, 'GET', `/tests/${testId}/baselines?browser=WebKit`)).body).toEqual([]);
  });
});
