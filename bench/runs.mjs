#!/usr/bin/env node
/**
 * Sentri against plain Playwright on the same 40 specs. Run after `npm run build`:
 *   node bench/runs.mjs [--workers 2] [--repeat 3] [--no-pin]
 *
 * A: `POST /projects/:id/run` on the real server (bench/runs-server.mjs) until the run's event
 *    stream says `done`; every test must have passed. B: the project's Playwright export (the ZIP
 *    the API serves), unzipped, run with `playwright test --workers W --trace on` and screenshots
 *    on, as Sentri records a trace and a screenshot of every test; spawn to exit, 40 passed.
 * Both run Chromium on the server's core (CPU 1; this process and the todo fixture on CPU 0;
 * `--no-pin`: no pinning). Also the CPU time each used, from procfs: the server with every process
 * it started and reaped (A), the Playwright process tree (B). Exit 1 unless every run passed 40/40.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { unzipSync } from 'fflate';
import { pinning, startServer, stopServer } from './harness.mjs';
import {
  CHROMIUM,
  ROOT,
  apiClient,
  commitOf,
  createProject,
  distStamp,
  machine,
  median,
  proc,
  readEventStream,
  resultsFile,
  startFixture,
} from './runs-server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

const ITEMS = ['Buy milk', 'Walk the dog', 'Write tests', 'Call mum', 'Pay rent', 'Water plants', 'Book dentist'];
const todo = (text, enter) => [
  `await page.getByLabel('New todo').fill('${text}');`,
  enter
    ? `await page.getByLabel('New todo').press('Enter');`
    : `await page.getByRole('button', { name: 'Add' }).click();`,
];
const login = (email, password) => [
  `await page.goto('/login');`,
  `await page.getByLabel('Email').fill('${email}');`,
  `await page.getByLabel('Password').fill('${password}');`,
  `await page.getByRole('button', { name: 'Sign in' }).click();`,
];
const left = (n) => `await expect(page.getByText('${n} items left')).toBeVisible();`;
/** Eight small flows on the todo fixture, five variants each (v): 40 tests, all passing. [name, ...lines] */
const FLOWS = [
  (v, items = ITEMS.slice(0, 2 + v)) => [
    `Adds ${items.length} todos`,
    `await page.goto('/');`,
    ...items.flatMap((item) => todo(item)),
    `await expect(page.getByRole('listitem')).toHaveText(${JSON.stringify(items)});`,
    left(items.length),
  ],
  (v, items = ITEMS.slice(v, v + 3), k = 1 + (v % 3)) => [
    `Checks ${k} of 3 todos (${v})`,
    `await page.goto('/');`,
    ...items.flatMap((item) => todo(item, true)),
    ...items
      .slice(0, k)
      .map((t) => `await page.getByRole('listitem').filter({ hasText: '${t}' }).getByRole('checkbox').check();`),
    left(3 - k),
  ],
  (v) => [
    `Signs in as user ${v}`,
    ...login(`user${v}@example.test`, 'secret'),
    `await expect(page).toHaveURL(/\\/dashboard$/);`,
    `await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();`,
    `await expect(page.locator('#welcome')).toHaveText('Welcome, user${v}@example.test');`,
  ],
  (v) => [
    `Refuses a wrong password ${v}`,
    ...login(`user${v}@example.test`, `wrong-${v}`),
    `await expect(page.getByRole('alert')).toHaveText('Invalid credentials');`,
    `await expect(page.getByLabel('Email')).toHaveValue('user${v}@example.test');`,
    `await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');`,
  ],
  (v) => [
    `Visual page heading and box ${v}`,
    `await page.goto('/visual');`,
    `await expect(page.getByRole('heading', { level: 1 })).toHaveText('Visual check');`,
    `await expect(page.locator('#box')).toHaveAttribute('data-colour', '#3b82f6');`,
    `expect((await page.locator('#box').boundingBox())?.width).toBe(400);`,
    `await expect(page).toHaveTitle('Visual');`,
  ],
  (v) => [
    `Pays in the checkout frame ${v}`,
    `await page.goto('/frame');`,
    `const frame = page.frameLocator('iframe[title="Payment"]');`,
    `await frame.getByLabel('Card number').fill('${v % 2 ? '' : `4242 4242 4242 424${v}`}');`,
    `await frame.getByRole('button', { name: 'Pay' }).click();`,
    `await expect(frame.getByRole('status')).toHaveText('${v % 2 ? 'Enter a card number' : 'Payment accepted'}');`,
  ],
  (v) => [
    `Dashboard needs a session ${v}`,
    `await page.goto('/dashboard');`,
    `await expect(page).toHaveURL(/\\/login$/);`,
    ...login(`back${v}@example.test`, 'secret'),
    `await page.goto('/dashboard');`,
    `await expect(page.locator('#welcome')).toContainText('back${v}@example.test');`,
  ],
  (v) => [
    `Lists the open API items ${v}`,
    `const open = (await (await page.request.get('/api/items')).json()).filter((item) => !item.done);`,
    `expect(open).toHaveLength(2);`,
    `await page.goto('/');`,
    `for (const item of open) {`,
    ...todo('${item.title}', v % 2).map((line) => `  ${line.replace(/'\$\{item.title\}'/, 'item.title')}`),
    `}`,
    `await expect(page.getByRole('listitem')).toHaveCount(2);`,
    left(2),
  ],
];
const specs = () =>
  Array.from({ length: 40 }, (_, i) => {
    const [name, ...lines] = FLOWS[i % FLOWS.length](Math.floor(i / FLOWS.length));
    return {
      name,
      playwrightCode: `test(${JSON.stringify(name)}, async ({ page }) => {\n  ${lines.join('\n  ')}\n});\n`,
    };
  });

async function main() {
  const { values: args } = parseArgs({
    options: {
      workers: { type: 'string' },
      repeat: { type: 'string' },
      'no-pin': { type: 'boolean' },
      watch: { type: 'boolean' },
    },
  });
  const [workers, repeat] = [Number(args.workers ?? 2), Number(args.repeat ?? 3)];
  if (!(workers >= 1 && repeat >= 1)) throw new Error('--workers and --repeat must be positive integers');
  const pinned = args['no-pin'] ? null : pinning();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sentri-bench-export-'));
  let fixture, server, child;
  const cleanup = async () => {
    child?.kill('SIGKILL');
    if (server) await stopServer(server.child);
    fixture?.child.kill('SIGTERM');
    fs.rmSync(tmp, { recursive: true, force: true });
  };
  process.once('SIGINT', () => void cleanup().then(() => process.exit(130)));
  const [times, builtAt] = [[], distStamp()];
  let failed = false;
  try {
    fixture = await startFixture();
    server = await startServer(path.join(here, 'runs-server.mjs'), pinned, 120_000);
    const base = `http://127.0.0.1:${server.port}`;
    const api = apiClient(base, server.token);
    const tests = specs();
    const projectId = await createProject(api, fixture.url, 'Todo (bench)', tests);
    /** CPU seconds used meanwhile: the server's own and its reaped children's (A), or our reaped children's (B). */
    const cpuSince = (a, b, own) =>
      Math.round((b.childrenCpuS - a.childrenCpuS + (own ? b.cpuS - a.cpuS : 0)) * 10) / 10;

    // B's project: the ZIP export, unzipped, with the repository's node_modules.
    const zip = await fetch(`${base}/api/v1/projects/${projectId}/export/playwright`, {
      headers: { authorization: `Bearer ${server.token}` },
    });
    if (zip.status !== 200) throw new Error(`export answered ${zip.status}`);
    for (const [name, bytes] of Object.entries(unzipSync(new Uint8Array(await zip.arrayBuffer())))) {
      fs.mkdirSync(path.dirname(path.join(tmp, name)), { recursive: true });
      fs.writeFileSync(path.join(tmp, name), bytes);
    }
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(tmp, 'node_modules'), 'dir');
    // The export's own config plus what Sentri records for every test: a trace and a screenshot.
    fs.writeFileSync(
      path.join(tmp, 'bench.config.ts'),
      `import config from './playwright.config';\n` +
        `export default { ...config, use: { ...config.use, trace: 'on', screenshot: 'on' } };\n`,
    );

    /**
     * A: from the POST until the run has ended. By default as a CI run: nobody watches, the end is
     * polled every 100 ms. `--watch` follows the run's event stream instead (one live viewer: the
     * screencast runs).
     */
    const runSentri = async () => {
      const [started, cpu] = [performance.now(), proc(server.pid)];
      const body = { dialsConfig: { parallelWorkers: workers } };
      const { runId } = await api('POST', `/projects/${projectId}/run`, body);
      let done = null;
      const onMessage = (m) => m.event === 'done' && (done = JSON.parse(m.data).status);
      if (args.watch) {
        await readEventStream(
          `${base}/api/v1/runs/${runId}/events`,
          server.token,
          onMessage,
          AbortSignal.timeout(18e5),
        );
      } else {
        // The lean paged list: polling the whole run (results, log) would be load of its own.
        for (;;) {
          const { data } = await api('GET', `/projects/${projectId}/runs?page=1&pageSize=1`);
          if (data[0]?.id === runId && data[0].status !== 'running') break;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        done = (await api('GET', `/runs/${runId}`)).status;
      }
      const [wallMs, after] = [Math.round(performance.now() - started), proc(server.pid)];
      const [cpuS, serverCpuS] = [cpuSince(cpu, after, true), Math.round((after.cpuS - cpu.cpuS) * 10) / 10];
      const run = await api('GET', `/runs/${runId}`);
      const passed = run.results.filter((result) => result.status === 'passed').length;
      const failed = run.results
        .filter((r) => r.status !== 'passed')
        .map((r) => ({ name: r.testName, status: r.status, error: r.error?.slice(0, 1500) }));
      for (const f of failed) console.error(`A: ${f.name}: ${f.status}: ${f.error}`);
      const ok = passed === tests.length && run.status === 'completed' && done === 'completed';
      const testMs = run.results.map((result) => result.durationMs);
      const status = { runId, status: run.status, done, runDurationMs: run.duration };
      return { ok, wallMs, cpuS, serverCpuS, passed, failed, ...status, testMs };
    };
    /** B: `playwright test` in the export, spawn to exit, on the server's core. */
    const runPlaywright = async () => {
      const cacheDir = fs.mkdtempSync(path.join(tmp, 'tmp-')); // a cold transform cache, as every Sentri run has
      fs.rmSync(path.join(tmp, 'test-results'), { recursive: true, force: true });
      const cli = path.join(ROOT, 'node_modules/@playwright/test/cli.js');
      const argv = [cli, 'test', '-c', 'bench.config.ts', `--workers=${workers}`, '--trace=on', '--reporter=line'];
      const [cmd, cmdArgs] = pinned
        ? ['taskset', ['-c', pinned.server, process.execPath, ...argv]]
        : [process.execPath, argv];
      const env = { ...process.env, PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH: CHROMIUM, CI: '', TMPDIR: cacheDir };
      const [started, cpu] = [performance.now(), proc()];
      child = spawn(cmd, cmdArgs, { cwd: tmp, stdio: ['ignore', 'pipe', 'pipe'], env });
      let output = '';
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
      const code = await new Promise((resolve) => child.once('close', resolve));
      const wallMs = Math.round(performance.now() - started);
      const cpuS = cpuSince(cpu, proc(), false);
      child = undefined;
      fs.rmSync(cacheDir, { recursive: true, force: true });
      const passed = Number(/(\d+) passed/.exec(output)?.[1] ?? 0);
      if (code !== 0 || passed !== tests.length) console.error(output.slice(-3000));
      return { ok: code === 0 && passed === tests.length, wallMs, cpuS, passed, code };
    };

    const s = (ms) => `${(ms / 1000).toFixed(1)} s`;
    for (let i = 1; i <= repeat; i++) {
      const load = os.loadavg()[0];
      const sentri = await runSentri();
      const playwright = await runPlaywright();
      const ratio = sentri.wallMs / playwright.wallMs;
      times.push({ i, load, sentri, playwright, ratio });
      failed ||= !sentri.ok || !playwright.ok;
      const slowest = Math.max(...sentri.testMs);
      console.log(
        `#${i}  A Sentri ${s(sentri.wallMs)}, CPU ${sentri.cpuS} s (server ${sentri.serverCpuS}; ${sentri.passed}/${tests.length} passed, slowest test ${slowest} ms)  ` +
          `B Playwright ${s(playwright.wallMs)}, CPU ${playwright.cpuS} s (${playwright.passed}/${tests.length} passed)  ` +
          `A/B ${ratio.toFixed(2)}  load ${load.toFixed(1)}`,
      );
    }
    const summary = {
      sentriMedianMs: median(times.map((t) => t.sentri.wallMs)),
      playwrightMedianMs: median(times.map((t) => t.playwright.wallMs)),
      medianRatio: median(times.map((t) => t.ratio)),
      medianCpuRatio: median(times.map((t) => t.sentri.cpuS / t.playwright.cpuS)),
    };
    console.log(
      `median A/B ${summary.medianRatio.toFixed(2)} (A ${s(summary.sentriMedianMs)}, B ${s(summary.playwrightMedianMs)}); ` +
        `CPU time A/B ${summary.medianCpuRatio.toFixed(2)}`,
    );
    const out = resultsFile('runs');
    const settings = { workers, repeat, tests: tests.length, pinned, execution: server.execution, builtAt };
    if (distStamp() !== builtAt) console.error((settings.warning = 'WARNING: dist files were rebuilt during the run'));
    const record = { machine: machine(), commit: commitOf(), settings, summary, times };
    fs.writeFileSync(out, JSON.stringify(record, null, 2));
    console.log(`full results: ${path.relative(process.cwd(), out)}`);
  } finally {
    await cleanup();
  }
  if (failed) console.error('FAILED: a run did not pass every test');
  process.exitCode = failed ? 1 : 0;
}

await main();
