import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEventLine, type HealEvent } from '../src/channel.js';

const RUNTIME_SRC = fileURLToPath(new URL('../src', import.meta.url));
const PLAYWRIGHT = path.dirname(fileURLToPath(import.meta.resolve('@playwright/test/package.json')));

const CONFIG = `import { defineConfig } from '@playwright/test';
export default defineConfig({
  testDir: './tests',
  workers: 1,
  reporter: 'line',
  use: {
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-sync'],
    },
  },
});
`;

const SPEC = `import { test, expect } from '@playwright/test';
import { safeClick, safeExpect, safeFill, sentri } from '../sentri-runtime/index';

const BEFORE = \`<form onsubmit="event.preventDefault(); document.querySelector('output').textContent = 'Thanks'">
  <label for="email">Email</label><input id="email" name="email">
  <button id="buy-btn" class="btn primary" type="submit">Place order</button><output role="status"></output></form>\`;
const AFTER = \`<form onsubmit="event.preventDefault(); document.querySelector('output').textContent = 'Thanks'">
  <div class="row"><label for="mail">Email</label><input id="mail" name="email"></div>
  <div class="actions"><button class="cta" type="submit">Place order</button></div><output role="status"></output></form>\`;

test('checkout survives a refactor', async ({ page }) => {
  test.info().annotations.push({ type: 'sentri-test-id', description: 'TST-42' });
  await page.setContent(BEFORE);
  await safeFill(page, '#email', 'ada@example.com');
  await safeClick(page, '#buy-btn');
  await page.setContent(AFTER);
  await safeFill(page, '#email', 'ada@example.com');
  await safeClick(page, '#buy-btn');
  await safeExpect(page, expect, 'Thanks', 'status');
});

test('without an annotation the spec file names the test', async ({ page }) => {
  await page.setContent('<button onclick="this.textContent = \\'Done\\'">Go</button>');
  await sentri.click(page, 'text=Go');
  await sentri.expectVisible(page, 'role=button', 'Done');
});
`;

/**
 * The runtime as an exported project uses it: its source files copied next to a spec, loaded by
 * Playwright's own TypeScript loader, in a real worker process where `test.info()` exists.
 */
describe('inside a Playwright worker', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sentri-runtime-worker-'));
    fs.mkdirSync(path.join(dir, 'sentri-runtime'));
    fs.mkdirSync(path.join(dir, 'tests'));
    fs.mkdirSync(path.join(dir, 'node_modules', '@playwright'), { recursive: true });
    fs.symlinkSync(PLAYWRIGHT, path.join(dir, 'node_modules', '@playwright', 'test'));
    for (const file of fs.readdirSync(RUNTIME_SRC)) {
      if (file.endsWith('.ts') && !file.endsWith('.test.ts')) {
        fs.copyFileSync(path.join(RUNTIME_SRC, file), path.join(dir, 'sentri-runtime', file));
      }
    }
    fs.writeFileSync(path.join(dir, 'playwright.config.ts'), CONFIG);
    fs.writeFileSync(path.join(dir, 'tests', 'worker.spec.ts'), SPEC);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keys healing by the sentri-test-id annotation or the spec name, heals, and reports over stdout', async () => {
    const run = await new Promise<{ code: number | null; output: string }>((resolve) => {
      const child = spawn(process.execPath, [path.join(PLAYWRIGHT, 'cli.js'), 'test', '-c', 'playwright.config.ts'], {
        cwd: dir,
        env: { ...process.env, SENTRI_EVENTS: '1', HEALING_ELEMENT_TIMEOUT: '600', CI: '' },
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.on('close', (code) => resolve({ code, output }));
    });
    expect(run.code, run.output.slice(-3000)).toBe(0);
    const events = run.output
      .split('\n')
      .map((line) => parseEventLine(line.slice(Math.max(0, line.indexOf('\u001eSENTRI ')))))
      .filter((event): event is HealEvent => event?.type === 'heal');
    expect(events.map((e) => [e.key, e.strategy, e.healed])).toEqual([
      ['TST-42::fill::#email', 'css', false],
      ['TST-42::click::#buy-btn', 'css', false],
      ['TST-42::fill::#email', 'fingerprint', true],
      ['TST-42::click::#buy-btn', 'fingerprint', true],
      ['TST-42::expect::Thanks', 'text-exact', false], // a status takes no name from its content
      ['worker::click::text=Go', 'selector:text', false],
      ['worker::expect::role=button', 'selector:role', false],
    ]);
    const heal = events[3];
    expect(heal?.screenshotPath).toContain(`${path.sep}test-results${path.sep}`);
    expect(heal?.screenshotPath && fs.existsSync(heal.screenshotPath)).toBe(true);
  }, 60_000);
});
