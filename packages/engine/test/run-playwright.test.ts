import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTodoApp, type TodoApp } from '../../../fixtures/todo/server.js';
import { findBrowserExecutable } from '../src/browser/find-executable.js';
import { classifyFailure } from '../src/run/classify-failure.js';
import type { ChildMessage, RunPlan } from '../src/run/run-plan.js';
import { liveFile, runPlaywright } from '../src/run/run-playwright.js';

type Attempt = Extract<ChildMessage, { type: 'attempt' }>;

const spec = (name: string, body: string) =>
  `import { test, expect } from '@playwright/test';\n\ntest(${JSON.stringify(name)}, async ({ page }) => {\n${body}\n});\n`;

describe('Playwright Test in a child process, on real Chromium', () => {
  let todo: TodoApp;
  const dirs: string[] = [];
  const chromium = findBrowserExecutable('chromium', process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH);

  beforeAll(async () => {
    todo = await startTodoApp();
  });
  afterAll(async () => {
    await todo?.close();
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  async function run(tests: RunPlan['tests'], overrides: Partial<RunPlan> = {}, watched = false) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sentri-engine-'));
    dirs.push(dir);
    if (watched) fs.writeFileSync(liveFile({ dir }), '');
    const messages: ChildMessage[] = [];
    const started = Date.now();
    const child = runPlaywright(
      {
        dir,
        tests,
        workers: 1,
        retries: 0,
        testTimeoutMs: 30_000,
        navigationTimeoutMs: 10_000,
        baseURL: todo.url,
        browser: { name: 'chromium', executablePath: chromium.executablePath ?? undefined, headless: true },
        context: { viewport: { width: 1280, height: 720 }, network: 'fast' },
        screencast: false,
        ...overrides,
      },
      (message) => messages.push(message),
    );
    const exit = await child.exited;
    const attempts = messages.filter((message): message is Attempt => message.type === 'attempt');
    return { exit, messages, attempts, dir, wallMs: Date.now() - started };
  }

  it('runs four tests on four workers at the same time', async () => {
    const tests = ['A', 'B', 'C', 'D'].map((name, index) => ({
      id: `TC-${index + 1}`,
      spec: spec(
        name,
        `  await page.goto('/');\n  await page.waitForTimeout(2000);\n  await expect(page.getByRole('heading')).toHaveText('Todos');`,
      ),
    }));
    const { exit, attempts, messages } = await run(tests, { workers: 4 });
    expect(exit).toMatchObject({ code: 0, ended: true });
    expect(attempts.map((attempt) => attempt.status)).toEqual(['passed', 'passed', 'passed', 'passed']);
    const workers = new Set(
      messages.flatMap((message) => (message.type === 'test-begin' ? [message.workerIndex] : [])),
    );
    expect(workers.size).toBe(4);
    // Every test's time overlaps every other's: they ran side by side, not one after another.
    const spans = attempts.map((attempt) => [
      Date.parse(attempt.startedAt),
      Date.parse(attempt.startedAt) + attempt.durationMs,
    ]);
    const latestStart = Math.max(...spans.map(([start]) => start!));
    const earliestEnd = Math.min(...spans.map(([, end]) => end!));
    expect(latestStart).toBeLessThan(earliestEnd);
  }, 60_000);

  it('stops a test at its time limit and calls it a timeout', async () => {
    const { attempts } = await run(
      [
        {
          id: 'TC-1',
          spec: spec(
            'slow',
            `  await page.goto('/slow');\n  await expect(page.getByText('Loaded')).toBeVisible({ timeout: 60000 });`,
          ),
        },
      ],
      { testTimeoutMs: 3000 },
    );
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({ status: 'timedOut', final: true });
    expect(attempts[0]!.durationMs).toBeLessThan(10_000);
    expect(classifyFailure(attempts[0]!.status, attempts[0]!.errors[0])).toBe('TIMEOUT');
  }, 60_000);

  it('classifies real failures by what failed: assertion, locator, navigation', async () => {
    const { attempts } = await run(
      [
        {
          id: 'TC-1',
          spec: spec(
            'assertion',
            `  await page.goto('/');\n  await expect(page.getByRole('heading')).toHaveText('Groceries', { timeout: 500 });`,
          ),
        },
        {
          id: 'TC-2',
          spec: spec(
            'locator',
            `  await page.goto('/');\n  await page.getByRole('button', { name: 'Delete everything' }).click({ timeout: 500 });`,
          ),
        },
        { id: 'TC-3', spec: spec('navigation', `  await page.goto('http://127.0.0.1:9/');`) },
        {
          id: 'TC-4',
          spec: spec('url', `  await page.goto('/');\n  await expect(page).toHaveURL(/dashboard/, { timeout: 500 });`),
        },
      ],
      { workers: 2 },
    );
    const category = (id: string) => {
      const attempt = attempts.find((item) => item.testId === id)!;
      return classifyFailure(attempt.status, attempt.errors[0]);
    };
    expect([category('TC-1'), category('TC-2'), category('TC-3'), category('TC-4')]).toEqual([
      'ASSERTION_FAIL',
      'SELECTOR_ISSUE',
      'NAVIGATION_FAIL',
      'URL_MISMATCH',
    ]);
  }, 60_000);

  it('gives test code none of the server environment and a private home and temp dir', async () => {
    const secrets = {
      DATABASE_URL: 'postgres://secret@db/sentri',
      JWT_SECRET: 'j'.repeat(40),
      OPENAI_API_KEY: 'sk-test',
    };
    Object.assign(process.env, secrets);
    try {
      const { attempts, dir } = await run([
        {
          id: 'TC-1',
          spec: spec(
            'env',
            `  console.log('ENV ' + JSON.stringify({ keys: Object.keys(process.env), home: process.env.HOME, tmp: require('node:os').tmpdir(), cwd: process.cwd() }));`,
          ),
        },
      ]);
      const line = attempts[0]!.output.find((text) => text.startsWith('ENV '));
      const seen = JSON.parse(line!.slice(4)) as { keys: string[]; home: string; tmp: string; cwd: string };
      for (const name of Object.keys(secrets)) expect(seen.keys).not.toContain(name);
      expect(seen.home.startsWith(dir)).toBe(true);
      expect(seen.tmp.startsWith(dir)).toBe(true);
      expect(seen.cwd.startsWith(dir)).toBe(true);
    } finally {
      for (const name of Object.keys(secrets)) delete process.env[name];
    }
  }, 60_000);

  it('reports a browser that cannot start as a run that did not end, with the reason', async () => {
    const { exit, attempts } = await run([{ id: 'TC-1', spec: spec('any', `  await page.goto('/');`) }], {
      browser: { name: 'chromium', executablePath: '/nonexistent/chromium', headless: true },
    });
    expect(attempts[0]).toMatchObject({ status: 'failed' });
    expect(attempts[0]!.errors[0]!.message).toMatch(/nonexistent\/chromium|executable/i);
    expect(exit.code).not.toBe(0);
  }, 60_000);

  it('captures a screenshot at the end of each test.step and each // Step N: block', async () => {
    const body = [
      `  await test.step('Open the app', async () => {`,
      `    await page.goto('/');`,
      `  });`,
      `  await test.step('Add an item', async () => {`,
      `    await page.getByLabel('New todo').fill('Milk');`,
      `    await page.getByRole('button', { name: 'Add' }).click();`,
      `  });`,
    ].join('\n');
    const comments = [
      `  // Step 1: open`,
      `  await page.goto('/');`,
      `  // Step 2: add`,
      `  await page.getByLabel('New todo').fill('Eggs');`,
      `  await page.getByRole('button', { name: 'Add' }).click();`,
    ].join('\n');
    const { messages, attempts } = await run(
      [
        { id: 'TC-1', spec: spec('steps', body) },
        { id: 'TC-2', spec: spec('comments', comments) },
      ],
      { workers: 2 },
    );
    expect(attempts.map((attempt) => attempt.status)).toEqual(['passed', 'passed']);
    const captures = (id: string) =>
      messages.flatMap((message) =>
        message.type === 'runtime' && message.testId === id && message.event.type === 'step-capture'
          ? [message.event]
          : [],
      );
    expect(captures('TC-1').map((capture) => [capture.step, capture.title])).toEqual([
      [1, 'Open the app'],
      [2, 'Add an item'],
    ]);
    expect(captures('TC-2').map((capture) => [capture.step, capture.title])).toEqual([[1, 'Step 1']]);
    for (const capture of [...captures('TC-1'), ...captures('TC-2')]) {
      expect(fs.readFileSync(capture.screenshotPath).subarray(1, 4).toString()).toBe('PNG');
    }
  }, 60_000);

  it('applies device, locale, time zone, geolocation and network conditions to the browser', async () => {
    const probe = [
      `  await page.goto('/');`,
      `  const seen = await page.evaluate(async () => ({`,
      `    language: navigator.language,`,
      `    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,`,
      `    width: screen.width,`,
      `    agent: navigator.userAgent,`,
      `    position: await new Promise((resolve) => navigator.geolocation.getCurrentPosition((p) => resolve([p.coords.latitude, p.coords.longitude]), (e) => resolve(e.message))),`,
      `  }));`,
      `  console.log('SEEN ' + JSON.stringify(seen));`,
    ].join('\n');
    const { attempts } = await run([{ id: 'TC-1', spec: spec('probe', probe) }], {
      context: {
        viewport: { width: 1280, height: 720 },
        device: 'Pixel 7',
        locale: 'fr-FR',
        timezoneId: 'Asia/Tokyo',
        geolocation: { latitude: 48.8566, longitude: 2.3522 },
        network: 'fast',
      },
    });
    const line = attempts[0]!.output.find((text) => text.startsWith('SEEN '));
    expect(JSON.parse(line!.slice(5))).toMatchObject({
      language: 'fr-FR',
      timeZone: 'Asia/Tokyo',
      width: 412,
      position: [48.8566, 2.3522],
    });
    expect(JSON.parse(line!.slice(5)).agent).toContain('Android');

    const offline = await run([{ id: 'TC-1', spec: spec('offline', `  await page.goto('/');`) }], {
      context: { viewport: { width: 1280, height: 720 }, network: 'offline' },
    });
    expect(offline.attempts[0]!.errors[0]!.message).toContain('ERR_INTERNET_DISCONNECTED');
    expect(classifyFailure(offline.attempts[0]!.status, offline.attempts[0]!.errors[0])).toBe('NAVIGATION_FAIL');

    const timing = `  const started = Date.now();\n  await page.goto('/');\n  console.log('LOAD ' + (Date.now() - started));`;
    const slow = await run([{ id: 'TC-1', spec: spec('slow', timing) }], {
      context: { viewport: { width: 1280, height: 720 }, network: 'slow3g' },
    });
    const fast = await run([{ id: 'TC-1', spec: spec('fast', timing) }]);
    const loadMs = (result: { attempts: Attempt[] }) =>
      Number(result.attempts[0]!.output.find((text) => text.startsWith('LOAD '))!.slice(5));
    expect(loadMs(slow)).toBeGreaterThanOrEqual(400);
    expect(loadMs(slow)).toBeGreaterThan(loadMs(fast) + 300);
  }, 120_000);

  it('streams screencast frames only while the run is watched', async () => {
    const body = `  await page.goto('/');\n  await page.waitForTimeout(1500);`;
    const frames = (messages: ChildMessage[]) =>
      messages.filter((message) => message.type === 'runtime' && message.event.type === 'frame').length;
    const unwatched = await run([{ id: 'TC-1', spec: spec('quiet', body) }], { screencast: true });
    const watched = await run([{ id: 'TC-1', spec: spec('live', body) }], { screencast: true }, true);
    expect(frames(unwatched.messages)).toBe(0);
    expect(frames(watched.messages)).toBeGreaterThan(0);
  }, 60_000);
});
