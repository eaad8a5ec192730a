/* eslint-disable @typescript-eslint/no-explicit-any -- JSON bodies of many shapes, asserted field by field */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bearerApi, type ApiCall } from './bearer-api.js';
import { killMarked } from './process-tree.js';
import { startServerProcess, type ServerProcess } from './server-process.js';

/**
 * A private directory for one server process and everything it spawns: `data/` is its DATA_DIR,
 * `tmp/` its TMPDIR — so each run's Playwright directory, the runner, its workers and every
 * Chromium profile live (and are marked, see `processesMarkedBy`) under `root`.
 */
export interface ServerHome {
  root: string;
  dataDir: string;
  env: Record<string, string>;
  start(extra?: Record<string, string>): Promise<ServerProcess>;
  /** Kills the server if it still runs and anything left under `root`, then removes it. */
  cleanup(): Promise<void>;
}

export function serverHome(env: Record<string, string> = {}): ServerHome {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sentri-fault-'));
  const dataDir = path.join(root, 'data');
  const tmp = path.join(root, 'tmp');
  fs.mkdirSync(tmp);
  const started: ServerProcess[] = [];
  const fullEnv = {
    DATA_DIR: dataDir,
    TMPDIR: tmp,
    JWT_SECRET: 'f'.repeat(40),
    SKIP_EMAIL_VERIFICATION: 'true',
    RATE_LIMIT_GENERAL: '1000000/1m',
    RATE_LIMIT_LOGIN: '1000/1m',
    RATE_LIMIT_EXPENSIVE: '1000/1m',
    MAX_TEST_RETRIES: '0',
    SHUTDOWN_DRAIN_MS: '1000',
    ...env,
  };
  return {
    root,
    dataDir,
    env: fullEnv,
    async start(extra = {}) {
      const server = await startServerProcess({ ...fullEnv, ...extra });
      started.push(server);
      return server;
    },
    async cleanup() {
      for (const server of started) {
        if (server.child.exitCode === null && server.child.signalCode === null) await server.stop('SIGKILL');
      }
      killMarked(root);
      fs.rmSync(root, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    },
  };
}

export interface Account {
  email: string;
  password: string;
  token: string;
  call: ApiCall;
}

/** Registers and signs in over HTTP; `call` then speaks `/api/v1` with the session's Bearer token. */
export async function signUpOver(baseUrl: string, email = `fault-${Date.now()}@example.test`): Promise<Account> {
  const password = 'Correct-Horse-9';
  const registered = await fetch(`${baseUrl}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Fault Finder', email, password }),
  });
  if (registered.status !== 201) throw new Error(`register failed: ${registered.status} ${await registered.text()}`);
  return signInOver(baseUrl, email, password);
}

export async function signInOver(baseUrl: string, email: string, password: string): Promise<Account> {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (login.status !== 200) throw new Error(`login failed: ${login.status} ${await login.text()}`);
  const cookie = login.headers.getSetCookie().find((line) => line.startsWith('access_token='));
  const token = decodeURIComponent(cookie?.split(';')[0]?.slice('access_token='.length) ?? '');
  if (!token) throw new Error('login set no access_token cookie');
  return { email, password, token, call: bearerApi(baseUrl, () => token) };
}

/** Creates an approved test from Playwright code; returns its id. */
export async function approvedTest(call: ApiCall, projectId: string, name: string, playwrightCode: string) {
  const created = await call('POST', `/projects/${projectId}/tests`, { name, playwrightCode });
  if (created.status !== 201) throw new Error(`test not created: ${created.status} ${JSON.stringify(created.body)}`);
  const approved = await call('PATCH', `/projects/${projectId}/tests/${created.body.id}/approve`);
  if (approved.status !== 200) throw new Error(`test not approved: ${approved.status}`);
  return created.body.id as string;
}

/** Polls `GET /runs/:id` until `ready(run)` holds; fails with the last state seen when time is up. */
export async function pollRun(
  call: ApiCall,
  runId: string,
  ready: (run: any) => boolean,
  { timeoutMs = 60_000, also = () => true }: { timeoutMs?: number; also?: () => boolean } = {},
): Promise<any> {
  let last: any;
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline;) {
    last = (await call('GET', `/runs/${runId}`)).body;
    if (ready(last) && also()) return last;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`run ${runId} never reached the expected state; last seen: ${JSON.stringify(last)?.slice(0, 2000)}`);
}
