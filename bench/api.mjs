#!/usr/bin/env node
/**
 * API throughput of the real server under autocannon. Run after `npm run build`:
 *   node bench/api.mjs [--duration 10] [--connections 10] [--warmup 2]
 * (or BENCH_DURATION / BENCH_CONNECTIONS / BENCH_WARMUP). DATABASE_URL selects PostgreSQL.
 *
 * The server runs in a child process (bench/server.mjs) so the load generator's CPU use does
 * not share an event loop with the code being measured; on ≥2 CPUs each gets its own core.
 * Exits non-zero when any request errors, times out or answers non-2xx: those figures would
 * measure error pages, not the API.
 */
import autocannon from 'autocannon';
import { failures, pinning, startServer, stopServer } from './harness.mjs';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = path.dirname(fileURLToPath(import.meta.url));
const { values: args } = parseArgs({
  options: { duration: { type: 'string' }, connections: { type: 'string' }, warmup: { type: 'string' } },
});
const positive = (name, raw, fallback) => {
  const value = Number(raw ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got ${raw}`);
  return value;
};
const duration = positive('duration', args.duration ?? process.env.BENCH_DURATION, 10);
const connections = Math.round(positive('connections', args.connections ?? process.env.BENCH_CONNECTIONS, 10));
const warmup = positive('warmup', args.warmup ?? process.env.BENCH_WARMUP, 2);

const TARGETS = [
  { name: 'GET /health', path: '/health' },
  { name: 'GET /bench/projects p3', path: '/bench/projects?page=3&pageSize=50' },
  { name: 'GET members (auth)', path: '/api/v1/workspaces/current/members', authenticated: true },
];

/** A benchmark of a wrong answer is worthless: check the list page before timing it. */
async function verify(base) {
  const health = await fetch(`${base}/health`);
  if (health.status !== 200) throw new Error(`/health answered ${health.status}`);
  const response = await fetch(`${base}${TARGETS[1].path}`);
  const body = await response.json();
  const ok =
    response.status === 200 && body.data?.length === 50 && body.meta?.total === 1000 && body.meta?.hasMore === true;
  if (!ok)
    throw new Error(`list endpoint answered unexpectedly: ${response.status} ${JSON.stringify(body).slice(0, 300)}`);
  const members = await fetch(`${base}${TARGETS[2].path}`, { headers: { authorization: `Bearer ${server.token}` } });
  const list = await members.json();
  if (members.status !== 200 || list.length !== server.members)
    throw new Error(`members endpoint answered unexpectedly: ${members.status} ${JSON.stringify(list).slice(0, 300)}`);
}

const run = (url, seconds, headers = {}) => autocannon({ url, connections, duration: seconds, headers });

const pinned = pinning();
const server = await startServer(path.join(here, 'server.mjs'), pinned);
const base = `http://127.0.0.1:${server.port}`;
const results = [];
let failed = false;
try {
  await verify(base);
  console.log(
    `dialect=${server.dialect} connections=${connections} duration=${duration}s warmup=${warmup}s pinned=${pinned ? 'yes' : 'no'}`,
  );
  for (const target of TARGETS) {
    const headers = target.authenticated ? { authorization: `Bearer ${server.token}` } : {};
    const warm = await run(base + target.path, warmup, headers); // JIT, pools and caches settle first
    const result = await run(base + target.path, duration, headers);
    results.push({ target: target.name, path: target.path, warmupFailures: failures(warm), result });
    if (failures(warm) + failures(result) > 0) failed = true;
  }
} finally {
  const code = await stopServer(server.child);
  if (code !== 0) {
    console.error(`bench server exited with code ${code}`);
    failed = true;
  }
}

const pad = (value, width) => String(value).padStart(width);
console.log(
  `\n${'target'.padEnd(24)}${pad('req/s', 10)}${pad('p50 ms', 9)}${pad('p99 ms', 9)}${pad('err/non2xx', 12)}`,
);
for (const { target, warmupFailures, result: r } of results) {
  const bad = `${r.errors + r.timeouts + warmupFailures}/${r.non2xx}`;
  console.log(
    `${target.padEnd(24)}${pad(r.requests.average.toFixed(0), 10)}${pad(r.latency.p50, 9)}${pad(r.latency.p99, 9)}${pad(bad, 12)}`,
  );
}

const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const out = path.join(here, 'results', `api-${stamp}.json`);
fs.mkdirSync(path.dirname(out), { recursive: true });
let commit = null; // which code was measured; the tree may also have uncommitted edits
try {
  commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: here, encoding: 'utf8' }).trim();
} catch {
  // not a git checkout: the results just lack the commit
}
const machine = {
  node: process.version,
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model,
  platform: `${os.platform()} ${os.release()}`,
};
const settings = { dialect: server.dialect, connections, duration, warmup, pinned };
fs.writeFileSync(
  out,
  `${JSON.stringify({ date: new Date().toISOString(), commit, machine, settings, results }, null, 2)}\n`,
);
console.log(`\nfull results: ${path.relative(process.cwd(), out)}`);
if (failed) {
  console.error('FAILED: some requests errored or answered non-2xx; figures are not valid');
  process.exit(1);
}
