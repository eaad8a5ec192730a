import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { runCli } from '../src/cli.js';
import type { FollowTiming } from '../src/follow-run.js';
import { startFakeSentri, type FakeSentri, type FakeSentriOptions } from './fake-sentri.js';

/** The real waits shrunk, so reconnects and polling take milliseconds. */
export const FAST: FollowTiming = {
  pollIntervalMs: 50,
  reconnectDelaysMs: [20, 20, 20],
  silenceMs: 5000,
  maxPollFailures: 3,
};

/** Runs `sentri` in-process, as a CI job would see it: no TTY, output captured. */
export async function sentri(args: string[], options: { env?: Record<string, string>; timing?: FollowTiming } = {}) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await runCli(args, {
    stdout: { isTTY: false, write: (text) => stdout.push(text) },
    stderr: { isTTY: false, write: (text) => stderr.push(text) },
    env: options.env ?? {},
    timing: options.timing ?? FAST,
  });
  return { code, stdout: stdout.join(''), stderr: stderr.join('') };
}

/** A fake server per test and temporary directories, all cleaned up after each test. */
export function useFakeSentri() {
  let fake: FakeSentri | undefined;
  const tempDirs: string[] = [];
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
    for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });
  return {
    async serve(options: FakeSentriOptions): Promise<FakeSentri> {
      await fake?.close();
      fake = await startFakeSentri(options);
      return fake;
    },
    tempDir(): string {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sentri-cli-run-'));
      tempDirs.push(dir);
      return dir;
    },
  };
}

export const connect = (server: FakeSentri, project = server.projectId, token = server.token) => [
  '--url',
  server.url,
  '--project',
  project,
  '--token',
  token,
];

export const result = (n: number, outcome: string, extra: Record<string, unknown> = {}) => ({
  result: {
    testId: `TEST-${n}`,
    testName: `Test ${n}`,
    status: outcome,
    durationMs: 1200,
    error: null,
    retryCount: 0,
    failureCategory: null,
    ...extra,
  },
});

export const snapshot = (total: number) => ({
  run: { id: 'RUN-7', status: 'running', total, passed: 0, failed: 0, results: [] },
});
