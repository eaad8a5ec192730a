/* eslint-disable @typescript-eslint/no-explicit-any -- JSON bodies of many shapes, asserted field by field */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTodoApp, type TodoApp } from '../../../fixtures/todo/server.js';
import { bearerApi, type ApiCall } from './support/bearer-api.js';
import { approvedTest, pollRun } from './support/fault-kit.js';
import { startLiveApp, type LiveApp } from './support/live-app.js';
import { signUp } from './support/sessions.js';

const SHOWS_FORM = `test('shows the form', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByLabel('New todo')).toBeVisible();
});`;
const WRONG_HEADING = `test('expects another heading', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Groceries', { timeout: 1000 });
});`;

/**
 * The artifact store on a volume of its own, 1 MiB of tmpfs, filled to the last byte: every write
 * into it fails with the kernel's real ENOSPC, as on a full disk or an exhausted quota. Mounting
 * needs root (CAP_SYS_ADMIN); without it the test says so and is skipped.
 */
function mountTinyVolume(dir: string): string | undefined {
  fs.mkdirSync(dir, { recursive: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m,mode=0755', 'tmpfs', dir], { stdio: 'pipe' });
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message.split('\n')[0] : String(error);
  }
}

/** Writes until the volume refuses: the filler holds every free byte. */
function fill(dir: string): void {
  try {
    fs.writeFileSync(path.join(dir, 'filler'), Buffer.alloc(4 * 1024 * 1024, 1));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
    return;
  }
  throw new Error('the volume took more than it should hold');
}

const free = (dir: string) => fs.rmSync(path.join(dir, 'filler'), { force: true });

describe('a full artifact volume', () => {
  let root: string;
  let artifacts: string;
  let refused: string | undefined;
  let t: LiveApp | undefined;
  let todo: TodoApp;
  let call: ApiCall;
  let token: string;

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'sentri-disk-full-'));
    artifacts = path.join(root, 'data', 'artifacts');
    refused = mountTinyVolume(artifacts);
    if (refused) {
      // CI runs as root and must never skip this silently (scripts/with-services.sh sets it).
      if (process.env.SENTRI_REQUIRE_TMPFS === '1') throw new Error(`cannot mount a tmpfs: ${refused}`);
      process.stderr.write(`\n!!! fault-disk-quota: cannot mount a tmpfs (${refused}); skipped.\n\n`);
      return;
    }
    todo = await startTodoApp();
    t = await startLiveApp({
      dataDir: path.join(root, 'data'),
      env: { MAX_TEST_RETRIES: '0', RATE_LIMIT_GENERAL: '1000000/1m', RATE_LIMIT_EXPENSIVE: '1000/1m' },
    });
    const admin = await signUp(t.app);
    token = admin.token;
    call = bearerApi(t.url, () => token);
  });
  afterAll(async () => {
    await t?.close();
    await todo?.close();
    if (!refused) execFileSync('umount', ['-l', artifacts]);
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('records the run and its results, says the evidence was lost and why, and recovers once there is room', async (context) => {
    if (refused) return context.skip();
    const projectId = (await call('POST', '/projects', { name: 'Todo', url: todo.url })).body.id as string;
    const passes = await approvedTest(call, projectId, 'Shows the form', SHOWS_FORM);
    const fails = await approvedTest(call, projectId, 'Wrong heading', WRONG_HEADING);
    const runAll = async () => {
      const started = await call('POST', `/projects/${projectId}/run`, { dialsConfig: { parallelWorkers: 2 } });
      expect(started.status).toBe(200);
      return pollRun(call, started.body.runId, (run) => run.status !== 'running');
    };

    fill(artifacts);
    const ready = await fetch(`${t!.url}/health/ready`);
    expect(ready.status).toBe(503);
    expect((await ready.json()).checks.artifacts).toMatchObject({ ok: false, error: expect.stringMatching(/ENOSPC/) });

    const full = await runAll();
    // The run and every result are stored: only the files are missing, and the log says so.
    expect(full).toMatchObject({ status: 'completed', total: 2, passed: 1, failed: 1, error: null });
    const byId = Object.fromEntries(full.results.map((result: any) => [result.testId, result]));
    expect(byId[passes]).toMatchObject({ status: 'passed', screenshotPath: null, tracePath: null });
    expect(byId[fails]).toMatchObject({ status: 'failed', failureCategory: 'ASSERTION_FAIL', screenshotPath: null });
    expect(byId[fails].error).toContain('Groceries');
    const warnings = full.logs.filter((line: string) => /evidence .* could not be stored/i.test(line));
    expect(warnings.length, full.logs.join('\n')).toBeGreaterThan(0);
    expect(warnings.join('\n')).toMatch(/out of space/i);

    // Making a screenshot the baseline writes into the store too: a clean error, not a 500.
    free(artifacts);
    const stored = await runAll();
    const shot = stored.results.find((result: any) => result.testId === passes);
    expect(shot.screenshotPath).toEqual(expect.stringMatching(/^\/api\/v1\/artifacts\//));
    const download = await fetch(`${t!.url}${shot.screenshotPath}`, { headers: { authorization: `Bearer ${token}` } });
    expect(download.status).toBe(200);
    expect(stored.logs.some((line: string) => /could not be stored/i.test(line))).toBe(false);
    fill(artifacts);
    const accept = () => call('POST', `/tests/${passes}/baselines/0/accept`, { runId: stored.id });
    const refusedAccept = await accept();
    expect(refusedAccept).toMatchObject({ status: 507, body: { code: 'SERVER_STORAGE_FULL' } });
    expect(refusedAccept.body.error).toMatch(/out of space/i);

    free(artifacts);
    expect((await fetch(`${t!.url}/health/ready`)).status).toBe(200);
    expect(await accept()).toMatchObject({ status: 200, body: { ok: true, stepNumber: 0 } });
  }, 90_000);
});
