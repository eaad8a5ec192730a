/* eslint-disable @typescript-eslint/no-explicit-any -- JSON bodies of many shapes, asserted field by field */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTodoApp, type TodoApp } from '../../../fixtures/todo/server.js';
import { startLiveApp, type LiveApp } from './support/live-app.js';
import { signUp, type TestSession } from './support/sessions.js';

/** Written against the original markup, with CSS selectors a markup refactor breaks. */
const STEPS = [
  { action: 'navigate', url: '/' },
  { action: 'fill', selector: '#new-todo', value: 'Buy milk' },
  { action: 'click', selector: '.add-btn' },
  { action: 'assert', selector: 'span.count', expected: '1 items left' },
];

describe('self-healing across a markup refactor, in real Chromium', () => {
  let t: LiveApp;
  let todo: TodoApp;
  let admin: TestSession;
  let projectId: string;
  let testId: string;

  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${t.url}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${admin.token}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as any) : {} };
  };
  const runOnce = async () => {
    const started = await call('POST', `/projects/${projectId}/run`, {});
    expect(started.status).toBe(200);
    for (const deadline = Date.now() + 90_000; Date.now() < deadline;) {
      const run = (await call('GET', `/runs/${started.body.runId}`)).body;
      if (run.status !== 'running') return run.results[0];
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error('run did not finish');
  };
  const memory = () =>
    t.container.database.db.selectFrom('healing_history').selectAll().where('testId', '=', testId).execute();

  beforeAll(async () => {
    todo = await startTodoApp();
    t = await startLiveApp({
      env: { MAX_TEST_RETRIES: '0', RATE_LIMIT_EXPENSIVE: '1000/1m', RATE_LIMIT_GENERAL: '100000/1m' },
    });
    admin = await signUp(t.app);
    projectId = (await call('POST', '/projects', { name: 'Todo', url: todo.url })).body.id;
    testId = (await call('POST', `/projects/${projectId}/tests`, { name: 'Add a todo', steps: STEPS })).body.id;
    await call('PATCH', `/projects/${projectId}/tests/${testId}/approve`);
  });
  afterAll(async () => {
    await t?.close();
    await todo?.close();
  });

  it('passes on the original markup and remembers each element it acted on', async () => {
    const result = await runOnce();
    expect(result).toMatchObject({ status: 'passed' });
    expect(result.healingEvents.length).toBeGreaterThanOrEqual(3);
    expect(result.healingEvents.every((event: any) => event.healed === false && event.strategy === 'css')).toBe(true);
    const rows = await memory();
    expect(rows.map((row) => row.key).sort()).toEqual(
      [`${testId}::click::.add-btn`, `${testId}::expect::span.count`, `${testId}::fill::#new-todo`].sort(),
    );
    for (const row of rows) expect(JSON.parse(row.evidence!).fingerprint).toMatchObject({ tag: expect.any(String) });
  }, 120_000);

  it('still passes after ids, classes and tags change, and shows the heals with evidence', async () => {
    todo.setVariant('refactored');
    const result = await runOnce();
    expect(result).toMatchObject({ status: 'passed', error: null });
    const heals = result.healingEvents.filter((event: any) => event.healed);
    expect(heals.map((heal: any) => heal.oldLocator ?? heal.label).sort()).toEqual([
      '#new-todo',
      '.add-btn',
      'span.count',
    ]);
    for (const heal of heals) {
      expect(heal).toMatchObject({ strategy: 'fingerprint', before: expect.any(Object), after: expect.any(Object) });
      expect(heal.score).toBeGreaterThanOrEqual(0.6);
      expect(typeof heal.newLocator).toBe('string');
      const shot = await fetch(`${t.url}${heal.screenshot}`, { headers: { authorization: `Bearer ${admin.token}` } });
      expect([shot.status, shot.headers.get('content-type')]).toEqual([200, 'image/png']);
    }
    const button = heals.find((heal: any) => heal.oldLocator === '.add-btn');
    expect([button.before.tag, button.after.tag]).toEqual(['button', 'input']);
    // The memory now holds the refactored elements, so the next run does not need to heal again.
    const rows = await memory();
    expect(rows.find((row) => row.key.endsWith('::click::.add-btn'))).toMatchObject({
      strategy: 'fingerprint',
      failCount: 0,
    });
  }, 120_000);

  it('fails when behaviour breaks: healing finds elements, it never makes a wrong result pass', async () => {
    todo.setVariant('broken');
    const result = await runOnce();
    expect(result).toMatchObject({ status: 'failed', failureCategory: 'ASSERTION_FAIL' });
    expect(result.error).toContain('1 items left');
  }, 120_000);
});
