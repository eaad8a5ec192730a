/**
 * What every API benchmark here shares: CPU pinning, the child server's life cycle and the
 * numbers a run is judged by. The server script prints one JSON ready line on stdout.
 */
import { execFileSync, spawn } from 'node:child_process';
import os from 'node:os';
import { createInterface } from 'node:readline';

/** Pin the server to CPU 1 and this process (all threads) to CPU 0, when that is possible. */
export function pinning() {
  if (os.availableParallelism() < 2) return null;
  try {
    execFileSync('taskset', ['-a', '-p', '-c', '0', String(process.pid)], { stdio: 'ignore' });
    return { server: '1', loadGenerator: '0' };
  } catch {
    return null; // no taskset, or affinity not permitted: run unpinned rather than fail
  }
}

/** Starts a bench server script and resolves with its ready line once it is listening. */
export function startServer(script, pinned, startTimeoutMs = 60_000) {
  const [cmd, argv] = pinned
    ? ['taskset', ['-c', pinned.server, process.execPath, script]]
    : [process.execPath, [script]];
  const child = spawn(cmd, argv, { stdio: ['ignore', 'pipe', 'inherit'], env: process.env });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => (child.kill('SIGKILL'), reject(new Error(`bench server did not start within ${startTimeoutMs / 1000} s`))),
      startTimeoutMs,
    );
    child.once('exit', (code) => reject(new Error(`bench server exited early (code ${code})`)));
    createInterface({ input: child.stdout }).once('line', (line) => {
      clearTimeout(timer);
      resolve({ child, ...JSON.parse(line) });
    });
  });
}

export function stopServer(child, graceMs = 15_000) {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.removeAllListeners('exit');
    child.once('exit', (code) => (clearTimeout(killer), resolve(code)));
    child.kill('SIGTERM');
  });
}

/** A benchmark of error pages is worthless: every error, timeout and non-2xx counts against a run. */
export const failures = (result) => result.errors + result.timeouts + result.non2xx;

/** mulberry32: a small seeded PRNG, so every run makes the same data and the same request mix. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
