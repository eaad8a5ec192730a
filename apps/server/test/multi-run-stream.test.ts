import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTodoApp, type TodoApp } from '../../../fixtures/todo/server.js';
import { bearerApi, waitForRun, type ApiCall } from './support/bearer-api.js';
import { startLiveApp, type LiveApp } from './support/live-app.js';
import { signUp, type TestSession } from './support/sessions.js';
import { readEvents, type SseMessage } from './support/sse.js';

const PASSES = (n: number) => `test('page ${n} loads', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});`;

describe('one event stream for several runs (the dashboard’s one connection per tab)', () => {
  let t: LiveApp;
  let todo: TodoApp;
  let admin: TestSession;
  let api: ApiCall;
  const runIds: string[] = [];

  const startRun = async (name: string) => {
    const projectId = (await api('POST', '/projects', { name, url: todo.url })).body.id;
    for (const n of [1, 2]) {
      const id = (
        await api('POST', `/projects/${projectId}/tests`, { name: `${name} ${n}`, playwrightCode: PASSES(n) })
      ).body.id;
      await api('PATCH', `/projects/${projectId}/tests/${id}/approve`);
    }
    return (await api('POST', `/projects/${projectId}/run`, {})).body.runId as string;
  };
  const byRun = (messages: SseMessage[], runId: string) => messages.filter((message) => message.data.runId === runId);
  /** The stream stays open for other runs: read until every listed run said `done`. */
  const untilDone = (count: number) => {
    const done = new Set<string>();
    return (message: SseMessage) => {
      if (message.event === 'done') done.add(String(message.data.runId));
      return done.size === count;
    };
  };

  beforeAll(async () => {
    todo = await startTodoApp();
    t = await startLiveApp({ env: { RATE_LIMIT_GENERAL: '100000/1m', RATE_LIMIT_EXPENSIVE: '1000/1m' } });
    admin = await signUp(t.app, { name: 'Admin' });
    api = bearerApi(t.url, () => admin.token);
  });
  afterAll(async () => {
    await t?.close();
    await todo?.close();
  });

  it('streams two live runs on one connection, each in order, tagged with its run', async () => {
    runIds.push(await startRun('Alpha'), await startRun('Beta'));
    const url = `${t.url}/api/v1/events?runs=${runIds.join(',')}`;
    const done = new Set<string>();
    const stream = await readEvents(
      url,
      { authorization: `Bearer ${admin.token}` },
      {
        until: (message) => {
          if (message.event === 'done') done.add(String(message.data.runId));
          return done.size === 2;
        },
        timeoutMs: 90_000,
      },
    );
    expect(stream.status).toBe(200);
    for (const runId of runIds) {
      const events = byRun(stream.messages, runId);
      expect(events[0]?.event).toBe('snapshot');
      expect(events.at(-1)).toMatchObject({ event: 'done', data: { status: 'completed', passed: 2 } });
      expect(events.filter((event) => event.event === 'result')).toHaveLength(2);
      const seqs = events.filter((event) => event.data.seq !== undefined).map((event) => Number(event.data.seq));
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    }
    // The SSE id is a cursor over both runs.
    expect(stream.messages.at(-1)?.id).toMatch(/^RUN-\d+:\d+,RUN-\d+:\d+$/);
  });

  it('resumes each run after its cursor position, without repeating or losing an event', async () => {
    for (const runId of runIds) await waitForRun(api, runId);
    const headers = { authorization: `Bearer ${admin.token}` };
    const url = `${t.url}/api/v1/events?runs=${runIds.join(',')}`;
    const full = await readEvents(url, headers, { until: untilDone(2), timeoutMs: 10_000 });
    const [alpha, beta] = runIds as [string, string];
    const alphaStored = await t.container.repositories.runs.eventsAfter(alpha, 0);
    const betaStored = await t.container.repositories.runs.eventsAfter(beta, 0);
    const alphaMiddle = alphaStored[Math.floor(alphaStored.length / 2)]!.seq;
    const resumed = await readEvents(
      url,
      { ...headers, 'last-event-id': `${alpha}:${alphaMiddle}` },
      {
        until: untilDone(2),
        timeoutMs: 10_000,
      },
    );
    // Alpha: exactly the stored events after the cursor; Beta (not in the cursor): its snapshot and done.
    expect(byRun(resumed.messages, alpha).map((message) => Number(message.data.seq))).toEqual(
      alphaStored.filter((row) => row.seq > alphaMiddle).map((row) => row.seq),
    );
    expect(byRun(resumed.messages, beta).map((message) => message.event)).toEqual(['snapshot', 'done']);
    expect(betaStored.length).toBeGreaterThan(2);
    expect(byRun(full.messages, alpha)[0]?.event).toBe('snapshot');
  });

  it('refuses an empty or oversized run list, and runs of other workspaces look missing', async () => {
    const headers = { authorization: `Bearer ${admin.token}` };
    expect((await fetch(`${t.url}/api/v1/events?runs=`, { headers })).status).toBe(400);
    const many = Array.from({ length: 21 }, (_, i) => `RUN-${i + 1}`).join(',');
    expect((await fetch(`${t.url}/api/v1/events?runs=${many}`, { headers })).status).toBe(400);
    const outsider = await signUp(t.app, { name: 'Eve' });
    const foreign = await fetch(`${t.url}/api/v1/events?runs=${runIds.join(',')}`, {
      headers: { authorization: `Bearer ${outsider.token}` },
    });
    expect(foreign.status).toBe(404);
  });
});
