#!/usr/bin/env node
/**
 * The tests list and counts of ONE project holding 100 000 tests, on the real server under
 * autocannon. Run after `npm run build`:
 *   node bench/tests-scale.mjs [--duration 10] [--connections 10] [--warmup 2]
 * (or BENCH_DURATION / BENCH_CONNECTIONS / BENCH_WARMUP; BENCH_TESTS changes the test count).
 * DATABASE_URL selects PostgreSQL. BENCH_SQL='create index …' runs extra SQL on the seeded
 * database before timing (index experiments); see bench/tests-server.mjs.
 *
 * The server runs in a child process (bench/tests-server.mjs); on ≥2 CPUs each gets its own core.
 * Every answer is checked before timing (counts, page sizes, order, filter); exits non-zero when
 * any request errors, times out or answers non-2xx, or the server does not shut down cleanly.
 */
import autocannon from 'autocannon';
import { failures, pinning, startServer, stopServer } from './harness.mjs';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual, parseArgs } from 'node:util';

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
const PAGE_SIZE = 50;
const DEEP_PAGE = 1000;

let commit = null; // which code was measured; the tree may also have uncommitted edits
try {
  commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: here, encoding: 'utf8' }).trim();
} catch {
  // not a git checkout: the results just lack the commit
}
/**
 * Other benchmark processes on this machine (a shared VM: anyone may start one). Their load
 * would be measured as ours, so they are reported with the figures.
 * @param {Set<number>} own pids to ignore
 */
function otherBenchmarks(own) {
  let pids;
  try {
    pids = fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return []; // no procfs: cannot tell
  }
  const found = [];
  for (const pid of pids) {
    if (own.has(Number(pid))) continue;
    let cmdline;
    try {
      cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
    } catch {
      continue; // exited meanwhile
    }
    if (/bench\/[\w-]*(server|scale|api|explain)\.mjs/.test(cmdline) && !/^(taskset|timeout)\b/.test(cmdline))
      found.push(`${pid} ${cmdline.slice(0, 120)}`);
  }
  return found;
}
const concurrent = new Set();
// `npm run bench:tests` starts this script through a shell: our parent is not another benchmark.
const ownPids = new Set([process.pid, process.ppid]);
const watchOthers = () => otherBenchmarks(ownPids).forEach((line) => concurrent.add(line));

const pinned = pinning();
const server = await startServer(path.join(here, 'tests-server.mjs'), pinned, 300_000);
ownPids.add(server.child.pid).add(server.pid);
watchOthers();
const watcher = setInterval(watchOthers, 1000);
const base = `http://127.0.0.1:${server.port}`;
const headers = { authorization: `Bearer ${server.token}` };
const prefix = `/api/v1/projects/${encodeURIComponent(server.projectId)}/tests`;
const pageQuery = (page, extra = '') => `${prefix}?page=${page}&pageSize=${PAGE_SIZE}${extra}`;
const TARGETS = [
  { name: 'counts', path: `${prefix}/counts` },
  { name: 'page 1', path: pageQuery(1) },
  { name: `page ${DEEP_PAGE} (deep offset)`, path: pageQuery(DEEP_PAGE) },
  { name: 'page 1 approved', path: pageQuery(1, '&reviewStatus=approved') },
];

async function get(pathname) {
  const response = await fetch(base + pathname, { headers });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${pathname} answered ${response.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text);
}

/** A benchmark of a wrong answer is worthless: check every target's answer before timing it. */
async function verify() {
  const { expected, tests } = server;
  const counts = await get(TARGETS[0].path);
  if (!isDeepStrictEqual(counts, expected) || counts.total !== tests)
    throw new Error(`counts: got ${JSON.stringify(counts)}, seeded ${JSON.stringify(expected)}`);

  // Ids were seeded in creation order, so "newest first" is TC-<last>, TC-<last - 1>, …
  const last = Number(server.newest[0].slice('TC-'.length));
  const checkPage = (body, label, page, total, predicate) => {
    const wantLength = Math.max(0, Math.min(PAGE_SIZE, total - (page - 1) * PAGE_SIZE));
    const fail = (why) => {
      throw new Error(`${label}: ${why} (meta ${JSON.stringify(body.meta)}, ${body.data?.length} rows)`);
    };
    if (body.data?.length !== wantLength) fail(`expected ${wantLength} rows`);
    const meta = { total, page, pageSize: PAGE_SIZE, hasMore: page * PAGE_SIZE < total };
    if (!isDeepStrictEqual(body.meta, meta)) fail(`expected meta ${JSON.stringify(meta)}`);
    for (let k = 1; k < body.data.length; k++)
      if (!(body.data[k - 1].createdAt > body.data[k].createdAt)) fail(`not newest first at row ${k}`);
    body.data.forEach((row, k) => predicate(row, k) || fail(`row ${k} (${row.id}) is not the expected one`));
  };
  const nth = (page, k) => `TC-${last - ((page - 1) * PAGE_SIZE + k)}`;
  checkPage(await get(TARGETS[1].path), 'page 1', 1, tests, (row, k) => row.id === nth(1, k));
  checkPage(
    await get(TARGETS[2].path),
    `page ${DEEP_PAGE}`,
    DEEP_PAGE,
    tests,
    (row, k) => row.id === nth(DEEP_PAGE, k),
  );
  checkPage(
    await get(TARGETS[3].path),
    'page 1 approved',
    1,
    expected.approved,
    (row) => row.reviewStatus === 'approved',
  );
}

const run = (url, seconds) => autocannon({ url, connections, duration: seconds, headers });

const results = [];
let failed = false;
try {
  await verify();
  console.log(
    `dialect=${server.dialect} tests=${server.tests} seeded in ${(server.seedMs / 1000).toFixed(1)} s` +
      ` settled=(${server.analyzed}) connections=${connections} duration=${duration}s warmup=${warmup}s` +
      ` pinned=${pinned ? 'yes' : 'no'}${server.extraSql.length ? ` extraSql=${JSON.stringify(server.extraSql)}` : ''}` +
      `\nindexes on tests: ${server.indexes.map((index) => index.name).join(', ')}`,
  );
  for (const target of TARGETS) {
    const warm = await run(base + target.path, warmup); // JIT, pools and caches settle first
    const result = await run(base + target.path, duration);
    results.push({ target: target.name, path: target.path, warmupFailures: failures(warm), result });
    if (failures(warm) + failures(result) > 0) failed = true;
  }
} finally {
  clearInterval(watcher);
  const code = await stopServer(server.child, 60_000);
  if (code !== 0) {
    console.error(`bench server exited with code ${code}`);
    failed = true;
  }
}

const pad = (value, width) => String(value).padStart(width);
console.log(
  `\n${'target'.padEnd(28)}${pad('req/s', 10)}${pad('p50 ms', 9)}${pad('p99 ms', 9)}${pad('max ms', 9)}${pad('err/non2xx', 12)}`,
);
for (const { target, warmupFailures, result: r } of results) {
  const bad = `${r.errors + r.timeouts + warmupFailures}/${r.non2xx}`;
  console.log(
    `${target.padEnd(28)}${pad(r.requests.average.toFixed(0), 10)}${pad(r.latency.p50, 9)}${pad(r.latency.p99, 9)}${pad(r.latency.max, 9)}${pad(bad, 12)}`,
  );
}
if (concurrent.size > 0)
  console.warn(
    `\nWARNING: other benchmark processes ran meanwhile; these figures are disturbed:\n  ${[...concurrent].join('\n  ')}`,
  );
const slow = results.filter(({ result }) => result.latency.p99 >= 50).map(({ target }) => target);
console.log(slow.length ? `\np99 ≥ 50 ms: ${slow.join(', ')}` : '\nevery target: p99 < 50 ms');

const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const out = path.join(here, 'results', `tests-scale-${stamp}.json`);
fs.mkdirSync(path.dirname(out), { recursive: true });
const machine = {
  node: process.version,
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model,
  platform: `${os.platform()} ${os.release()}`,
};
const settings = {
  dialect: server.dialect,
  tests: server.tests,
  seedMs: server.seedMs,
  analyzed: server.analyzed,
  extraSql: server.extraSql,
  indexes: server.indexes,
  concurrentBenchmarks: [...concurrent],
  connections,
  duration,
  warmup,
  pinned,
};
fs.writeFileSync(
  out,
  `${JSON.stringify({ date: new Date().toISOString(), commit, machine, settings, results }, null, 2)}\n`,
);
console.log(`full results: ${path.relative(process.cwd(), out)}`);
if (failed) {
  console.error('FAILED: some requests errored or answered non-2xx; figures are not valid');
  process.exit(1);
}
