import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTodoApp, type TodoApp } from '../../../fixtures/todo/server.js';
import { DIALECTS, scratchDatabase, type ScratchDatabase } from '../../../test-support/databases.js';
import { bearerApi, waitForRun, type ApiCall } from './support/bearer-api.js';
import { startLiveApp, type LiveApp } from './support/live-app.js';
import { signUp, type TestSession } from './support/sessions.js';
import { readEvents, type SseMessage } from './support/sse.js';

const redisUrl = process.env.TEST_REDIS_URL;
if (!redisUrl && process.env.SENTRI_REQUIRE_REDIS === '1')
  throw new Error('SENTRI_REQUIRE_REDIS=1 but TEST_REDIS_URL is not set.');
if (!redisUrl) console.warn('\n!!! TEST_REDIS_URL unset: run events across processes SKIPPED (see .ci/redis.sh)\n');

/** Types, adds and waits a little: enough screen changes for frames while someone watches. */
const TODO = (n: number) => `test('adds todo ${n}', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('New todo').fill('Item ${n}');
  await page.getByRole('button', { name: 'Add' }).click();
  await expect(page.getByRole('listitem')).toHaveText(['Item ${n}']);
  await page.waitForTimeout(700);
  await page.getByLabel('New todo').fill('Second ${n}');
});`;
const HANGS = `test('waits for a page that never loads', async ({ page }) => {
  await page.goto('/hang', { timeout: 120000 });
});`;

/** Stored events' positions as a stream delivered them: snapshots repeat a position, frames have none. */
const seqsOf = (messages: SseMessage[]) =>
  messages
    .filter((message) => message.event !== 'snapshot' && message.event !== 'frame')
    .map((message) => Number(message.data.seq));

describe.skipIf(!redisUrl)('a run executed by one process, streamed and aborted through another (Redis)', () => {
  // One database for both processes: PostgreSQL when the run has one, else a shared SQLite file.
  const dialect = DIALECTS.includes('postgres') ? 'postgres' : 'sqlite';
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sentri-cluster-'));
  let scratch: ScratchDatabase | undefined;
  let todo: TodoApp;
  let a: LiveApp;
  let b: LiveApp;
  let lead: TestSession;
  let onA: ApiCall;
  let onB: ApiCall;

  const project = async (name: string, tests: Record<string, string>) => {
    const projectId = (await onA('POST', '/projects', { name, url: todo.url })).body.id as string;
    const ids: string[] = [];
    for (const [testName, code] of Object.entries(tests)) {
      const id = (await onA('POST', `/projects/${projectId}/tests`, { name: testName, playwrightCode: code })).body.id;
      expect((await onA('PATCH', `/projects/${projectId}/tests/${id}/approve`)).status).toBe(200);
      ids.push(id as string);
    }
    return { projectId, ids };
  };

  beforeAll(async () => {
    todo = await startTodoApp();
    scratch = dialect === 'postgres' ? await scratchDatabase('postgres') : undefined;
    const env = {
      REDIS_URL: redisUrl!,
      JWT_SECRET: 'c'.repeat(48),
      MAX_TEST_RETRIES: '0',
      RATE_LIMIT_GENERAL: '100000/1m',
      RATE_LIMIT_EXPENSIVE: '1000/1m',
      ...(scratch?.url ? { DATABASE_URL: scratch.url } : { DB_PATH: path.join(dataDir, 'sentri.db') }),
    };
    // Both are up before any run starts: a starting process interrupts runs it finds `running`.
    a = await startLiveApp({ env });
    b = await startLiveApp({ env });
    lead = await signUp(a.app, { name: 'Lead' });
    onA = bearerApi(a.url, () => lead.token);
    onB = bearerApi(b.url, () => lead.token);
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
    await todo?.close();
    await scratch?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('says so in GET /system', async () => {
    expect((await onB('GET', '/system')).body).toMatchObject({ events: { mode: 'redis' }, database: { dialect } });
  });

  it('streams every stored event exactly once on the other process, live frames too, and resumes mid-run', async () => {
    const { projectId } = await project('Cluster', { 'Todo 1': TODO(1), 'Todo 2': TODO(2), 'Todo 3': TODO(3) });
    const runId = (await onA('POST', `/projects/${projectId}/run`, {})).body.runId as string;
    expect(runId).toMatch(/^RUN-/);
    const headers = { authorization: `Bearer ${lead.token}` };
    const isDone = (message: SseMessage) => message.event === 'done';

    // From the start (Last-Event-ID 0) on B; on the first result, a second client resumes from there.
    let resumed: ReturnType<typeof readEvents> | undefined;
    let resumedFrom = -1;
    const whole = readEvents(
      `${b.url}/api/v1/runs/${runId}/events`,
      { ...headers, 'last-event-id': '0' },
      {
        until: (message) => {
          if (!resumed && message.event === 'result') {
            resumedFrom = Number(message.id);
            resumed = readEvents(
              `${b.url}/api/v1/runs/${runId}/events`,
              {
                ...headers,
                'last-event-id': String(resumedFrom),
              },
              { until: isDone, timeoutMs: 60_000 },
            );
          }
          return isDone(message);
        },
        timeoutMs: 60_000,
      },
    );
    const multi = readEvents(`${b.url}/api/v1/events?runs=${runId}&lastEventId=${runId}:0`, headers, {
      until: isDone,
      timeoutMs: 60_000,
    });
    const [full, many] = await Promise.all([whole, multi]);
    const rest = await resumed!;

    // Every event is stored before it is published: the table is the truth to compare with.
    const stored = (await a.container.repositories.runs.eventsAfter(runId, 0)).map((row) => row.seq);
    expect(stored).toEqual(Array.from({ length: stored.length }, (_, i) => i + 1));
    expect(seqsOf(full.messages)).toEqual(stored);
    expect(seqsOf(many.messages)).toEqual(stored);
    expect(resumedFrom).toBeGreaterThan(1);
    expect(seqsOf(rest.messages)).toEqual(stored.filter((seq) => seq > resumedFrom));
    for (const stream of [full, many, rest])
      expect(stream.messages.at(-1)).toMatchObject({ event: 'done', data: { status: 'completed', passed: 3 } });
    expect(full.messages.filter((message) => message.event === 'result')).toHaveLength(3);

    // Frames reach B although only A's runner makes them; they carry their test and no id.
    const frames = full.messages.filter((message) => message.event === 'frame');
    expect(frames.length).toBeGreaterThan(0);
    expect(frames.every((frame) => typeof frame.data.testId === 'string' && frame.id === undefined)).toBe(true);
    // A ran it: B never had the job.
    expect(b.container.services.runs.jobs.active()).toHaveLength(0);
  }, 60_000);

  it('an abort sent to the other process stops the run where it executes', async () => {
    const { projectId, ids } = await project('Hanging', { Hangs: HANGS });
    const runId = (await onA('POST', `/projects/${projectId}/run`, {})).body.runId as string;
    const headers = { authorization: `Bearer ${lead.token}` };
    // Watch from B until the test is under way in A.
    await readEvents(`${b.url}/api/v1/runs/${runId}/events`, headers, {
      until: (message) => message.event === 'log' && String(message.data.message).startsWith(`▶ ${ids[0]}`),
      timeoutMs: 30_000,
    });
    expect(a.container.services.runs.jobs.get(runId)).toBeDefined();
    let watching!: () => void;
    const watched = new Promise<void>((resolve) => (watching = resolve));
    const ending = readEvents(`${b.url}/api/v1/runs/${runId}/events`, headers, {
      until: (message) => {
        if (message.event === 'snapshot') watching();
        return message.event === 'done';
      },
      timeoutMs: 15_000,
    });
    await watched;

    const began = Date.now();
    expect(await onB('POST', `/runs/${runId}/abort`)).toEqual({ status: 200, body: { ok: true } });
    expect((await onB('POST', `/runs/${runId}/abort`)).status).toBe(409);
    const ended = await ending;
    expect(ended.messages.at(-1)?.data).toMatchObject({ type: 'done', status: 'aborted' });
    expect(await waitForRun(onB, runId, { timeoutMs: 10_000 })).toMatchObject({
      status: 'aborted',
      error: 'Aborted by user',
    });
    // A's runner (and its browser) stopped: the job is gone well before the test's own 2-minute wait.
    for (const deadline = Date.now() + 10_000; a.container.services.runs.jobs.get(runId);) {
      expect(Date.now()).toBeLessThan(deadline);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(Date.now() - began).toBeLessThan(10_000);
    // A closes the run once its runner has stopped: the skipped results, then the stored `done`.
    const stored = async () => a.container.repositories.runs.eventsAfter(runId, 0);
    for (const deadline = Date.now() + 5_000; !(await stored()).some((row) => row.type === 'done');) {
      expect(Date.now()).toBeLessThan(deadline);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // One writer for the run's log: one abort line, one `done`, no position used twice.
    const events = await stored();
    expect(events.map((row) => row.seq)).toEqual(Array.from({ length: events.length }, (_, i) => i + 1));
    expect(events.filter((row) => row.type === 'done')).toHaveLength(1);
    expect(events.filter((row) => row.message === '⛔ Aborted by user')).toHaveLength(1);
    expect((await onB('GET', `/runs/${runId}`)).body.results).toMatchObject([{ testId: ids[0], status: 'skipped' }]);
  }, 45_000);
});
