import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test-support/databases.js';
import { runRow } from '../../../test-support/rows.js';
import { bearer, signUp, type TestSession } from './support/sessions.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe.each(DIALECTS)('recycle bin and data clean-up on %s', (dialect) => {
  let t: TestApp;
  let admin: TestSession;
  let outsider: TestSession;
  beforeAll(async () => {
    t = await createTestApp({ dialect });
    admin = await signUp(t.app);
    outsider = await signUp(t.app);
  });
  afterAll(() => t.close());

  const call = (session: TestSession, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: bearer(session),
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const project = async (name: string) =>
    (await call(admin, 'POST', '/projects', { name, url: `https://${name}.test` })).json().id as string;
  const test = async (projectId: string, name: string) =>
    (await call(admin, 'POST', `/projects/${projectId}/tests`, { name })).json().id as string;
  const addRun = async (projectId: string, id: string, status: string) => {
    const row = runRow({ id, projectId, workspaceId: admin.workspaceId, status, passed: 1, failed: 0, total: 1 });
    await t.container.database.db.insertInto('runs').values(row).execute();
  };

  it('restores a project with what was deleted with it, not what was deleted before', async () => {
    const id = await project('restore');
    const keptOut = await test(id, 'Deleted on purpose first');
    const comesBack = await test(id, 'Deleted with the project');
    await addRun(id, `RUN-r-${dialect}`, 'completed');
    await call(admin, 'DELETE', `/projects/${id}/tests/${keptOut}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await call(admin, 'DELETE', `/projects/${id}`);

    const bin = (await call(admin, 'GET', '/recycle-bin')).json();
    expect(bin.projects.map((p: { id: string }) => p.id)).toContain(id);
    expect(bin.projects[0].deletedAt).toEqual(expect.any(String));
    expect(bin.tests.map((x: { id: string }) => x.id)).toEqual(expect.arrayContaining([keptOut, comesBack]));
    expect(bin.runs.map((x: { id: string }) => x.id)).toContain(`RUN-r-${dialect}`);
    expect((await call(outsider, 'GET', '/recycle-bin')).json()).toEqual({ projects: [], tests: [], runs: [] });

    const blocked = await call(admin, 'POST', `/restore/test/${comesBack}`);
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().code).toBe('BIN_PARENT_DELETED');
    expect((await call(outsider, 'POST', `/restore/project/${id}`)).statusCode).toBe(404);

    expect((await call(admin, 'POST', `/restore/project/${id}`)).json()).toEqual({ ok: true });
    expect((await call(admin, 'GET', `/projects/${id}`)).statusCode).toBe(200);
    const live = (await call(admin, 'GET', `/projects/${id}/tests`)).json().map((x: { id: string }) => x.id);
    expect(live).toEqual([comesBack]);
    expect((await call(admin, 'POST', `/restore/test/${keptOut}`)).json()).toEqual({ ok: true });
    expect((await call(admin, 'POST', `/restore/test/${keptOut}`)).statusCode).toBe(404);
  });

  it('checks the type after the role and purges only what is in the bin', async () => {
    expect((await call(admin, 'POST', '/restore/widget/X-1')).json()).toMatchObject({
      error: 'type must be project, test, or run',
    });
    const id = await project('purge');
    const testId = await test(id, 'Gone for good');
    expect((await call(admin, 'DELETE', `/purge/project/${id}`)).statusCode).toBe(404);
    const runId = `RUN-purge-${dialect}`;
    await addRun(id, runId, 'completed');
    await t.container.artifacts.put(`runs/${runId}/${testId}/trace.zip`, 'zip');
    await t.container.artifacts.put(`baselines/${testId}/chromium/step-0.png`, 'png');
    await call(admin, 'DELETE', `/projects/${id}`);
    expect((await call(outsider, 'DELETE', `/purge/project/${id}`)).statusCode).toBe(404);
    expect((await call(admin, 'DELETE', `/purge/project/${id}`)).json()).toEqual({ ok: true });
    // Files of what was purged go too: run evidence and visual baselines.
    expect(await t.container.artifacts.exists(`runs/${runId}/${testId}/trace.zip`)).toBe(false);
    expect(await t.container.artifacts.exists(`baselines/${testId}/chromium/step-0.png`)).toBe(false);
    const { db } = t.container.database;
    expect(await db.selectFrom('tests').select('id').where('id', '=', testId).execute()).toEqual([]);
    expect(await db.selectFrom('projects').select('id').where('id', '=', id).execute()).toEqual([]);
    const activities = (await call(admin, 'GET', '/activities?type=project.purge')).json();
    expect(activities.some((activity: { detail: string }) => activity.detail.includes(id))).toBe(true);
    expect((await call(admin, 'GET', `/activities?projectId=${id}`)).json()).toEqual([]);
  });

  it('clears finished runs and healing history for admins, leaving running runs alone', async () => {
    const id = await project('clear');
    const testId = await test(id, 'Healed');
    await addRun(id, `RUN-done-${dialect}`, 'completed');
    await addRun(id, `RUN-live-${dialect}`, 'running');
    await t.container.database.db
      .insertInto('healing_history')
      .values({
        key: `${testId}::click::Buy`,
        testId,
        strategyVersion: null,
        succeededAt: null,
        evidence: null,
        updatedAt: new Date().toISOString(),
      })
      .execute();
    const { artifacts } = t.container;
    await artifacts.put(`runs/RUN-done-${dialect}/${testId}/screenshot.png`, 'png');
    await artifacts.put(`runs/RUN-live-${dialect}/${testId}/screenshot.png`, 'png');
    const other = await call(outsider, 'DELETE', '/data/runs');
    expect(other.json().cleared).toBe(0);
    const runs = await call(admin, 'DELETE', '/data/runs');
    expect(runs.json().cleared).toBeGreaterThanOrEqual(1);
    // The evidence of a cleared run goes with it; a running run keeps its files.
    expect(await artifacts.exists(`runs/RUN-done-${dialect}/${testId}/screenshot.png`)).toBe(false);
    expect(await artifacts.exists(`runs/RUN-live-${dialect}/${testId}/screenshot.png`)).toBe(true);
    const remaining = await t.container.database.db
      .selectFrom('runs')
      .select('id')
      .where('projectId', '=', id)
      .execute();
    expect(remaining.map((row) => row.id)).toEqual([`RUN-live-${dialect}`]);
    expect((await call(admin, 'DELETE', '/data/healing')).json()).toEqual({ ok: true, cleared: 1 });
  });
});
