/**
 * The quality lab's view of Sentri: the built server (`node apps/server/dist/main.js`) in a child
 * process with a temporary DATA_DIR, and a small client for the HTTP API a user (or the CLI) drives.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface SentriServer {
  base: string;
  child: ChildProcess;
  dataDir: string;
  stop(): Promise<void>;
}

const ROOT = new URL('../../', import.meta.url).pathname;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Starts the built server with limits generous enough for a benchmark; resolves once /health answers. */
export async function startSentri(env: Record<string, string> = {}): Promise<SentriServer> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sentri-quality-'));
  const stderr: string[] = [];
  const child = spawn(process.execPath, ['apps/server/dist/main.js'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      SKIP_EMAIL_VERIFICATION: 'true',
      PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH: process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH ?? '/usr/bin/chromium',
      RATE_LIMIT_GENERAL: '100000/15m',
      RATE_LIMIT_LOGIN: '200/15m',
      RATE_LIMIT_EXPENSIVE: '10000/1h',
      RUN_SCREENCAST: 'false',
      ...env,
    },
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr.push(chunk.toString());
    if (stderr.length > 200) stderr.shift();
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Sentri exited early (${child.exitCode}):\n${stderr.join('')}`);
    try {
      if ((await fetch(`${base}/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`Sentri did not answer /health within 60 s:\n${stderr.join('')}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= new Promise<void>((resolve) => {
      const done = () => {
        fs.rmSync(dataDir, { recursive: true, force: true });
        resolve();
      };
      if (child.exitCode !== null) return done();
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      child.once('exit', () => (clearTimeout(killer), done()));
      child.kill('SIGTERM');
    }));
  return { base, child, dataDir, stop };
}

export type Json = Record<string, unknown>;

export class SentriClient {
  private token = '';
  constructor(private readonly base: string) {}

  async call<T = Json>(method: string, route: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.base}/api/v1${route}`, {
      method,
      headers: {
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${route} → ${response.status}: ${text.slice(0, 300)}`);
    return (text ? JSON.parse(text) : {}) as T;
  }

  /** Registers an account and signs in; the session's access token is then sent as a Bearer token. */
  async signUp(email: string, password: string): Promise<void> {
    await this.call('POST', '/auth/register', { name: 'Quality lab', email, password });
    const response = await fetch(`${this.base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (!response.ok) throw new Error(`login → ${response.status}: ${await response.text()}`);
    const cookie = response.headers.getSetCookie().find((line) => line.startsWith('access_token='));
    if (!cookie) throw new Error('login set no access_token cookie');
    this.token = decodeURIComponent(cookie.slice('access_token='.length).split(';')[0] ?? '');
  }

  /** The run once it has left `running` (polled once a second). */
  async waitRun(runId: string, timeoutMs = 30 * 60_000): Promise<Json> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const run = await this.call('GET', `/runs/${runId}`);
      if (run.status !== 'running') return run;
      if (Date.now() > deadline) {
        await this.call('POST', `/runs/${runId}/abort`).catch(() => undefined);
        throw new Error(`run ${runId} still running after ${timeoutMs / 1000} s`);
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }

  async tests(projectId: string): Promise<Json[]> {
    const list = await this.call<Json[] | { data: Json[] }>('GET', `/projects/${projectId}/tests`);
    return Array.isArray(list) ? list : list.data;
  }
}
