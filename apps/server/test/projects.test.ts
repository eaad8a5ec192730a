import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRow } from '../../../test-support/rows.js';
import { DIALECTS } from '../../../test-support/databases.js';
import { bearer, signUp, type TestSession } from './support/sessions.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe.each(DIALECTS)('projects and the audit trail on %s', (dialect) => {
  let t: TestApp;
  let admin: TestSession;
  let outsider: TestSession;
  beforeAll(async () => {
    t = await createTestApp({ dialect });
    admin = await signUp(t.app, { name: 'Ada' });
    outsider = await signUp(t.app, { name: 'Eve' });
  });
  afterAll(() => t.close());

  const call = (session: TestSession, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: bearer(session),
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const create = async (payload: object) => {
    const response = await call(admin, 'POST', '/projects', payload);
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  };

  it.each([
    [{}, 'Project name is required.'],
    [{ name: '   ', url: 'https://a.test' }, 'Project name is required.'],
    [{ name: 'A' }, 'URL is required.'],
    [{ name: 'A', url: 'not a url' }, 'Invalid URL format. Must be a valid URL (e.g. https://example.com).'],
    [{ name: 'A', url: 'ftp://files.test' }, 'URL must use http or https protocol.'],
    [{ name: 'A', url: 'https://a.test', credentials: 'secret' }, 'Credentials must be an object.'],
    [{ name: 'A', url: 'https://a.test', credentials: { password: 42 } }, 'password must be a string.'],
  ])('refuses %j with “%s”', async (payload, message) => {
    const response = await call(admin, 'POST', '/projects', payload);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: message, code: 'REQUEST_VALIDATION_FAILED' });
  });

  it('creates a project with sealed credentials that never come back', async () => {
    const project = await create({
      name: `  ${'Shop '.repeat(50)}`,
      url: ' http://localhost:8080/app ',
      credentials: {
        usernameSelector: '#user',
        username: 'qa@shop.test',
        passwordSelector: '#pass',
        password: 'Sh0p-Secret!',
        submitSelector: 'button[type=submit]',
      },
    });
    expect(project).toMatchObject({
      id: expect.stringMatching(/^PRJ-\d+$/),
      url: 'http://localhost:8080/app',
      status: 'idle',
      workspaceId: admin.workspaceId,
    });
    expect(project.name).toHaveLength(200);
    expect(project.credentials).toEqual({
      usernameSelector: '#user',
      passwordSelector: '#pass',
      submitSelector: 'button[type=submit]',
      _hasAuth: true,
    });
    const stored = await t.container.database.db
      .selectFrom('projects')
      .select('credentials')
      .where('id', '=', project.id)
      .executeTakeFirstOrThrow();
    expect(stored.credentials).not.toContain('Sh0p-Secret!');
    expect(stored.credentials).not.toContain('qa@shop.test');
    const listed = await call(admin, 'GET', '/projects');
    expect(JSON.stringify(listed.json())).not.toContain('Sh0p-Secret!');
  });

  it('lists newest first and hides other workspaces’ projects behind 404', async () => {
    const older = await create({ name: 'Older', url: 'https://older.test' });
    const newer = await create({ name: 'Newer', url: 'https://newer.test' });
    const ids = (await call(admin, 'GET', '/projects')).json().map((project: { id: string }) => project.id);
    expect(ids.indexOf(newer.id)).toBeLessThan(ids.indexOf(older.id));
    expect((await call(admin, 'GET', `/projects/${older.id}`)).json().name).toBe('Older');
    expect((await call(outsider, 'GET', '/projects')).json()).toEqual([]);
    for (const [method, payload] of [['GET'], ['PATCH', { name: 'Mine now' }], ['DELETE']] as const) {
      const response = await call(outsider, method, `/projects/${older.id}`, payload);
      expect(response.statusCode, method).toBe(404);
      expect(response.json()).toEqual({ error: 'not found', code: 'PROJECT_NOT_FOUND' });
    }
  });

  it('renames, moves and rotates a password without losing the rest of the credentials', async () => {
    const project = await create({
      name: 'Rotate',
      url: 'https://rotate.test',
      credentials: { username: 'bot', password: 'Old-Passw0rd!', usernameSelector: '#u' },
    });
    const patched = await call(admin, 'PATCH', `/projects/${project.id}`, {
      name: 'Rotated',
      url: 'https://rotated.test',
      credentials: { password: 'New-Passw0rd!' },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({
      name: 'Rotated',
      url: 'https://rotated.test',
      credentials: { usernameSelector: '#u', _hasAuth: true },
    });
    const row = await t.container.repositories.projects.findLive(admin.workspaceId, project.id);
    const sealed = JSON.parse(row?.credentials ?? '{}');
    expect(t.container.secretBox.open(sealed.password)).toBe('New-Passw0rd!');
    expect(t.container.secretBox.open(sealed.username)).toBe('bot');
    expect(
      (await call(admin, 'PATCH', `/projects/${project.id}`, { credentials: null })).json().credentials,
    ).toBeNull();
    expect((await call(admin, 'PATCH', `/projects/${project.id}`, {})).statusCode).toBe(400);
    expect((await call(admin, 'PATCH', `/projects/${project.id}`, { url: 'javascript:alert(1)' })).statusCode).toBe(
      400,
    );
  });

  it('soft-deletes with the cascade of §4.4, and refuses while a run is active', async () => {
    const project = await create({ name: 'Doomed', url: 'https://doomed.test' });
    const { db } = t.container.database;
    const now = new Date().toISOString();
    const run = (id: string, status: string) =>
      runRow({ id, projectId: project.id, workspaceId: admin.workspaceId, status });
    for (const id of ['TC-a1', 'TC-a2']) {
      await db
        .insertInto('tests')
        .values({
          id,
          projectId: project.id,
          workspaceId: admin.workspaceId,
          name: id,
          playwrightCode: null,
          playwrightCodePrev: null,
          scenario: null,
          sourceUrl: null,
          pageTitle: null,
          reviewedAt: null,
          lastRunAt: null,
          lastResult: null,
          codeRegeneratedAt: null,
          aiFixAppliedAt: null,
          qualityScore: null,
          journeyType: null,
          promptVersion: null,
          modelUsed: null,
          linkedIssueKey: null,
          generatedFrom: null,
          isApiTest: null,
          createdAt: now,
          updatedAt: now,
          deletedAt: null,
        })
        .execute();
    }
    await db.insertInto('runs').values(run('RUN-a1', 'completed')).execute();
    await db.insertInto('runs').values(run('RUN-a2', 'running')).execute();
    await db
      .insertInto('webhook_tokens')
      .values({
        id: 'WH-a1',
        projectId: project.id,
        tokenHash: `h-${project.id}`,
        label: null,
        createdAt: now,
        lastUsedAt: null,
      })
      .execute();
    await db
      .insertInto('schedules')
      .values({
        id: 'SCH-a1',
        projectId: project.id,
        cronExpr: '0 3 * * *',
        lastRunAt: null,
        nextRunAt: null,
        createdAt: now,
        updatedAt: now,
      })
      .execute();

    const blocked = await call(admin, 'DELETE', `/projects/${project.id}`);
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json()).toMatchObject({ code: 'PROJECT_RUN_ACTIVE', runId: 'RUN-a2' });

    await db.updateTable('runs').set({ status: 'completed' }).where('id', '=', 'RUN-a2').execute();
    const deleted = await call(admin, 'DELETE', `/projects/${project.id}`);
    expect(deleted.json()).toEqual({
      ok: true,
      deletedTests: 2,
      deletedRuns: 2,
      destroyedTokens: 1,
      destroyedSchedule: true,
    });
    expect((await call(admin, 'GET', `/projects/${project.id}`)).statusCode).toBe(404);
    const stamps = await db.selectFrom('tests').select('deletedAt').where('projectId', '=', project.id).execute();
    const projectRow = await db
      .selectFrom('projects')
      .select('deletedAt')
      .where('id', '=', project.id)
      .executeTakeFirstOrThrow();
    expect(stamps.every((row) => row.deletedAt === projectRow.deletedAt)).toBe(true);
    expect(await db.selectFrom('webhook_tokens').select('id').where('projectId', '=', project.id).execute()).toEqual(
      [],
    );
    expect(await db.selectFrom('schedules').select('id').where('projectId', '=', project.id).execute()).toEqual([]);
    expect((await call(admin, 'DELETE', `/projects/${project.id}`)).statusCode).toBe(404);
  });

  it('records who did what, filters by type and project, and clamps the limit', async () => {
    const activities = (await call(admin, 'GET', '/activities')).json();
    const types = activities.map((activity: { type: string }) => activity.type);
    expect(types).toEqual(expect.arrayContaining(['project.create', 'project.update', 'project.delete']));
    expect(activities[0]).toMatchObject({
      userId: admin.userId,
      userName: 'Ada',
      workspaceId: admin.workspaceId,
      status: 'completed',
    });
    const deletes = (await call(admin, 'GET', '/activities?type=project.delete')).json();
    expect(deletes.length).toBe(1);
    expect(deletes[0].detail).toContain('2 test(s)');
    const one = (await call(admin, 'GET', `/activities?projectId=${deletes[0].projectId}&limit=-5`)).json();
    expect(one).toHaveLength(1);
    expect((await call(admin, 'GET', '/activities?limit=2')).json()).toHaveLength(2);
    expect((await call(outsider, 'GET', '/activities')).json()).toEqual([]);

    const cleared = await call(admin, 'DELETE', '/data/activities');
    expect(cleared.json()).toEqual({ ok: true, cleared: activities.length });
    expect((await call(admin, 'GET', '/activities')).json()).toEqual([]);
  });
});
