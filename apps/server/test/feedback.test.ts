/* eslint-disable @typescript-eslint/no-explicit-any -- JSON bodies of many shapes, asserted field by field */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTodoApp, type TodoApp } from '../../../fixtures/todo/server.js';
import { startFakeVendor, type FakeVendor } from '../../../packages/llm/test/fakes/fake-vendor.js';
import { bearerApi, waitForRun, type ApiCall } from './support/bearer-api.js';
import { startLiveApp, type LiveApp } from './support/live-app.js';
import { signUp, type TestSession } from './support/sessions.js';

/** Written against a button name the app does not have: fails on its locator. */
const STALE = `test('Add a todo', async ({ page }) => {
  // Step 1: Open the list
  await sentri.navigate(page, '/');
  // Step 2: Type the todo
  await sentri.fill(page, 'role=textbox[name="New todo"]', 'Buy milk');
  // Step 3: Add it
  await sentri.click(page, 'role=button[name="Create todo"]');
  // Step 4: It is listed
  await sentri.expectVisible(page, undefined, 'Buy milk');
});
`;
/** Asserts a heading the app does not show: a failed check, which may be a real bug. */
const WRONG = `test('Shows the groceries heading', async ({ page }) => {
  await sentri.navigate(page, '/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Groceries', { timeout: 1000 });
});
`;
const REPAIRED = STALE.replace('role=button[name="Create todo"]', 'role=button[name="Add"]');

describe('feedback loop: failing tests get a proposed repair beside the original', () => {
  let t: LiveApp;
  let todo: TodoApp;
  let openai: FakeVendor;
  let admin: TestSession;

  const call: ApiCall = (method, path, body) => bearerApi(t.url, () => admin.token)(method, path, body);

  const settled = (runId: string) =>
    waitForRun(call, runId, { done: (run) => run.status !== 'running' && Boolean(run.feedbackLoop) });

  beforeAll(async () => {
    todo = await startTodoApp();
    openai = await startFakeVendor('openai');
    t = await startLiveApp({
      env: {
        MAX_TEST_RETRIES: '0',
        HEALING_ELEMENT_TIMEOUT: '1500',
        HEALING_RETRY_COUNT: '1',
        CRAWL_NETWORKIDLE_TIMEOUT: '500',
        RATE_LIMIT_EXPENSIVE: '1000/1m',
      },
    });
    admin = await signUp(t.app);
    await call('POST', '/settings', { provider: 'openai', apiKey: 'sk-test-0123456789', baseUrl: openai.baseUrl });
  });
  afterAll(async () => {
    await t?.close();
    await todo?.close();
    await openai?.close();
  });

  it('proposes a repaired draft for a locator failure, never touches the approved test, and leaves assertion failures alone', async () => {
    const projectId = (await call('POST', '/projects', { name: 'Todo', url: todo.url })).body.id;
    const create = async (name: string, playwrightCode: string) => {
      const id = (await call('POST', `/projects/${projectId}/tests`, { name, steps: ['see code'], playwrightCode }))
        .body.id;
      await call('PATCH', `/projects/${projectId}/tests/${id}/approve`);
      return id as string;
    };
    const stale = await create('Add a todo', STALE);
    const wrong = await create('Shows the groceries heading', WRONG);
    openai.reply({
      text: JSON.stringify({
        tests: [
          {
            name: 'Add a todo',
            description: 'Adds a todo with the button as it is named now.',
            priority: 'high',
            type: 'functional',
            scenario: 'positive',
            steps: ['Open the list', 'Type the todo', 'Add it', 'It is listed'],
            playwrightCode: REPAIRED,
          },
        ],
      }),
    });

    const started = await call('POST', `/projects/${projectId}/run`, {});
    const run = await settled(started.body.runId);
    expect(run.failed).toBe(2);
    const categories = Object.fromEntries(run.results.map((r: any) => [r.testId, r.failureCategory]));
    expect(categories[wrong]).toBe('ASSERTION_FAIL');
    expect(run.feedbackLoop.improved).toBe(1);
    expect(run.feedbackLoop.proposals[0]).toMatchObject({ testId: stale });

    // The model saw the failing code, the error and the page as it is now (with its real button).
    const prompt = JSON.stringify(openai.requests[0]!.body);
    expect(prompt).toContain('Create todo');
    expect(prompt).toContain('role=button[name=\\"Add\\"] | button');
    expect(openai.requests).toHaveLength(1);

    const list = (await call('GET', `/projects/${projectId}/tests`)).body;
    const tests = (Array.isArray(list) ? list : list.tests) as any[];
    const original = tests.find((test) => test.id === stale);
    expect(original).toMatchObject({ reviewStatus: 'approved', playwrightCode: STALE });
    const proposal = tests.find((test) => test.revisionOf === stale);
    expect(proposal).toMatchObject({
      reviewStatus: 'draft',
      generatedFrom: 'feedback_regeneration',
      playwrightCodePrev: STALE,
    });
    expect(proposal.playwrightCode).toContain('role=button[name="Add"]');
    expect(tests.some((test) => test.revisionOf === wrong)).toBe(false);

    // The proposal passes where the original failed.
    const check = await call('POST', `/tests/${proposal.id}/run`);
    for (const deadline = Date.now() + 60_000; Date.now() < deadline;) {
      const again = (await call('GET', `/runs/${check.body.runId}`)).body;
      if (again.status !== 'running') {
        expect(again.results[0].status).toBe('passed');
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    throw new Error('the proposed fix did not finish running');
  }, 180_000);
});
