#!/usr/bin/env node
/**
 * Benchmark target for bench/runs.mjs and bench/sse.mjs: the real Sentri app (built
 * `apps/server/dist`) on a throw-away data dir, with one seeded user (admin of one workspace) and
 * a real session. Projects, tests and runs are then made through the HTTP API by the caller.
 *
 * Settings for a benchmark: MAX_TEST_RETRIES=0 (a failure is a failure, not a slower pass), rate
 * limits raised (500 event streams from one address, several runs an hour), Chromium at
 * PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH or /usr/bin/chromium. Anything else comes from the
 * environment as for the product (RUN_SCREENCAST=false, VIEWPORT_WIDTH=…).
 *
 * Protocol: once listening, prints ONE JSON line on stdout
 * (`{"port":…,"token":…,"pid":…,"dialect":…,"execution":{…}}`); logs go to stderr. On
 * SIGTERM/SIGINT it interrupts a run still going (as the product's shutdown does), closes the
 * app and the container, removes the data dir (and the seeded user on PostgreSQL), exits 0.
 *
 * Imported (not run), it gives the scripts that drive it what they share: the todo fixture in its
 * own process, JSON API calls, an event-stream reader, and the record of machine and commit.
 */
import { execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.dirname(here);
export const CHROMIUM = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH || '/usr/bin/chromium';

/** The todo fixture (TypeScript) in its own process, through tsx; resolves once it listens. */
export function startFixture() {
  const code = `import { startTodoApp } from './fixtures/todo/server.ts';
const app = await startTodoApp();
process.stdout.write(JSON.stringify({ url: app.url }) + '\\n');
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (status) => reject(new Error(`todo fixture exited early (${status})`)));
    createInterface({ input: child.stdout }).once('line', (line) => resolve({ child, ...JSON.parse(line) }));
  });
}

/** JSON calls to the API with the bench session; anything but 2xx throws. */
export function apiClient(base, token) {
  return async (method, pathname, body) => {
    const response = await fetch(`${base}/api/v1${pathname}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${pathname} answered ${response.status}: ${text.slice(0, 400)}`);
    return text ? JSON.parse(text) : {};
  };
}

/**
 * Reads a text/event-stream until the server ends it: `onMessage({ id, event, data }, at)` for
 * each message, `data` left as text (a frame is tens of kB of base64 nobody needs parsed), `at`
 * the wall-clock ms at which the chunk completing it arrived.
 */
export async function readEventStream(url, token, onMessage, signal) {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal });
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of response.body) {
    const at = performance.timeOrigin + performance.now();
    const from = Math.max(0, buffer.length - 1);
    buffer += decoder.decode(chunk, { stream: true });
    let end = buffer.indexOf('\n\n', from);
    while (end >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      end = buffer.indexOf('\n\n');
      const message = { id: undefined, event: 'message', data: '' };
      for (const line of block.split('\n')) {
        if (line.startsWith('id: ')) message.id = Number(line.slice(4));
        else if (line.startsWith('event: ')) message.event = line.slice(7);
        else if (line.startsWith('data: ')) message.data += line.slice(6);
      }
      if (message.data) onMessage(message, at);
    }
  }
}

export function commitOf() {
  try {
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: ROOT, encoding: 'utf8' }).length > 0;
    return { head, dirty };
  } catch {
    return null;
  }
}

export const machine = () => ({
  node: process.version,
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model,
  memoryMb: Math.round(os.totalmem() / 2 ** 20),
  loadavg: os.loadavg(),
});
export const median = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return (sorted[Math.floor((sorted.length - 1) / 2)] + sorted[Math.ceil((sorted.length - 1) / 2)]) / 2;
};
/** The newest built file of the server and the packages: what code a run measured (others rebuild meanwhile). */
export function distStamp() {
  const dirs = ['apps/server/dist', ...fs.readdirSync(path.join(ROOT, 'packages')).map((p) => `packages/${p}/dist`)];
  let newest = 0;
  for (const dir of dirs.map((d) => path.join(ROOT, d)).filter((d) => fs.existsSync(d)))
    for (const file of fs.readdirSync(dir, { recursive: true }))
      if (file.endsWith('.js')) newest = Math.max(newest, fs.statSync(path.join(dir, file)).mtimeMs);
  return new Date(newest).toISOString();
}
/** From procfs: VmRSS (MB), CPU seconds of the process, and of its children it has waited for. */
export function proc(pid = process.pid) {
  try {
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ').map(Number);
    return {
      rssMb: Math.round(rssKb / 102.4) / 10,
      cpuS: (stat[11] + stat[12]) / 100,
      childrenCpuS: (stat[13] + stat[14]) / 100,
    };
  } catch {
    return { rssMb: null, cpuS: null, childrenCpuS: null }; // no procfs
  }
}
export const resultsFile = (name) => {
  fs.mkdirSync(path.join(here, 'results'), { recursive: true });
  return path.join(here, 'results', `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
};

/** A project on the fixture with `tests` approved; returns its id. */
export async function createProject(api, url, name, tests) {
  const { id } = await api('POST', '/projects', { name, url });
  for (const test of tests) {
    const created = await api('POST', `/projects/${id}/tests`, test);
    await api('PATCH', `/projects/${id}/tests/${created.id}/approve`);
  }
  return id;
}

/** The server itself: only when this file is run, so importing the helpers loads no app code. */
async function serve() {
  const { pino } = await import('pino');
  const { CountersRepository } = await import('@sentri/db');
  const { buildApp, createContainer } = await import('../apps/server/dist/app.js');
  const { loadConfig } = await import('../apps/server/dist/config/index.js');
  const { RunEventHub } = await import('../apps/server/dist/runs/run-event-hub.js');
  // What one live event costs the server: publish() serialises and writes it to every listening
  // stream before it returns. Each call is kept as [type, listeners, ms] for GET /bench/publishes.
  const publishes = [];
  const publish = RunEventHub.prototype.publish;
  RunEventHub.prototype.publish = function (runId, event) {
    const [listeners, started] = [this.listenerCount(runId), performance.now()];
    publish.call(this, runId, event);
    publishes.push([event.type, listeners, performance.now() - started]);
  };
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sentri-bench-runs-'));
  const config = loadConfig({
    ...process.env,
    DATA_DIR: dataDir,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    RATE_LIMIT_GENERAL: '1000000000/1m',
    RATE_LIMIT_EXPENSIVE: '1000000/1m',
    MAX_TEST_RETRIES: '0',
    ...(fs.existsSync(CHROMIUM) ? { PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH: CHROMIUM } : {}),
  });
  // pino defaults to stdout, which is our protocol channel.
  const logger = pino({ level: config.log.level }, pino.destination(2));
  const container = await createContainer(config, { logger });
  const { db, dialect } = container.database;

  const suffix = randomUUID().slice(0, 8); // unique per run: a shared PostgreSQL may hold old rows
  const userId = `bench-user-${suffix}`;
  const workspaceId = `bench-ws-${suffix}`;

  async function seed() {
    const at = new Date().toISOString();
    await db.transaction().execute(async (trx) => {
      const counters = new CountersRepository(trx);
      const user = { id: userId, name: 'Bench', email: `${userId}@bench.invalid`, passwordHash: null, avatar: null };
      await trx
        .insertInto('users')
        .values({ ...user, createdAt: at, updatedAt: at })
        .execute();
      await trx
        .insertInto('workspaces')
        .values({ id: workspaceId, name: 'Bench', slug: workspaceId, ownerId: userId, createdAt: at, updatedAt: at })
        .execute();
      await trx
        .insertInto('workspace_members')
        .values({ id: await counters.nextId('workspace_member'), workspaceId, userId, role: 'admin', joinedAt: at })
        .execute();
    });
  }

  /** Removes what this process added to a (possibly shared) PostgreSQL; SQLite goes with dataDir. */
  async function cleanup() {
    if (dialect === 'postgres') await db.deleteFrom('users').where('id', '=', userId).execute();
  }

  let app;
  let ready;
  try {
    await seed();
    const { token } = await container.services.sessions.issue(
      { id: userId, email: `${userId}@bench.invalid`, name: 'Bench' },
      workspaceId,
    );
    app = await buildApp(container);
    app.get('/bench/publishes', async () => publishes.splice(0));
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = /** @type {import('node:net').AddressInfo} */ (app.server.address());
    const { maxRetries, screencast, viewport, testTimeoutMs } = config.execution;
    ready = {
      port,
      token,
      pid: process.pid,
      dialect,
      execution: { maxRetries, screencast, viewport, testTimeoutMs, browser: container.browser?.executablePath },
    };
  } catch (error) {
    logger.error({ err: error }, 'bench server: start-up failed');
    await app?.close().catch(() => undefined);
    await cleanup().catch(() => undefined);
    await container.close().catch(() => undefined);
    fs.rmSync(dataDir, { recursive: true, force: true });
    process.exit(1);
  }
  process.stdout.write(`${JSON.stringify(ready)}\n`);

  let stopping = false;
  async function shutdown() {
    if (stopping) return;
    stopping = true;
    let code = 0;
    try {
      // As the product does: a run still going is interrupted, event streams are cut after 2 s.
      const drained = container.lifecycle.drain(1000);
      const closed = app.close();
      const deadline = setTimeout(() => app.server.closeAllConnections(), 2000);
      await drained;
      await closed;
      clearTimeout(deadline);
      await cleanup();
      await container.close();
    } catch (error) {
      logger.error({ err: error }, 'bench server: shutdown failed');
      code = 1;
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
    process.exit(code);
  }
  process.on('SIGTERM', () => void shutdown());
  process.on('SIGINT', () => void shutdown());
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await serve();
