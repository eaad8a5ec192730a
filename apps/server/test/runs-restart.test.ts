import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { startLiveApp } from './support/live-app.js';
import { bearer, signIn, signUp } from './support/sessions.js';
import { readEvents } from './support/sse.js';
import { startHttpReceiver } from './support/receivers.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

it('turns a run its dead process left running into interrupted at start-up, and its stream and CI callback say so', async () => {
  const receiver = await startHttpReceiver();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sentri-runs-restart-'));
  dirs.push(dataDir);
  const env = { JWT_SECRET: 'r'.repeat(40) };
  const first = await startLiveApp({ dataDir, env });
  const admin = await signUp(first.app, { password: 'Correct-Horse-9' });
  const project = await first.app.inject({
    method: 'POST',
    url: '/api/v1/projects',
    headers: bearer(admin),
    payload: { name: 'Crashy', url: 'http://127.0.0.1:9' },
  });
  // What a process that died mid-run leaves behind: a `running` row nobody is executing.
  await first.container.repositories.runs.start({
    id: 'RUN-4242',
    projectId: project.json().id,
    workspaceId: admin.workspaceId,
    type: 'test_run',
    triggeredBy: admin.userId,
    startedAt: new Date().toISOString(),
    total: 2,
    testQueue: '[]',
    parallelWorkers: 1,
    origin: 'ci',
    callbackUrl: `${receiver.url}/ci-callback`,
  });
  await first.close();

  const second = await startLiveApp({ dataDir, env });
  try {
    const session = await signIn(second.app, admin.email, 'Correct-Horse-9');
    const run = await second.app.inject({ method: 'GET', url: '/api/v1/runs/RUN-4242', headers: bearer(session) });
    expect(run.json()).toMatchObject({ status: 'interrupted', error: 'Server restarted while run was in progress' });
    expect(run.json().finishedAt).toEqual(expect.any(String));
    const stream = await readEvents(`${second.url}/api/v1/runs/RUN-4242/events`, bearer(session), {
      timeoutMs: 10_000,
    });
    expect(stream.messages.map((message) => [message.event, message.data.status ?? null])).toEqual([
      ['snapshot', null],
      ['done', 'interrupted'],
    ]);
    // The project is free for a new run.
    expect(await second.container.repositories.runs.activeRunId(project.json().id)).toBeUndefined();
    // The CI job that started it is not left waiting.
    const [callback] = await receiver.waitFor(1, 10_000);
    expect(callback).toMatchObject({
      path: '/ci-callback',
      body: { runId: 'RUN-4242', status: 'interrupted', error: 'Server restarted while run was in progress' },
    });
  } finally {
    await second.close();
    await receiver.close();
  }
});

it('ends open run streams when the server shuts down instead of waiting for the run', async () => {
  const app = await startLiveApp({ env: { JWT_SECRET: 's'.repeat(40) } });
  const admin = await signUp(app.app);
  const project = await app.app.inject({
    method: 'POST',
    url: '/api/v1/projects',
    headers: bearer(admin),
    payload: { name: 'Long', url: 'http://127.0.0.1:9' },
  });
  await app.container.repositories.runs.start({
    id: 'RUN-777',
    projectId: project.json().id,
    workspaceId: admin.workspaceId,
    type: 'test_run',
    triggeredBy: admin.userId,
    startedAt: new Date().toISOString(),
    total: 1,
    testQueue: '[]',
    parallelWorkers: 1,
  });
  let opened!: () => void;
  const open = new Promise<void>((resolve) => (opened = resolve));
  const stream = readEvents(`${app.url}/api/v1/runs/RUN-777/events`, bearer(admin), {
    timeoutMs: 20_000,
    until: (message) => (message.event === 'snapshot' && opened(), false),
  });
  await open;
  const started = Date.now();
  await app.close();
  expect(Date.now() - started).toBeLessThan(3000);
  const { messages } = await stream;
  expect(messages.map((message) => message.event)).toEqual(['snapshot']);
});
