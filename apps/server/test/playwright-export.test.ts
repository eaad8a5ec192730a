import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowserExecutable } from '@sentri/engine';
import { startShop } from '../../../fixtures/shop/server.js';
import { bearer, signUp, type TestSession } from './support/sessions.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const chromium = findBrowserExecutable('chromium', process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH);
if (!chromium.found && process.env.SENTRI_REQUIRE_CHROMIUM === '1')
  throw new Error('SENTRI_REQUIRE_CHROMIUM=1 but no Chromium was found.');
if (!chromium.found) console.warn('No Chromium found: the exported project is checked but not run.');

/**
 * The export promise: unzip the project, run `playwright test` in it, and the approved tests
 * pass against the app — with nothing of Sentri but what the ZIP contains.
 */
describe('the Playwright project export', () => {
  let t: TestApp;
  let shop: Awaited<ReturnType<typeof startShop>>;
  let admin: TestSession;
  let projectId: string;
  let files: Record<string, string>;
  const workDir = path.join(ROOT, '.tmp', `export-${randomUUID()}`);

  beforeAll(async () => {
    shop = await startShop();
    t = await createTestApp();
    admin = await signUp(t.app);
    const call = (method: 'POST' | 'PATCH', url: string, payload?: object) =>
      t.app.inject({ method, url: `/api/v1${url}`, headers: bearer(admin), ...(payload ? { payload } : {}) });
    projectId = (await call('POST', '/projects', { name: 'Sentri Shop', url: shop.url })).json().id;
    const tests = [
      {
        name: 'Places an order',
        steps: [
          { action: 'navigate', url: '/' },
          { action: 'fill', selector: 'label=Email', value: 'ada@example.test' },
          { action: 'check', selector: 'label=I accept the terms' },
          { action: 'click', selector: 'role=button[name="Buy"]' },
          { action: 'assert', selector: 'role=status', expected: 'Thank you, ada@example.test' },
        ],
      },
      {
        name: 'Places an order',
        playwrightCode:
          "async ({ page }) => {\n  await page.goto('/');\n  await expect(page.getByRole('heading')).toHaveText('Sentri Shop');\n}",
      },
      {
        name: 'Refuses without terms',
        playwrightCode:
          "test('Refuses without terms', async ({ page }) => {\n  await page.goto('/');\n  await page.getByLabel('Email').fill('x@example.test');\n  await page.getByRole('button', { name: 'Buy' }).click();\n  await expect(page.getByRole('status')).toHaveText('Please accept the terms');\n});",
      },
      { name: 'Only written down', steps: ['Open the shop', 'Look around'] },
    ];
    for (const test of tests) {
      const id = (await call('POST', `/projects/${projectId}/tests`, test)).json().id;
      await call('PATCH', `/projects/${projectId}/tests/${id}/approve`);
    }
    // A draft that would fail: only approved tests leave Sentri.
    await call('POST', `/projects/${projectId}/tests`, {
      name: 'Broken draft',
      playwrightCode: "await expect(page).toHaveTitle('nope');",
    });

    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/projects/${projectId}/export/playwright`,
      headers: bearer(admin),
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/zip');
    expect(response.headers['content-disposition']).toBe('attachment; filename="sentri-sentri-shop-playwright.zip"');
    files = Object.fromEntries(
      Object.entries(unzipSync(response.rawPayload)).map(([name, bytes]) => [name, new TextDecoder().decode(bytes)]),
    );
  });
  afterAll(async () => {
    await t.close();
    await shop.close();
    fs.rmSync(workDir, { recursive: true, force: true });
  });

  it('contains a runnable project: package.json, config with the project URL, README, runtime and one spec per approved test', () => {
    // The whole runtime ships: every source file of the package, its tests excepted.
    const runtimeSources = fs
      .readdirSync(new URL('../../../packages/runtime/src', import.meta.url))
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
      .map((file) => `sentri-runtime/${file}`);
    expect(runtimeSources).toEqual(expect.arrayContaining(['sentri-runtime/index.ts', 'sentri-runtime/steps.ts']));
    expect(Object.keys(files).sort()).toEqual([
      'README.md',
      'package.json',
      'playwright.config.ts',
      ...runtimeSources.sort(),
      'tests/only-written-down.spec.ts',
      'tests/places-an-order-2.spec.ts',
      'tests/places-an-order.spec.ts',
      'tests/refuses-without-terms.spec.ts',
    ]);
    expect(JSON.parse(files['package.json'] ?? '{}')).toMatchObject({
      scripts: { test: 'playwright test' },
      devDependencies: { '@playwright/test': expect.stringMatching(/^\^1\./) },
    });
    expect(files['playwright.config.ts']).toContain(JSON.stringify(shop.url));
    expect(files['tests/places-an-order.spec.ts']).toContain(
      `await sentri.fill(page, "label=Email", "ada@example.test");`,
    );
    expect(files['tests/only-written-down.spec.ts']).toContain('test.fixme(');
    expect(Object.values(files).join('\n')).not.toContain('Broken draft');
  });

  it.skipIf(!chromium.found)(
    'passes with `playwright test` in the unzipped folder',
    async () => {
      for (const [name, content] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(workDir, name)), { recursive: true });
        fs.writeFileSync(path.join(workDir, name), content);
      }
      const cli = path.join(ROOT, 'node_modules', '@playwright', 'test', 'cli.js');
      const report = path.join(workDir, 'report.json');
      const run = await new Promise<{ code: number | null; output: string }>((resolve) => {
        const child = spawn(
          process.execPath,
          [cli, 'test', '-c', path.join(workDir, 'playwright.config.ts'), '--reporter=json'],
          {
            cwd: workDir,
            env: {
              ...process.env,
              PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH: chromium.executablePath ?? '',
              PLAYWRIGHT_JSON_OUTPUT_NAME: report,
              CI: '',
            },
          },
        );
        let output = '';
        child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
        child.on('close', (code) => resolve({ code, output }));
      });
      expect(run.code, run.output.slice(-3000)).toBe(0);
      const stats = (JSON.parse(fs.readFileSync(report, 'utf8')) as { stats: Record<string, number> }).stats;
      expect(stats).toMatchObject({ expected: 3, unexpected: 0, skipped: 1 });
    },
    120_000,
  );
});
