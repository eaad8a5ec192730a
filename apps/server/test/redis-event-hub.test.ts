import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { Redis, type RedisOptions } from 'ioredis';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { RedisRunEventHub } from '../src/runs/redis-event-bus.js';
import { RunEventHub, type RunEvent } from '../src/runs/run-event-hub.js';

const redisUrl = process.env.TEST_REDIS_URL;
if (!redisUrl && process.env.SENTRI_REQUIRE_REDIS === '1')
  throw new Error('SENTRI_REQUIRE_REDIS=1 but TEST_REDIS_URL is not set.');
if (!redisUrl) console.warn('\n!!! TEST_REDIS_URL unset: Redis run-event hub tests SKIPPED (see .ci/redis.sh)\n');

/** Run ids of their own, so test runs sharing one Redis never hear each other. */
const newRunId = () => `RUN-T${randomBytes(4).toString('hex')}`;
const log = (n: number): RunEvent => ({ type: 'log', seq: n, message: `line ${n}` });
const until = async (condition: () => boolean, timeoutMs = 5_000) => {
  for (const deadline = Date.now() + timeoutMs; !condition(); await new Promise((r) => setTimeout(r, 20)))
    if (Date.now() > deadline) throw new Error('condition not met in time');
};

describe('the in-process hub (no REDIS_URL)', () => {
  it('delivers in this process only, is ready at once, and has nobody to ask for an abort', async () => {
    const hub = new RunEventHub();
    const got: RunEvent[] = [];
    const leave = hub.subscribe('RUN-1', (event) => got.push(event));
    await hub.ready('RUN-1');
    expect(hub.watched('RUN-1')).toBe(true);
    hub.publish('RUN-1', log(1));
    hub.publish('RUN-2', log(1));
    leave();
    leave();
    hub.publish('RUN-1', log(2));
    expect(got).toEqual([log(1)]);
    expect(hub.watched('RUN-1')).toBe(false);
    expect(hub.mode).toBe('in-process');
    await hub.own('RUN-1');
    expect(await hub.requestAbort('RUN-1')).toBe(false);
  });
});

describe.skipIf(!redisUrl)('run events between processes on Redis (RedisRunEventHub)', () => {
  const hubs: RedisRunEventHub[] = [];
  const clients: Redis[] = [];
  afterEach(async () => {
    await Promise.all(hubs.splice(0).map((hub) => hub.close()));
    clients.splice(0).forEach((client) => client.disconnect());
  });
  /** A process's hub; `stored` is its view of the run_events table. */
  const hub = async (name: string, stored: RunEvent[] = [], url = redisUrl!, redis: RedisOptions = {}) => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk: Buffer, _e, done) => (lines.push(chunk.toString()), done()) });
    const created = new RedisRunEventHub({
      url,
      logger: pino({ level: 'warn' }, sink),
      instance: `${name}:${randomBytes(3).toString('hex')}`,
      replay: async (_runId, after) => stored.filter((event) => (event.seq ?? 0) > after),
      redis,
    });
    hubs.push(created);
    await created.connect();
    return Object.assign(created, { lines });
  };
  const watch = async (target: RunEventHub, runId: string) => {
    const got: RunEvent[] = [];
    const leave = target.subscribe(runId, (event) => got.push(event));
    await target.ready(runId);
    return { got, leave };
  };

  it('delivers every event of the publisher once, in order, and a process never hears itself twice', async () => {
    const runId = newRunId();
    const a = await hub('a');
    const b = await hub('b');
    const onA = await watch(a, runId);
    const onB = await watch(b, runId);
    const events = Array.from({ length: 200 }, (_, i) => log(i + 1));
    for (const event of events) a.publish(runId, event);
    a.publish(runId, { type: 'done', seq: 201, status: 'completed' });
    await until(() => onB.got.length === 201);
    expect(onB.got.map((event) => event.seq)).toEqual(Array.from({ length: 201 }, (_, i) => i + 1));
    expect(onB.got[5]).toEqual(log(6));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(onA.got).toHaveLength(201);
    expect(a.mode).toBe('redis');
  });

  it('is ready for a run only once Redis has confirmed the subscription', async () => {
    const runId = newRunId();
    const b = await hub('b');
    const admin = new Redis(redisUrl!);
    clients.push(admin);
    // Redis holds every client's commands for a moment: the SUBSCRIBE waits, and so must `ready`.
    await admin.client('PAUSE', 300, 'ALL');
    const began = Date.now();
    const got: RunEvent[] = [];
    b.subscribe(runId, (event) => got.push(event));
    await b.ready(runId);
    expect(Date.now() - began).toBeGreaterThanOrEqual(250);
    await admin.publish(`sentri:run:${runId}`, JSON.stringify({ from: 'elsewhere', event: log(1) }));
    await until(() => got.length === 1);
  });

  it('fills a gap in the sequence (a message Redis dropped) from the stored events', async () => {
    const runId = newRunId();
    const stored = [log(1), log(2), log(3), log(4)];
    const b = await hub('b', stored);
    const onB = await watch(b, runId);
    const raw = new Redis(redisUrl!);
    clients.push(raw);
    const send = (event: RunEvent) => raw.publish(`sentri:run:${runId}`, JSON.stringify({ from: 'elsewhere', event }));
    await send(log(1));
    await send(log(4)); // 2 and 3 never came
    await send(log(3)); // a late duplicate
    await until(() => onB.got.length >= 4);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(onB.got.map((event) => event.seq)).toEqual([1, 2, 3, 4]);
  });

  it('catches up from the database after its subscriber connection was cut', async () => {
    const runId = newRunId();
    const stored = [log(1)];
    const a = await hub('a', stored);
    const name = `sentri-test-${randomBytes(4).toString('hex')}`;
    const b = await hub('b', stored, redisUrl!, { connectionName: name });
    const onB = await watch(b, runId);
    a.publish(runId, log(1));
    await until(() => onB.got.length === 1);
    const admin = new Redis(redisUrl!);
    clients.push(admin);
    // b's subscriber connection (the one in pub/sub mode) is cut, as a network blip would.
    const list = String(await admin.client('LIST'));
    const ids = list
      .split('\n')
      .filter((line) => line.includes(` name=${name} `) && / flags=\S*P/.test(line))
      .map((line) => /^id=(\d+)/.exec(line)![1]!);
    expect(ids).toHaveLength(1);
    await admin.client('KILL', 'ID', ids[0]!);
    stored.push(log(2));
    a.publish(runId, log(2)); // nobody is subscribed right now: lost on the wire, kept in the table
    await until(() => onB.got.length === 2);
    stored.push(log(3));
    a.publish(runId, log(3));
    await until(() => onB.got.length === 3);
    expect(onB.got.map((event) => event.seq)).toEqual([1, 2, 3]);
  });

  it('sends frames to Redis only while another process watches the run', async () => {
    const runId = newRunId();
    const a = await hub('a');
    const b = await hub('b');
    const monitor = await new Redis(redisUrl!).monitor();
    clients.push(monitor);
    const framesPublished: string[] = [];
    monitor.on('monitor', (_time: string, args: string[]) => {
      if (args[0]?.toLowerCase() === 'publish' && args[1] === `sentri:run:${runId}:frames`)
        framesPublished.push(args[2]!);
    });
    await a.own(runId); // a executes the run: its frames are made there
    const onA = await watch(a, runId); // a local watcher is no reason to use Redis
    const frame = { type: 'frame', testId: 'TC-1', data: 'x'.repeat(50_000) } as const;
    for (let i = 0; i < 15; i += 1) {
      a.publish(runId, frame);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(onA.got).toHaveLength(15);
    expect(framesPublished).toHaveLength(0);

    const onB = await watch(b, runId);
    // `a` asks Redis who listens at most once a second: frames start reaching `b` soon after.
    for (const deadline = Date.now() + 3_000; onB.got.length === 0 && Date.now() < deadline;) {
      a.publish(runId, frame);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(onB.got[0]).toEqual(frame);
    onB.leave();
    onA.leave();
    await until(() => !a.watched(runId));
    const before = framesPublished.length;
    for (let i = 0; i < 5; i += 1) a.publish(runId, frame);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(framesPublished.length).toBe(before);
  });

  it('routes an abort to the process that executes the run, and says when none does', async () => {
    const runId = newRunId();
    const a = await hub('a');
    const b = await hub('b');
    const asked: string[] = [];
    a.onAbortRequest((id) => asked.push(id));
    const release = await a.own(runId);
    expect(await b.requestAbort(runId)).toBe(true);
    await until(() => asked.length === 1);
    expect(asked).toEqual([runId]);
    expect(await b.requestAbort(newRunId())).toBe(false);
    release();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await b.requestAbort(runId)).toBe(false);
  });

  it('keeps working in this process while Redis is unreachable, and never throws at the publisher', async () => {
    const runId = newRunId();
    const started = Date.now();
    const down = await hub('down', [], 'redis://127.0.0.1:1');
    const onDown = await watch(down, runId);
    expect(() => down.publish(runId, log(1))).not.toThrow();
    expect(() => down.publish(runId, { type: 'frame', testId: 'TC-1', data: 'x' })).not.toThrow();
    expect(onDown.got.map((event) => event.type)).toEqual(['log', 'frame']);
    expect(await down.requestAbort(runId)).toBe(false);
    await down.own(runId);
    expect(Date.now() - started).toBeLessThan(5_000);
    await until(() => down.lines.length > 0);
    expect(down.lines[0]).toContain('Run events (Redis) unreachable');
  });
});
