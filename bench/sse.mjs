#!/usr/bin/env node
/**
 * Run events delivered to many live subscribers. Run after `npm run build`:
 *   node bench/sse.mjs [--subscribers 500] [--tests 8] [--no-pin]
 *
 * Starts a run of `--tests` tests (each waits 1.5 s in the page, one worker: ≥10 s of events) on
 * the real server (bench/runs-server.mjs), then opens `--subscribers` event streams
 * (`GET /api/v1/runs/:id/events`, Bearer) at once and reads them to the end. Events carry no
 * server timestamp, so what is measured is:
 *   - spread: for each event id every subscriber got, latest − earliest arrival across subscribers;
 *   - open → snapshot: from starting the request to the `snapshot` message;
 *   - stored → received (log events only): arrival − the `createdAt` the journal stored, which is
 *     taken just before the event's database write (so it includes that write and the fan-out).
 * Every subscriber must get every id after its snapshot's, in order, with no gap, then `done`.
 * Also: the server's RSS (VmRSS) before, at peak and after, and its CPU time while streaming.
 * Writes bench/results/sse-<timestamp>.json; exits 1 when a subscriber missed or failed anything.
 */
import fs from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { pinning, startServer, stopServer } from './harness.mjs';
import {
  apiClient,
  commitOf,
  createProject,
  distStamp,
  machine,
  proc,
  readEventStream,
  resultsFile,
  startFixture,
} from './runs-server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const { values: args } = parseArgs({
  options: { subscribers: { type: 'string' }, tests: { type: 'string' }, 'no-pin': { type: 'boolean' } },
});
const subscribers = Number(args.subscribers ?? 500);
const testCount = Number(args.tests ?? 8);
if (!(subscribers >= 1 && testCount >= 1)) throw new Error('--subscribers and --tests must be positive integers');

const tests = Array.from({ length: testCount }, (_, i) => ({
  name: `Slow todo ${i + 1}`,
  playwrightCode: `test('Slow todo ${i + 1}', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('New todo').fill('Item ${i + 1}');
  await page.getByRole('button', { name: 'Add' }).click();
  await page.waitForTimeout(1500);
  await expect(page.getByText('1 items left')).toBeVisible();
});
`,
}));

const pct = (xs, p) => {
  if (xs.length === 0) return null;
  const sorted = [...xs].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] * 10) / 10;
};
const stats = (xs) => ({ n: xs.length, p50: pct(xs, 50), p99: pct(xs, 99), max: pct(xs, 100) });

/** One subscriber: what it got and when. */
async function subscribe(url, token, signal) {
  const sub = { openedAt: performance.timeOrigin + performance.now(), snapshotAt: null, snapshotSeq: null };
  Object.assign(sub, { ids: [], at: new Map(), frames: 0, frameBytes: 0, done: null, error: null, order: [] });
  try {
    await readEventStream(
      url,
      token,
      (message, at) => {
        sub.order.push(message.event);
        if (message.event === 'frame') {
          sub.frames += 1;
          sub.frameBytes += message.data.length;
        } else if (message.event === 'snapshot') {
          // The first snapshot is the connect-time state; later ones are progress after each result.
          if (sub.snapshotAt === null) {
            sub.snapshotAt = at;
            sub.snapshotSeq = message.id;
          }
        } else if (message.id !== undefined) {
          sub.ids.push(message.id);
          sub.at.set(message.id, { at, type: message.event });
          if (message.event === 'done') sub.done = JSON.parse(message.data);
        }
      },
      signal,
    );
  } catch (error) {
    sub.error = String(error?.cause?.code ?? error?.message ?? error);
  }
  return sub;
}

/** Why a subscriber's stream is wrong, or null: snapshot first, then every id after it in order, then done. */
function problem(sub, lastSeq) {
  if (sub.error) return `error ${sub.error}`;
  if (sub.order[0] !== 'snapshot') return `first message ${sub.order[0]}`;
  if (!sub.done) return 'no done';
  const want = lastSeq - sub.snapshotSeq;
  if (sub.ids.length !== want) return `${sub.ids.length} ids after snapshot ${sub.snapshotSeq}, expected ${want}`;
  if (sub.ids.some((id, k) => id !== sub.snapshotSeq + 1 + k)) return 'ids out of order or with a gap';
  return null;
}

const pinned = args['no-pin'] ? null : pinning();
let fixture, server;
let failed = false;
try {
  fixture = await startFixture();
  server = await startServer(path.join(here, 'runs-server.mjs'), pinned, 120_000);
  const base = `http://127.0.0.1:${server.port}`;
  const api = apiClient(base, server.token);
  const projectId = await createProject(api, fixture.url, 'SSE (bench)', tests);
  const before = proc(server.pid);
  let peakMb = before.rssMb;
  const sampler = setInterval(() => (peakMb = Math.max(peakMb, proc(server.pid).rssMb ?? 0)), 100);
  const lag = monitorEventLoopDelay({ resolution: 10 });

  const { runId } = await api('POST', `/projects/${projectId}/run`, { dialsConfig: { parallelWorkers: 1 } });
  const eventsUrl = `${base}/api/v1/runs/${runId}/events`;
  lag.enable();
  const clientCpu = process.cpuUsage();
  const opened = performance.now();
  const signal = AbortSignal.timeout(300_000);
  const subs = await Promise.all(Array.from({ length: subscribers }, () => subscribe(eventsUrl, server.token, signal)));
  lag.disable();
  const { user, system } = process.cpuUsage(clientCpu);
  const streamSeconds = (performance.now() - opened) / 1000;
  const during = proc(server.pid);
  clearInterval(sampler);
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const after = proc(server.pid);

  // The stored log: every event in order (a replay from id 0), and each log line's createdAt.
  const stored = [];
  await readEventStream(`${eventsUrl}?lastEventId=0`, server.token, (m) => stored.push({ id: m.id, type: m.event }));
  const run = await api('GET', `/runs/${runId}`);
  // Server side: how long each publish() to (nearly) every subscriber blocked the server, by type.
  const publishes = (await (await fetch(`${base}/bench/publishes`)).json()).filter(([, n]) => n >= subscribers * 0.9);
  const types = [...new Set(publishes.map(([type]) => type))];
  const publishMs = Object.fromEntries(
    types.map((t) => [t, stats(publishes.filter((p) => p[0] === t).map((p) => p[2]))]),
  );
  const logSeqs = stored.filter((event) => event.type === 'log').map((event) => event.id);
  // The view lists the stored log lines in seq order: the k-th line is the k-th log event.
  const aligned = logSeqs.length === run.logs.length;
  if (!aligned) console.error(`WARNING: ${logSeqs.length} stored log events but ${run.logs.length} log lines`);
  const stamp = (k) => Date.parse(/^\[([^\]]+)\]/.exec(run.logs[k])?.[1]);
  const createdAt = new Map(aligned ? logSeqs.map((seq, k) => [seq, stamp(k)]) : []);
  const lastSeq = stored.at(-1)?.id;

  const problems = subs.map((sub) => problem(sub, lastSeq)).filter(Boolean);
  const ok = subs.filter((sub) => !problem(sub, lastSeq));
  if (ok.length === 0) throw new Error(`no subscriber got the whole stream: ${problems.slice(0, 3).join('; ')}`);
  const firstCommon = Math.max(...ok.map((sub) => sub.snapshotSeq)) + 1;
  // Events first sent once every subscriber had its snapshot: fan-out alone, not competing with 500 opens.
  const allOpen = Math.max(...ok.map((sub) => sub.snapshotAt));
  const spread = [];
  for (let id = firstCommon; id <= lastSeq; id++) {
    const times = ok.map((sub) => sub.at.get(id).at);
    const first = Math.min(...times);
    spread.push({ id, type: ok[0].at.get(id).type, ms: Math.max(...times) - first, steady: first > allOpen });
  }
  const storedToReceived = { all: [], steady: [] };
  for (const sub of ok)
    for (const [id, { at, type }] of sub.at) {
      if (type !== 'log' || !createdAt.get(id)) continue;
      storedToReceived.all.push(at - createdAt.get(id));
      if (createdAt.get(id) > allOpen) storedToReceived.steady.push(at - createdAt.get(id));
    }
  const worst = spread.reduce((a, b) => (b.ms > a.ms ? b : a), spread[0]);
  const counts = ok.map((sub) => sub.ids.length);
  const result = {
    runId,
    run: { status: run.status, passed: run.passed, total: run.total, durationMs: run.duration, lastSeq },
    subscribers,
    delivered: ok.length,
    problems: [...new Set(problems)].slice(0, 10),
    problemCount: problems.length,
    eventsPerSubscriber: { min: Math.min(...counts), max: Math.max(...counts), commonIds: spread.length },
    eventTypes: Object.fromEntries(
      ['log', 'step', 'result', 'done'].map((t) => [t, stored.filter((e) => e.type === t).length]),
    ),
    framesPerSubscriber: { min: Math.min(...ok.map((s) => s.frames)), max: Math.max(...ok.map((s) => s.frames)) },
    frameBytesPerSubscriber: Math.max(...ok.map((s) => s.frameBytes)),
    spreadMs: stats(spread.map((e) => e.ms)),
    spreadSteadyMs: stats(spread.filter((e) => e.steady).map((e) => e.ms)),
    worstSpread: worst,
    serverPublishMs: publishMs,
    openToSnapshotMs: stats(ok.map((sub) => sub.snapshotAt - sub.openedAt)),
    allOpenAfterMs: Math.round(allOpen - Math.min(...ok.map((sub) => sub.openedAt))),
    storedToReceivedMs: stats(storedToReceived.all),
    storedToReceivedSteadyMs: stats(storedToReceived.steady),
    server: {
      rssMb: { before: before.rssMb, peak: peakMb, after: after.rssMb },
      cpuSecondsWhileStreaming: Math.round((during.cpuS - before.cpuS) * 100) / 100,
      streamSeconds: Math.round(streamSeconds * 10) / 10,
    },
    client: {
      cpuSeconds: Math.round((user + system) / 1e4) / 100,
      eventLoopDelayMs: { p50: lag.percentile(50) / 1e6, p99: lag.percentile(99) / 1e6, max: lag.max / 1e6 },
    },
  };
  if (problems.length > 0 || run.status !== 'completed' || run.passed !== testCount) failed = true;

  const line = (label, s) => console.log(`${label.padEnd(34)} p50 ${s.p50}  p99 ${s.p99}  max ${s.max} ms  (n ${s.n})`);
  console.log(`run ${runId}: ${run.status}, ${run.passed}/${run.total} passed, ${lastSeq} events stored`);
  console.log(`${ok.length}/${subscribers} subscribers got every event after their snapshot, in order, then done`);
  console.log(
    `events per subscriber ${result.eventsPerSubscriber.min}–${result.eventsPerSubscriber.max}, ${spread.length} ids common to all`,
  );
  line('spread across subscribers', result.spreadMs);
  if (result.spreadSteadyMs.n !== spread.length) line('  once all were open', result.spreadSteadyMs);
  for (const [type, s] of Object.entries(publishMs)) line(`server publish to all, ${type}`, s);
  line('open → snapshot', result.openToSnapshotMs);
  line('stored → received (log events)', result.storedToReceivedMs);
  if (result.storedToReceivedSteadyMs.n !== storedToReceived.all.length)
    line('  once all were open', result.storedToReceivedSteadyMs);
  console.log(`all ${ok.length} open after ${result.allOpenAfterMs} ms; worst spread: ${JSON.stringify(worst)}`);
  console.log(
    `server RSS ${before.rssMb} → peak ${peakMb} → ${after.rssMb} MB after; ${result.server.cpuSecondsWhileStreaming} CPU s in ${result.server.streamSeconds} s`,
  );
  const { client } = result;
  console.log(`client ${client.cpuSeconds} CPU s; event-loop delay p99 ${client.eventLoopDelayMs.p99.toFixed(1)} ms`);
  for (const p of result.problems) console.error(`PROBLEM: ${p}`);
  const out = resultsFile('sse');
  fs.writeFileSync(
    out,
    JSON.stringify(
      {
        machine: machine(),
        commit: commitOf(),
        settings: { subscribers, tests: testCount, pinned, execution: server.execution, builtAt: distStamp() },
        result,
      },
      null,
      2,
    ),
  );
  console.log(`full results: ${path.relative(process.cwd(), out)}`);
} catch (error) {
  console.error(error);
  failed = true;
} finally {
  if (server && (await stopServer(server.child)) !== 0) failed = true;
  fixture?.child.kill('SIGTERM');
}
process.exitCode = failed ? 1 : 0;
