import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { XMLParser } from 'fast-xml-parser';
import { startTodoApp, type TodoApp } from '../fixtures/todo/server.js';

/**
 * The built `sentri` CLI against the built server, as a CI job runs it: a child process without
 * a terminal, a trigger token, real runs in Chromium against the todo fixture.
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = path.join(ROOT, 'apps/cli/dist/main.js');

const ADD_TODO = `test('adds a todo', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('New todo').fill('Buy milk');
  await page.getByRole('button', { name: 'Add' }).click();
  await expect(page.getByRole('listitem')).toHaveText(['Buy milk']);
});`;
const HEADING = `test('shows the heading', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Todos');
});`;
const WRONG_HEADING = `test('expects another heading', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Groceries', { timeout: 1000 });
});`;
const HANGS = `test('waits for a page that never loads', async ({ page }) => {
  await page.goto('/hang', { timeout: 120000 });
});`;

interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** CLI processes still running; a test that times out must not leave one behind. */
const children = new Set<ChildProcess>();

/** Runs the CLI with pipes (no TTY) and an environment free of the caller's SENTRI_* variables. */
function sentri(
  args: string[],
  { cli = CLI, cwd = ROOT, env = {} }: { cli?: string; cwd?: string; env?: Record<string, string> } = {},
): Promise<CliResult> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.add(child);
    child.on('exit', () => children.delete(child));
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: Date.now() - started }));
  });
}

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (name) => name === 'testsuite' || name === 'testcase',
});

interface JunitSuite {
  tests: string;
  failures: string;
  testcase: { name: string; failure?: unknown }[];
}

function readJunit(file: string): JunitSuite {
  const parsed = xml.parse(fs.readFileSync(file, 'utf8')) as { testsuites: { testsuite: JunitSuite[] } };
  expect(parsed.testsuites.testsuite).toHaveLength(1);
  return parsed.testsuites.testsuite[0]!;
}

test.describe.serial('the sentri CLI in a CI job', () => {
  let todo: TodoApp;
  let api: APIRequestContext;
  let baseURL: string;
  let projectId: string;
  let otherProjectId: string;
  let token: string;
  let tmp: string;

  const connection = (project = projectId, secret = token) => [
    '--url',
    baseURL,
    '--project',
    project,
    '--token',
    secret,
  ];

  async function addApprovedTest(name: string, playwrightCode: string): Promise<void> {
    const created = await api.post(`/api/v1/projects/${projectId}/tests`, { data: { name, playwrightCode } });
    expect(created.status(), await created.text()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const approved = await api.patch(`/api/v1/projects/${projectId}/tests/${id}/approve`);
    expect(approved.status(), await approved.text()).toBe(200);
  }

  test.beforeAll(async ({ playwright }, testInfo) => {
    todo = await startTodoApp();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sentri-e2e-cli-'));
    baseURL = testInfo.project.use.baseURL!;

    // Sign in once with a cookie session, then call the API with the session JWT as a Bearer
    // token, as scripts do (no cookies, so no CSRF header to echo).
    const browserLike = await playwright.request.newContext({ baseURL });
    const credentials = { email: `cli-${Date.now()}@example.test`, password: 'E2e-Passw0rd!' };
    expect((await browserLike.post('/api/v1/auth/register', { data: { name: 'CLI', ...credentials } })).status()).toBe(
      201,
    );
    expect((await browserLike.post('/api/v1/auth/login', { data: credentials })).status()).toBe(200);
    const jwt = (await browserLike.storageState()).cookies.find((cookie) => cookie.name === 'access_token')?.value;
    await browserLike.dispose();
    expect(jwt).toBeTruthy();
    api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${jwt}` } });

    const project = await api.post('/api/v1/projects', { data: { name: 'CLI todo', url: todo.url } });
    expect(project.status(), await project.text()).toBe(201);
    projectId = ((await project.json()) as { id: string }).id;
    const other = await api.post('/api/v1/projects', { data: { name: 'CLI other', url: todo.url } });
    otherProjectId = ((await other.json()) as { id: string }).id;

    await addApprovedTest('Adds a todo', ADD_TODO);
    await addApprovedTest('Shows the heading', HEADING);
    const created = await api.post(`/api/v1/projects/${projectId}/trigger-tokens`, { data: { label: 'e2e CI' } });
    expect(created.status(), await created.text()).toBe(201);
    token = ((await created.json()) as { token: string }).token;
    expect(token).toMatch(/^[0-9a-f]{80}$/);
  });

  test.afterEach(() => {
    for (const child of children) child.kill();
  });

  test.afterAll(async () => {
    await api?.dispose();
    await todo?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  test('a green run exits 0, prints the summary and writes a JUnit report that CI can read', async () => {
    test.setTimeout(180_000);
    const junit = path.join(tmp, 'green', 'junit.xml');
    const run = await sentri(['run', ...connection(), '--workers', '2', '--timeout', '150s', '--junit', junit]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(
      /^Run (RUN-\d+) completed: 2 passed, 0 failed, 0 flaky, 0 skipped of 2 in .+s — http:\/\/\S+\/runs\/\1\n$/,
    );
    expect(run.stderr).toMatch(/^✓ \S+ Adds a todo \(\d+(\.\d)? s\)$/m);
    expect(run.stderr).toMatch(/^✓ \S+ Shows the heading /m);
    expect(run.stderr).toContain(`JUnit report written to ${junit}`);
    expect(run.stdout + run.stderr).not.toContain(token);

    const suite = readJunit(junit);
    expect(suite).toMatchObject({ tests: '2', failures: '0' });
    expect(suite.testcase.map((testcase) => testcase.name).sort()).toEqual(['Adds a todo', 'Shows the heading']);
  });

  test('a failing test exits 1 and appears as a <failure> in the report', async () => {
    test.setTimeout(180_000);
    await addApprovedTest('Expects another heading', WRONG_HEADING);
    const junit = path.join(tmp, 'red', 'junit.xml');
    const run = await sentri(['run', ...connection(), '--workers', '3', '--timeout', '150s', '--junit', junit]);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toMatch(/^Run RUN-\d+ completed: 2 passed, 1 failed, 0 flaky, 0 skipped of 3 in /);
    expect(run.stderr).toMatch(/^✗ \S+ Expects another heading \(.+\) — .+/m);

    const suite = readJunit(junit);
    expect(suite).toMatchObject({ tests: '3', failures: '1' });
    const failed = suite.testcase.filter((testcase) => testcase.failure !== undefined);
    expect(failed.map((testcase) => testcase.name)).toEqual(['Expects another heading']);
  });

  test('refusals have their own exit codes and readable messages', async () => {
    const wrongToken = await sentri(['run', ...connection(projectId, 'f'.repeat(80))]);
    expect(wrongToken.code, wrongToken.stderr).toBe(5);
    expect(wrongToken.stderr).toContain('Starting a run failed: Invalid trigger token.');
    expect(wrongToken.stderr).not.toContain('f'.repeat(80));

    const foreign = await sentri(['run', ...connection(otherProjectId)]);
    expect(foreign.code, foreign.stderr).toBe(5);
    expect(foreign.stderr).toContain('(HTTP 403');

    const missing = await sentri(['run', ...connection('PRJ-999999')]);
    expect(missing.code, missing.stderr).toBe(6);
    expect(missing.stderr).toContain('(HTTP 404');

    const usage = await sentri(['run', '--url', baseURL, '--token', token]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('missing --project');
  });

  test('export unpacks the approved tests as a Playwright project', async () => {
    const out = path.join(tmp, 'pw');
    const exported = await sentri(['export', ...connection(), '--out', out]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(fs.existsSync(path.join(out, 'playwright.config.ts'))).toBe(true);
    expect(JSON.parse(fs.readFileSync(path.join(out, 'package.json'), 'utf8'))).toMatchObject({
      devDependencies: { '@playwright/test': expect.any(String) },
    });
    const specs = fs.readdirSync(path.join(out, 'tests')).filter((file) => file.endsWith('.spec.ts'));
    expect(specs.sort()).toEqual([
      'adds-a-todo.spec.ts',
      'expects-another-heading.spec.ts',
      'shows-the-heading.spec.ts',
    ]);
    expect(fs.readFileSync(path.join(out, 'tests', 'adds-a-todo.spec.ts'), 'utf8')).toContain('Buy milk');
  });

  test('the one-file CLI the server hands out runs alone in an empty CI workspace', async ({ request }) => {
    test.setTimeout(180_000);
    const workspace = path.join(tmp, 'ci-job');
    fs.mkdirSync(workspace);
    const download = await request.get('/cli/sentri.mjs');
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toContain('javascript');
    fs.writeFileSync(path.join(workspace, 'sentri.mjs'), await download.body());

    // As the README's CI snippets run it: URL and token from the environment, nothing installed.
    const cli = path.join(workspace, 'sentri.mjs');
    const env = { SENTRI_URL: baseURL, SENTRI_TOKEN: token };
    expect((await sentri(['--version'], { cli, cwd: workspace })).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const run = await sentri(['run', '--project', projectId, '--junit', 'report/junit.xml', '--timeout', '150s'], {
      cli,
      cwd: workspace,
      env,
    });
    expect(run.code, run.stderr).toBe(1);
    expect(readJunit(path.join(workspace, 'report/junit.xml'))).toMatchObject({ tests: '3', failures: '1' });
  });

  test('--timeout gives up waiting with exit 4 and leaves the run running', async () => {
    test.setTimeout(120_000);
    await addApprovedTest('Waits for a page that never loads', HANGS);
    const run = await sentri(['run', ...connection(), '--wait', '--timeout', '2s']);
    expect(run.code, run.stderr).toBe(4);
    expect(run.ms).toBeLessThan(15_000);
    expect(run.stderr).toContain('Timed out after 2.0 s');
    expect(run.stderr).toContain('The run was NOT aborted');
    const runId = /Run (RUN-\d+) started/.exec(run.stderr)?.[1];
    expect(runId).toBeTruthy();

    // Still running on the server; abort it so nothing after this waits on an active run.
    expect(((await (await api.get(`/api/v1/runs/${runId}`)).json()) as { status: string }).status).toBe('running');
    const aborted = await api.post(`/api/v1/runs/${runId}/abort`);
    expect(aborted.status(), await aborted.text()).toBe(200);
    await expect
      .poll(async () => ((await (await api.get(`/api/v1/runs/${runId}`)).json()) as { status: string }).status, {
        timeout: 60_000,
      })
      .toBe('aborted');
  });
});
