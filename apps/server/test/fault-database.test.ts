/* eslint-disable @typescript-eslint/no-explicit-any -- JSON bodies of many shapes, asserted field by field */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { scratchDatabase, type ScratchDatabase } from '../../../test-support/databases.js';
import { bearerApi, type ApiCall } from './support/bearer-api.js';
import { startLiveApp, type LiveApp } from './support/live-app.js';
import { signUp } from './support/sessions.js';

const ENV = { RATE_LIMIT_GENERAL: '1000000/1m', JWT_SECRET: 'd'.repeat(40) };
const UNAVAILABLE = { code: 'SERVER_UNAVAILABLE', error: 'The service is temporarily unavailable.' };

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  const value = await work();
  return { value, ms: Date.now() - started };
}

async function signedIn(t: LiveApp): Promise<{ call: ApiCall; token: string }> {
  const admin = await signUp(t.app);
  return { call: bearerApi(t.url, () => admin.token), token: admin.token };
}

/** One request over HTTP, with the headers a client would read on an error. */
async function raw(baseUrl: string, token: string, method: string, route: string, body?: unknown) {
  const response = await fetch(`${baseUrl}/api/v1${route}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    contentType: response.headers.get('content-type'),
    body: (await response.json()) as any,
  };
}

/**
 * Another process opens the SQLite file and holds `BEGIN EXCLUSIVE` until released (then rolls
 * back and exits; also when this process goes away and its stdin closes).
 */
async function holdSqliteLock(file: string): Promise<{ release(): Promise<void> }> {
  const script = `
    const db = new (require(process.argv[2]))(process.argv[1]);
    db.exec('BEGIN EXCLUSIVE');
    process.stdout.write('locked\\n');
    const release = () => { db.exec('ROLLBACK'); db.close(); process.exit(0); };
    process.stdin.on('data', release).on('end', release);`;
  const child = spawn(
    process.execPath,
    ['-e', script, file, createRequire(import.meta.url).resolve('better-sqlite3')],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.stdout.once('data', () => resolve());
    void exited.then(() => reject(new Error('the lock holder exited before locking')));
  });
  return {
    async release() {
      if (child.exitCode === null && child.signalCode === null) child.stdin.write('release\n');
      await exited;
    },
  };
}

/** A TCP hop between the app and PostgreSQL that the test can take down (refusing, dropping) and bring back. */
async function startTcpProxy(target: { host: string; port: number }) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const next = net.createServer((client) => {
        const upstream = net.connect(target.port, target.host);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
          socket.on('error', () => (client.destroy(), upstream.destroy()));
        }
        client.pipe(upstream).pipe(client);
      });
      next.once('error', reject);
      next.listen(port, '127.0.0.1', () => {
        server = next;
        port = (next.address() as net.AddressInfo).port;
        resolve();
      });
    });
  await listen();
  return {
    port,
    /** Stops listening (new connections are refused) and drops every open one. */
    async down() {
      const closed = new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      server = undefined;
      for (const socket of sockets) socket.destroy();
      await closed;
    },
    up: listen,
  };
}

/** Repeats `attempt` until it succeeds; every failure on the way must be the clean 503. */
async function recovers(attempt: () => Promise<{ status: number; body: any }>, ok: number) {
  for (let tries = 1; ; tries += 1) {
    const response = await attempt();
    if (response.status === ok) return tries;
    expect(response).toMatchObject({ status: 503, body: UNAVAILABLE });
    if (tries >= 5) throw new Error('the app did not recover within 5 requests');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const projectNames = async (call: ApiCall) => {
  const { body } = await call('GET', '/projects');
  return (Array.isArray(body) ? body : body.projects).map((project: any) => project.name as string).sort();
};

/**
 * The database going away for a moment: requests in that moment answer a clean 503 JSON with a
 * code and a Retry-After (not a 500, not a hang past the wait the database allows), nothing half
 * written is left behind, and the next requests succeed without a restart.
 */
describe('the database briefly unavailable', () => {
  const cleanups: (() => Promise<unknown> | unknown)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('SQLite: another process holds the write lock — writes answer 503 after the busy timeout, reads go on, then all recovers', async () => {
    const t = await startLiveApp({ env: ENV });
    cleanups.push(() => t.close());
    const { call, token } = await signedIn(t);
    expect((await call('POST', '/projects', { name: 'Before', url: 'http://127.0.0.1:9' })).status).toBe(201);

    // What a backup tool or a stray `sqlite3` shell does: an exclusive transaction, held.
    const other = await holdSqliteLock(path.join(t.dataDir, 'sentri.db'));
    cleanups.push(() => other.release());
    const write = await timed(() =>
      raw(t.url, token, 'POST', '/projects', { name: 'During', url: 'http://127.0.0.1:9' }),
    );
    expect(write.value).toMatchObject({
      status: 503,
      body: UNAVAILABLE,
      retryAfter: '5',
      contentType: expect.stringContaining('application/json'),
    });
    // The database's busy timeout (5 s) bounds the wait; it does not hang beyond it.
    expect(write.ms).toBeLessThan(8000);
    // WAL mode: readers are not blocked by a writer.
    expect(await projectNames(call)).toEqual(['Before']);

    await other.release();
    expect((await call('POST', '/projects', { name: 'After', url: 'http://127.0.0.1:9' })).status).toBe(201);
    // The refused write left nothing half done.
    expect(await projectNames(call)).toEqual(['After', 'Before']);
    const logged = t.logs.find((entry) => entry.msg === 'request failed');
    expect(logged).toMatchObject({ err: { type: 'SqliteError', message: 'database is locked' } });
  }, 30_000);

  const postgresAdmin = inject('postgresAdminUrl');
  it.skipIf(!postgresAdmin)(
    'PostgreSQL: a backend terminated under a request, then the server out of reach — 503s, then recovery without a restart',
    async () => {
      const scratch: ScratchDatabase = await scratchDatabase('postgres');
      cleanups.push(() => scratch.drop());
      const direct = new URL(scratch.url!);
      const proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port) });
      cleanups.push(() => proxy.down());
      const viaProxy = new URL(direct);
      viaProxy.host = `127.0.0.1:${proxy.port}`;
      const t = await startLiveApp({ env: { ...ENV, DATABASE_URL: viaProxy.toString() } });
      cleanups.push(() => t.close());
      const { call, token } = await signedIn(t);
      expect((await call('POST', '/projects', { name: 'Before', url: 'http://127.0.0.1:9' })).status).toBe(201);

      // An administrator's lock keeps the app's query waiting; then its backend is terminated.
      const dba = new pg.Client({ connectionString: scratch.url });
      await dba.connect();
      cleanups.push(() => dba.end());
      await dba.query('BEGIN');
      await dba.query('LOCK TABLE projects IN ACCESS EXCLUSIVE MODE');
      const waiting = raw(t.url, token, 'GET', '/projects');
      const blocked = async () =>
        (
          await dba.query(
            `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'`,
          )
        ).rows.length > 0;
      for (const deadline = Date.now() + 10_000; !(await blocked());) {
        if (Date.now() > deadline) throw new Error('the request never reached the database');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await dba.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
      );
      expect(await waiting).toMatchObject({ status: 503, body: UNAVAILABLE, retryAfter: '5' });
      await dba.query('ROLLBACK');
      await recovers(() => call('GET', '/projects'), 200);

      // The database out of reach: connections refused, open ones dropped.
      await proxy.down();
      const refused = await timed(() =>
        raw(t.url, token, 'POST', '/projects', { name: 'During', url: 'http://127.0.0.1:9' }),
      );
      expect(refused.value).toMatchObject({ status: 503, body: UNAVAILABLE });
      expect(refused.ms).toBeLessThan(5000);
      expect(await raw(t.url, token, 'GET', '/projects')).toMatchObject({ status: 503, body: UNAVAILABLE });

      await proxy.up();
      await recovers(() => call('POST', '/projects', { name: 'After', url: 'http://127.0.0.1:9' }), 201);
      expect(await projectNames(call)).toEqual(['After', 'Before']);
      expect(t.logs.filter((entry) => entry.msg === 'request failed').length).toBeGreaterThanOrEqual(3);
    },
    40_000,
  );
});
