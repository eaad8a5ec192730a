#!/usr/bin/env node
/**
 * A mixed workload on the real server for a bounded time. Run after `npm run build`:
 *   node bench/load/load.mjs [--duration 30] [--warmup 5] [--connections 10] [--streams 20] [--tabs 3]
 *                            [--tests 1000] [--no-pin]
 *
 * Starts the built server as it ships (`node apps/server/dist/main.js`: temporary DATA_DIR,
 * 127.0.0.1, a free port, LOG_LEVEL=warn, SKIP_EMAIL_VERIFICATION=true, rate limits raised so the
 * limiter does not turn load into 429s), pinned to CPU 1 (its Playwright runs and Chromium inherit
 * it) while this process and the todo fixture use CPU 0. Seeds through the API (bench/load/seed.mjs):
 * catalogue projects with `--tests` tests, a history project run twice, and a live project whose
 * slow tests keep a run in progress the whole time (restarted as soon as one ends). On that run,
 * `--streams` event streams (`GET /runs/:id/events`) plus `--tabs` dashboard streams
 * (`GET /events?runs=…`), reopened on every new run. Meanwhile `--connections` keep-alive
 * connections send a weighted mix of authenticated GETs (Bearer) back to back: after `--warmup`
 * seconds (discarded), `--duration` seconds are measured. A /health probe every 100 ms on its own
 * connection gauges the server's event-loop responsiveness; VmRSS of the server is sampled every
 * second.
 *
 * Every answer must be 2xx JSON; a sample (the first three and every 20th of each endpoint) is
 * parsed and checked against what was seeded. Every run stream must start with a snapshot, then
 * carry consecutive ids, then `done`; no dashboard stream's cursor may go back. Anything else fails
 * the bench (exit 1). Writes bench/results/load-<timestamp>.json.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { pinning, prng, stopServer } from '../harness.mjs';
import {
  CHROMIUM,
  ROOT,
  apiClient,
  commitOf,
  distStamp,
  machine,
  proc,
  resultsFile,
  startFixture,
} from '../runs-server.mjs';
import { seedWorkspace, signUp, startRun } from './seed.mjs';
import { timedGet, watchRun, watchRuns } from './streams.mjs';

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string' },
    warmup: { type: 'string' },
    connections: { type: 'string' },
    streams: { type: 'string' },
    tabs: { type: 'string' },
    tests: { type: 'string' },
    'no-pin': { type: 'boolean' },
    'no-run': { type: 'boolean' },
  },
});
const positive = (name, fallback, min = 1) => {
  const value = Number(args[name] ?? fallback);
  if (!Number.isFinite(value) || value < min) throw new Error(`--${name} must be a number ≥ ${min}, got ${args[name]}`);
  return value;
};
const duration = positive('duration', 30);
const warmup = positive('warmup', 5, 0);
const connections = Math.round(positive('connections', 10));
const streamCount = Math.round(positive('streams', 20, 0));
const tabCount = Math.round(positive('tabs', 3, 0));
const testTotal = Math.round(positive('tests', 1000, 10));
const noRun = Boolean(args['no-run']); // the same read mix with no run in progress and no streams, to compare

// The limiter is the product's defence against abuse; left at its defaults (300 requests per
// 15 min per address) it would answer 429 within the first second of load from one address.
const RATE_LIMITS = {
  RATE_LIMIT_GENERAL: '1000000000/1m',
  RATE_LIMIT_EXPENSIVE: '1000000/1m',
  RATE_LIMIT_LOGIN: '1000/1m',
};
const LIVE = { tests: 4, waitMs: 2000, workers: 1 }; // one run ≈ 15 s on a quiet machine: restarts during every measurement
const HISTORY_RUNS = 2;
const SAMPLE_EVERY = 20;

const rand = prng(20261208);
const pick = (xs) => xs[Math.floor(rand() * xs.length)];

const pct = (sorted, p) =>
  sorted.length === 0
    ? null
    : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
const round = (x, digits = 1) => (x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits);
function latency(ms) {
  const sorted = [...ms].sort((a, b) => a - b);
  return {
    p50: round(pct(sorted, 50)),
    p90: round(pct(sorted, 90)),
    p99: round(pct(sorted, 99)),
    max: round(pct(sorted, 100)),
  };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** `node apps/server/dist/main.js` as deployed, with a throw-away data dir; resolves once /health answers. */
async function startMainServer(pinned) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sentri-bench-load-'));
  const port = await freePort();
  const env = {
    ...process.env,
    DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'warn',
    SKIP_EMAIL_VERIFICATION: 'true',
    MAX_TEST_RETRIES: '0',
    ...RATE_LIMITS,
    ...(fs.existsSync(CHROMIUM) ? { PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH: CHROMIUM } : {}),
  };
  const main = path.join(ROOT, 'apps/server/dist/main.js');
  const [cmd, argv] = pinned ? ['taskset', ['-c', pinned.server, process.execPath, main]] : [process.execPath, [main]];
  const log = fs.openSync(path.join(dataDir, 'server.log'), 'a');
  const child = spawn(cmd, argv, { cwd: ROOT, env, stdio: ['ignore', log, log] }); // taskset execs: same pid
  fs.closeSync(log);
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`server exited early (${child.exitCode}): ${serverLog(dataDir, 2000)}`);
    const ok = await fetch(`${base}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { child, base, dataDir, pid: child.pid };
    if (Date.now() > deadline) throw new Error('server did not answer /health within 60 s');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
const serverLog = (dataDir, max = Infinity) => {
  try {
    return fs.readFileSync(path.join(dataDir, 'server.log'), 'utf8').slice(0, max);
  } catch {
    return '';
  }
};

/**
 * The read mix: what the dashboard's pages ask for while someone browses it. `path()` makes one
 * request; `check(body)` says what is wrong with a parsed answer, or null.
 */
function makeMix(seeded, keeper) {
  const { catalogue, live, history } = seeded;
  const testIds = catalogue.flatMap((p) => p.tests);
  const totalTests = testIds.length + live.tests.length + history.tests.length;
  const byId = new Map(catalogue.map((p) => [p.id, p]));
  const runProjects = noRun ? [history.id] : [live.id, history.id];
  return [
    {
      name: 'GET /projects/:id/tests?page',
      weight: 30,
      path() {
        const p = pick(catalogue);
        const page = 1 + Math.floor(rand() * Math.ceil(p.tests.length / 50));
        return { url: `/api/v1/projects/${p.id}/tests?page=${page}&pageSize=50`, p, page };
      },
      check(body, { p, page }) {
        const want = Math.min(50, p.tests.length - (page - 1) * 50);
        if (body.meta?.total !== p.tests.length) return `total ${body.meta?.total}, seeded ${p.tests.length}`;
        if (body.data?.length !== want) return `${body.data?.length} items on page ${page}, expected ${want}`;
        if (body.data.some((t) => t.projectId !== p.id)) return 'a test of another project';
        return null;
      },
    },
    {
      name: 'GET /tests/:id',
      weight: 25,
      path() {
        const id = pick(testIds);
        return { url: `/api/v1/tests/${id}`, id };
      },
      check: (body, { id }) => (body.id === id && typeof body.name === 'string' ? null : `asked ${id}, got ${body.id}`),
    },
    {
      name: 'GET /projects/:id/tests/counts',
      weight: 15,
      path() {
        const p = pick(catalogue);
        return { url: `/api/v1/projects/${p.id}/tests/counts`, p };
      },
      check(body, { p }) {
        const seen = `${body.draft}/${body.approved}/${body.rejected}`;
        const want = `${p.draft}/${p.approved}/${p.rejected}`;
        return seen === want ? null : `draft/approved/rejected ${seen}, seeded ${want} (${byId.size} projects)`;
      },
    },
    {
      name: 'GET /dashboard',
      weight: 10,
      path: () => ({ url: '/api/v1/dashboard' }),
      check: (body) =>
        body.totalTests === totalTests && body.totalProjects === catalogue.length + 2 && body.totalRuns >= HISTORY_RUNS
          ? null
          : `totalTests ${body.totalTests} (seeded ${totalTests}), projects ${body.totalProjects}, runs ${body.totalRuns}`,
    },
    {
      name: 'GET /runs/:id',
      weight: 10,
      path() {
        // Half the time the run in progress, else a finished one.
        const id =
          keeper.current && (rand() < 0.5 || keeper.finished.length === 0) ? keeper.current : pick(keeper.finished);
        return { url: `/api/v1/runs/${id}`, id };
      },
      check: (body, { id }) =>
        body.id === id && Array.isArray(body.results) ? null : `asked ${id}, got ${body.id} ${typeof body.results}`,
    },
    {
      name: 'GET /projects/:id/runs?page',
      weight: 10,
      path() {
        const id = pick(runProjects);
        return { url: `/api/v1/projects/${id}/runs?page=1&pageSize=20`, id };
      },
      check: (body, { id }) =>
        Array.isArray(body.data) && body.data.length >= 1 && body.data.every((r) => r.projectId === id)
          ? null
          : `runs of ${id}: ${JSON.stringify(body).slice(0, 200)}`,
    },
  ];
}

/** Keeps one run of the live project going, each watched by `streamCount` streams and the dashboard tabs. */
function runKeeper(api, base, token, projectId) {
  const keeper = {
    current: null,
    finished: [],
    started: [], // { runId, at }
    ended: [], // { runId, status, at }
    watchers: [],
    tabs: [],
    tally: { run: {}, tabs: {} },
    problems: [],
    stopping: false,
  };
  const settle = async (streams) => {
    for (const state of await Promise.all(streams.map((s) => s.ended)))
      if (state.problem) keeper.problems.push(`${state.runId ?? state.runIds.join(',')}: ${state.problem}`);
  };
  keeper.loop = (async () => {
    while (!keeper.stopping) {
      const runId = await startRun(api, projectId, LIVE.workers);
      keeper.current = runId;
      if (keeper.stopping) await api('POST', `/runs/${runId}/abort`);
      keeper.started.push({ runId, at: performance.now() });
      const watchers = Array.from({ length: streamCount }, () => watchRun(base, runId, token, keeper.tally.run));
      keeper.watchers.push(...watchers);
      // A tab shows the run in progress and the last few: reopened on each new run, as on navigation.
      const oldTabs = keeper.tabs;
      const shown = [runId, ...keeper.finished.slice(-4).reverse()];
      keeper.tabs = Array.from({ length: tabCount }, () => watchRuns(base, shown, token, keeper.tally.tabs));
      oldTabs.forEach((tab) => tab.close());
      await settle(oldTabs);
      // The run ends when the server closes the first watcher with `done` (or when all are gone).
      const ends = await Promise.all(watchers.map((w) => w.ended));
      const status = ends.find((w) => w.done)?.done ?? null;
      keeper.ended.push({ runId, status, at: performance.now() });
      keeper.finished.push(runId);
      for (const w of ends) if (w.problem) keeper.problems.push(`${runId}: ${w.problem}`);
      if (streamCount === 0) await waitForRun(api, runId);
    }
  })().catch((error) => keeper.problems.push(`run keeper: ${error.message}`));
  keeper.stop = async () => {
    keeper.stopping = true;
    if (keeper.current) await api('POST', `/runs/${keeper.current}/abort`).catch(() => undefined);
    await keeper.loop;
    keeper.tabs.forEach((tab) => tab.close());
    await settle(keeper.tabs);
  };
  return keeper;
}

async function waitForRun(api, runId) {
  for (;;) {
    const run = await api('GET', `/runs/${runId}`);
    if (run.status !== 'running' && run.status !== 'queued') return run;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

// ---------------------------------------------------------------------------------------------

const pinned = args['no-pin'] ? null : pinning();
let fixture, server;
let failed = false;
const report = { problems: [] };
try {
  fixture = await startFixture();
  server = await startMainServer(pinned);
  const { base } = server;
  const token = await signUp(base);
  const api = apiClient(base, token);

  const seedStarted = performance.now();
  const sizes = [Math.round(testTotal / 2), Math.round(testTotal * 0.3)];
  sizes.push(testTotal - sizes[0] - sizes[1]);
  const seeded = await seedWorkspace(api, fixture.url, { sizes, liveTests: LIVE.tests, liveWaitMs: LIVE.waitMs });
  const seedMs = performance.now() - seedStarted;
  const historyRuns = [];
  for (let i = 0; i < HISTORY_RUNS; i++) {
    const runId = await startRun(api, seeded.history.id, 2);
    const run = await waitForRun(api, runId);
    historyRuns.push({ runId, status: run.status, passed: run.passed, failed: run.failed, total: run.total });
  }
  console.log(
    `seeded in ${(seedMs / 1000).toFixed(1)} s: ${sizes.join(' + ')} tests in 3 projects; history runs ` +
      historyRuns.map((r) => `${r.status} ${r.passed}/${r.total}`).join(', '),
  );

  const keeper = noRun
    ? { finished: [], started: [], ended: [], tally: { run: {}, tabs: {} }, problems: [], stop: async () => {} }
    : runKeeper(api, base, token, seeded.live.id);
  keeper.finished.push(...historyRuns.map((r) => r.runId));
  while (!noRun && !keeper.current) {
    if (keeper.problems.length > 0) throw new Error(keeper.problems[0]);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const mix = makeMix(seeded, keeper);
  const totalWeight = mix.reduce((sum, m) => sum + m.weight, 0);
  const choose = () => {
    let r = rand() * totalWeight;
    for (const m of mix) if ((r -= m.weight) < 0) return m;
    return mix.at(-1);
  };
  const headers = { authorization: `Bearer ${token}`, accept: 'application/json' };

  // Every endpoint answers right before anything is timed.
  for (const m of mix) {
    const target = m.path();
    const res = await timedGet(undefined, base, target.url, headers);
    const problem = res.status !== 200 ? `status ${res.status} ${res.body}` : m.check(JSON.parse(res.body), target);
    if (problem) throw new Error(`${m.name} answered wrongly before the load: ${problem}`);
  }

  const stats = new Map(mix.map((m) => [m.name, { ms: [], non2xx: 0, errors: 0, wrong: 0, seen: 0, bytes: 0 }]));
  const samples = { wrong: [], errors: [], non2xx: [] };
  const phase = { name: 'warmup', measureFrom: Infinity, measureTo: Infinity };
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const worker = async () => {
    while (phase.name !== 'done') {
      const m = choose();
      const target = m.path();
      const res = await timedGet(agent, base, target.url, headers);
      const s = stats.get(m.name);
      const measured = res.started >= phase.measureFrom && res.started < phase.measureTo;
      s.seen++;
      if (res.error) {
        s.errors++;
        if (samples.errors.length < 10) samples.errors.push(`${target.url}: ${res.error}`);
        continue;
      }
      if (res.status < 200 || res.status > 299 || !res.type.includes('json')) {
        s.non2xx++;
        if (samples.non2xx.length < 10)
          samples.non2xx.push(`${target.url}: ${res.status} ${res.body.subarray(0, 300)}`);
        continue;
      }
      if (s.seen <= 3 || s.seen % SAMPLE_EVERY === 0) {
        let problem;
        try {
          problem = m.check(JSON.parse(res.body), target);
        } catch (error) {
          problem = `unparseable: ${error.message}`;
        }
        if (problem) {
          s.wrong++;
          if (samples.wrong.length < 10) samples.wrong.push(`${target.url}: ${problem}`);
        }
      }
      if (measured) {
        s.ms.push(res.ms);
        s.bytes += res.body.length;
      }
    }
  };

  // /health on its own connection every 100 ms: how long the server's event loop keeps a trivial request waiting.
  const healthAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const health = { ms: [], failures: 0 };
  const healthLoop = (async () => {
    while (phase.name !== 'done') {
      const res = await timedGet(healthAgent, base, '/health', {});
      if (res.error || res.status !== 200) health.failures++;
      else if (res.started >= phase.measureFrom && res.started < phase.measureTo) health.ms.push(res.ms);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();

  const rss = [];
  // With each RSS sample, the main isolate's heap as /health/ready reports it (heapUsed): RSS that
  // grows while the heap does not is native memory or another isolate (the visual-check worker).
  const sampleRss = () => {
    const p = proc(server.pid);
    const sample = { t: Math.round(performance.now() - loadStarted), phase: phase.name, rssMb: p.rssMb, cpuS: p.cpuS };
    rss.push(sample);
    fetch(`${base}/health/ready`)
      .then((r) => r.json())
      .then((ready) => (sample.heapMb = ready.checks?.memory?.heapMb ?? null))
      .catch(() => undefined);
    return p;
  };
  const loadStarted = performance.now();
  const beforeLoad = sampleRss();
  const sampler = setInterval(sampleRss, 1000);
  const lag = monitorEventLoopDelay({ resolution: 10 });
  const workers = Array.from({ length: connections }, worker);
  console.log(
    `load: ${connections} connections, ` +
      (noRun ? 'no run in progress, no streams, ' : `${streamCount} run streams + ${tabCount} dashboard streams, `) +
      `warm-up ${warmup} s, measuring ${duration} s; pinned ${pinned ? 'server CPU 1, load CPU 0' : 'no'}`,
  );

  await new Promise((resolve) => setTimeout(resolve, warmup * 1000));
  phase.name = 'measure';
  phase.measureFrom = performance.now();
  phase.measureTo = phase.measureFrom + duration * 1000;
  const atStart = sampleRss();
  const runsBefore = keeper.started.length;
  const eventsBefore = { run: { ...keeper.tally.run }, tabs: { ...keeper.tally.tabs } };
  lag.enable();
  const clientCpu = process.cpuUsage();
  await new Promise((resolve) => setTimeout(resolve, duration * 1000));
  const { user, system } = process.cpuUsage(clientCpu);
  lag.disable();
  const atEnd = sampleRss();
  const eventsDuring = Object.fromEntries(
    ['run', 'tabs'].map((k) => [
      k,
      Object.fromEntries(Object.entries(keeper.tally[k]).map(([type, n]) => [type, n - (eventsBefore[k][type] ?? 0)])),
    ]),
  );
  phase.name = 'done';
  await Promise.all([...workers, healthLoop]);
  agent.destroy();
  healthAgent.destroy();
  const runsDuring = keeper.started.filter((r) => r.at >= phase.measureFrom && r.at < phase.measureTo);
  const endedDuring = keeper.ended.filter((r) => r.at >= phase.measureFrom && r.at < phase.measureTo);
  await keeper.stop();
  clearInterval(sampler);
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const idle = sampleRss();

  // Figures.
  const endpoints = mix.map((m) => {
    const s = stats.get(m.name);
    return {
      endpoint: m.name,
      weight: m.weight,
      requests: s.ms.length,
      rps: round(s.ms.length / duration),
      latencyMs: latency(s.ms),
      kbPerResponse: s.ms.length ? round(s.bytes / s.ms.length / 1024) : null,
      non2xx: s.non2xx,
      errors: s.errors,
      wrongAnswers: s.wrong,
      checked: Math.min(s.seen, 3) + Math.max(0, Math.floor(s.seen / SAMPLE_EVERY)),
    };
  });
  const all = [...stats.values()];
  const overall = {
    requests: all.reduce((n, s) => n + s.ms.length, 0),
    rps: round(all.reduce((n, s) => n + s.ms.length, 0) / duration),
    latencyMs: latency(all.flatMap((s) => s.ms)),
    non2xx: all.reduce((n, s) => n + s.non2xx, 0),
    errors: all.reduce((n, s) => n + s.errors, 0),
    wrongAnswers: all.reduce((n, s) => n + s.wrong, 0),
  };
  const measuredRss = rss.filter((r) => r.phase === 'measure').map((r) => r.rssMb);
  const memory = {
    beforeLoadMb: beforeLoad.rssMb,
    afterWarmupMb: atStart.rssMb,
    endMb: atEnd.rssMb,
    growthMb: round(atEnd.rssMb - atStart.rssMb),
    peakMb: Math.max(...measuredRss, atStart.rssMb, atEnd.rssMb),
    idleAfterMb: idle.rssMb,
    heapMb: {
      afterWarmup: rss.find((r) => r.phase === 'measure')?.heapMb ?? null,
      peak: Math.max(...rss.map((r) => r.heapMb ?? 0)),
      end: rss.filter((r) => r.phase === 'measure').at(-1)?.heapMb ?? null,
    },
    samples: rss,
  };
  const serverCpuS = round(atEnd.cpuS - atStart.cpuS, 2);
  // Robust to other work on the machine, unlike latency: the server's own CPU per answered request.
  const cpuMsPerRequest = overall.requests ? round(((atEnd.cpuS - atStart.cpuS) * 1000) / overall.requests, 2) : null;
  const sse = {
    runStreamsPerRun: streamCount,
    dashboardStreams: tabCount,
    runsStartedDuringMeasurement: runsDuring.length,
    runsEndedDuringMeasurement: endedDuring.map((r) => r.status),
    runsTotal: keeper.started.length,
    liveRunStatuses: keeper.ended.map((r) => r.status),
    eventsDuringMeasurement: eventsDuring,
    eventsTotal: keeper.tally,
    problems: keeper.problems,
  };
  const healthStats = { probes: health.ms.length, latencyMs: latency(health.ms), failures: health.failures };
  const client = {
    cpuSeconds: round((user + system) / 1e6, 2),
    eventLoopDelayMs: {
      p50: round(lag.percentile(50) / 1e6),
      p99: round(lag.percentile(99) / 1e6),
      max: round(lag.max / 1e6),
    },
  };
  const logText = serverLog(server.dataDir);
  const levels = logText
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      try {
        return JSON.parse(line);
      } catch {
        return { level: 0, msg: line };
      }
    });
  const serverLogs = {
    warn: levels.filter((l) => l.level === 40).length,
    error: levels.filter((l) => l.level >= 50).length,
    first: levels
      .filter((l) => l.level >= 40 || l.level === 0)
      .slice(0, 5)
      .map((l) => `${l.level} ${l.msg ?? ''} ${l.err?.message ?? ''}`.trim()),
  };
  Object.assign(report, {
    overall,
    endpoints,
    health: healthStats,
    memory,
    serverCpuS,
    cpuMsPerRequest,
    sse,
    client,
    serverLogs,
    samples,
    seeded: { tests: sizes, seedS: round(seedMs / 1000), historyRuns },
  });
  for (const p of keeper.problems) report.problems.push(`stream ${p}`);
  if (overall.non2xx + overall.errors + overall.wrongAnswers > 0)
    report.problems.push('requests failed or answered wrongly');
  if (health.failures > 0) report.problems.push(`${health.failures} /health probes failed`);
  if (runsBefore === 0 && !noRun) report.problems.push('no run was in progress');

  const pad = (v, w) => String(v ?? '–').padStart(w);
  console.log(
    `\n${'endpoint'.padEnd(32)}${pad('req/s', 8)}${pad('p50', 8)}${pad('p99', 8)}${pad('max', 8)}${pad('kB', 7)}${pad('non2xx', 8)}${pad('err', 5)}`,
  );
  for (const e of endpoints)
    console.log(
      `${e.endpoint.padEnd(32)}${pad(e.rps, 8)}${pad(e.latencyMs.p50, 8)}${pad(e.latencyMs.p99, 8)}${pad(e.latencyMs.max, 8)}${pad(e.kbPerResponse, 7)}${pad(e.non2xx, 8)}${pad(e.errors + e.wrongAnswers, 5)}`,
    );
  console.log(
    `${'overall'.padEnd(32)}${pad(overall.rps, 8)}${pad(overall.latencyMs.p50, 8)}${pad(overall.latencyMs.p99, 8)}${pad(overall.latencyMs.max, 8)}${pad('', 7)}${pad(overall.non2xx, 8)}${pad(overall.errors + overall.wrongAnswers, 5)}`,
  );
  console.log(
    `${'GET /health probe (every 100 ms)'.padEnd(32)}${pad('', 8)}${pad(healthStats.latencyMs.p50, 8)}${pad(healthStats.latencyMs.p99, 8)}${pad(healthStats.latencyMs.max, 8)}${pad('', 7)}${pad(health.failures, 8)}`,
  );
  console.log('(latency in ms, from sending the request to the last byte; kB per answer)');
  console.log(
    `\nserver RSS: ${memory.beforeLoadMb} MB before load, ${memory.afterWarmupMb} after warm-up, ${memory.endMb} at the end ` +
      `(${memory.growthMb >= 0 ? '+' : ''}${memory.growthMb} MB), peak ${memory.peakMb}, ${memory.idleAfterMb} 2 s after; ` +
      `JS heap ${memory.heapMb.afterWarmup} → ${memory.heapMb.end} MB (peak ${memory.heapMb.peak}); ` +
      `server CPU ${serverCpuS} s in ${duration} s, ${cpuMsPerRequest} ms per request (Playwright and Chromium are separate processes)`,
  );
  const fmt = (t) =>
    Object.entries(t)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
  if (!noRun) {
    console.log(
      `live runs: ${runsDuring.length} started and ${endedDuring.length} ended during the measurement ` +
        `(${endedDuring.map((r) => r.status).join(', ') || 'none'}); all: ${sse.liveRunStatuses.join(', ')}`,
    );
    console.log(`events on the ${streamCount} run streams: ${fmt(eventsDuring.run)}`);
    console.log(`events on the ${tabCount} dashboard streams: ${fmt(eventsDuring.tabs)}`);
  }
  console.log(
    `client: ${client.cpuSeconds} CPU s, event-loop delay p99 ${client.eventLoopDelayMs.p99} ms; server log: ` +
      `${serverLogs.warn} warn, ${serverLogs.error} error; rate limits raised (${Object.entries(RATE_LIMITS)
        .map(([k, v]) => `${k}=${v}`)
        .join(' ')})`,
  );
  for (const line of serverLogs.first) console.log(`  server log: ${line.slice(0, 200)}`);
  for (const s of [...samples.errors, ...samples.non2xx, ...samples.wrong]) console.error(`  ${s.slice(0, 300)}`);

  const out = resultsFile('load');
  const settings = {
    duration,
    warmup,
    connections,
    streams: streamCount,
    tabs: tabCount,
    tests: testTotal,
    noRun,
    live: LIVE,
    pinned,
    rateLimits: RATE_LIMITS,
    database: process.env.DATABASE_URL ? 'postgres' : 'sqlite',
    builtAt: distStamp(),
  };
  fs.writeFileSync(
    out,
    `${JSON.stringify({ date: new Date().toISOString(), machine: machine(), commit: commitOf(), settings, ...report }, null, 2)}\n`,
  );
  console.log(`\nfull results: ${path.relative(process.cwd(), out)}`);
} catch (error) {
  console.error(error);
  failed = true;
} finally {
  if (server) {
    const code = await stopServer(server.child);
    if (code !== 0) report.problems.push(`server exited with code ${code}`);
    fs.rmSync(server.dataDir, { recursive: true, force: true });
  }
  fixture?.child.kill('SIGTERM');
}
for (const p of report.problems) console.error(`PROBLEM: ${p}`);
if (failed || report.problems.length > 0) {
  console.error('FAILED: figures are not valid');
  process.exitCode = 1;
}
