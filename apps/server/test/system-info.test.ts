import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test-support/databases.js';
import { runRow } from '../../../test-support/rows.js';
import { bearer, browser, signUp, type TestSession } from './support/sessions.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe.each(DIALECTS)('GET /system counts and POST /system/client-error on %s', (dialect) => {
  let t: TestApp;
  let admin: TestSession;
  let outsider: TestSession;
  beforeAll(async () => {
    t = await createTestApp({ dialect });
    admin = await signUp(t.app);
    outsider = await signUp(t.app);
  });
  afterAll(() => t.close());

  const call = (session: TestSession, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: bearer(session), ...(payload ? { payload } : {}) });

  const counts = async (session: TestSession) => {
    const body = (await call(session, 'GET', '/system')).json();
    const keys = [
      'projects',
      'tests',
      'approvedTests',
      'draftTests',
      'runs',
      'activities',
      'healingEntries',
      'activeSchedules',
    ] as const;
    return Object.fromEntries(keys.map((key) => [key, body[key]]));
  };

  it('counts the live rows of the live projects of the caller’s workspace only', async () => {
    const before = await counts(admin);
    const project = async (name: string) =>
      (await call(admin, 'POST', '/projects', { name, url: 'https://shop.test' })).json().id as string;
    const shop = await project('Shop');
    const binned = await project('Old shop');
    const test = async (projectId: string, name: string) =>
      (await call(admin, 'POST', `/projects/${projectId}/tests`, { name })).json().id as string;
    const [a, b, c, gone] = [
      await test(shop, 'A'),
      await test(shop, 'B'),
      await test(shop, 'C'),
      await test(shop, 'D'),
    ];
    await test(binned, 'In a binned project');
    expect((await call(admin, 'PATCH', `/projects/${shop}/tests/${a}/approve`)).statusCode).toBe(200);
    expect((await call(admin, 'PATCH', `/projects/${shop}/tests/${b}/reject`)).statusCode).toBe(200);
    expect((await call(admin, 'DELETE', `/projects/${shop}/tests/${gone}`)).statusCode).toBe(200);

    const { db } = t.container.database;
    for (const [id, projectId, deletedAt] of [
      [`RUN-s1-${dialect}`, shop, null],
      [`RUN-s2-${dialect}`, shop, new Date().toISOString()],
      [`RUN-s3-${dialect}`, binned, null],
    ] as const) {
      await db
        .insertInto('runs')
        .values(runRow({ id, projectId, workspaceId: admin.workspaceId, status: 'completed', deletedAt }))
        .execute();
    }
    // Healing memories count for binned tests too (they come back with the test), not for binned projects.
    for (const [testId, key] of [
      [c, 'c'],
      [gone, 'gone'],
    ] as const) {
      await db
        .insertInto('healing_history')
        .values({
          key: `${testId}::click::${key}`,
          testId,
          strategyVersion: null,
          strategy: 'css',
          succeededAt: null,
          evidence: null,
          updatedAt: new Date().toISOString(),
        })
        .execute();
    }
    const schedule = (projectId: string, enabled: boolean) =>
      call(admin, 'PATCH', `/projects/${projectId}/schedule`, { cronExpr: '0 3 * * 1', enabled });
    expect((await schedule(shop, true)).statusCode).toBe(200);
    expect((await schedule(binned, true)).statusCode).toBe(200);
    expect((await call(admin, 'DELETE', `/projects/${binned}`)).statusCode).toBe(200);

    const after = await counts(admin);
    expect(after).toMatchObject({
      projects: before.projects + 1,
      tests: before.tests + 3,
      approvedTests: before.approvedTests + 1,
      draftTests: before.draftTests + 1,
      runs: before.runs + 1,
      healingEntries: before.healingEntries + 2,
      activeSchedules: 1,
    });
    expect(after.activities).toBeGreaterThan(before.activities);

    // A disabled schedule is not armed.
    expect((await schedule(shop, false)).statusCode).toBe(200);
    expect((await counts(admin)).activeSchedules).toBe(0);

    expect(await counts(outsider)).toEqual({
      projects: 0,
      tests: 0,
      approvedTests: 0,
      draftTests: 0,
      runs: 0,
      activities: expect.any(Number),
      healingEntries: 0,
      activeSchedules: 0,
    });
  });

  it('lists chromium, firefox and webkit with whether runs can use each, and the Playwright version', async () => {
    const body = (await call(admin, 'GET', '/system')).json();
    expect(body.browsers.map((entry: { engine: string }) => entry.engine)).toEqual(['chromium', 'firefox', 'webkit']);
    expect(body.browsers[0]).toEqual(body.browser);
    expect(body.playwrightVersion).toMatch(/^\d+\.\d+\.\d+/);
    expect(body.memoryMB).toBeGreaterThan(0);
  });

  it('logs a dashboard error at warn with who hit it, and always answers ok', async () => {
    const report = {
      message: 'Cannot read properties of undefined (reading "name")',
      stack: 'TypeError: Cannot read properties of undefined\n    at RunHistory (RunHistory.tsx:12:3)',
      componentStack: '\n    at RunHistory\n    at TestDetailPage',
      url: 'https://sentri.example/tests/TC-1',
    };
    // The dashboard posts with its cookie and CSRF header, like every mutation.
    const sent = await t.app.inject({
      method: 'POST',
      url: '/api/v1/system/client-error',
      headers: browser(admin),
      payload: report,
    });
    expect(sent.statusCode).toBe(200);
    expect(sent.json()).toEqual({ ok: true });
    const logged = t.logs.find((line) => line.msg === 'dashboard error reported');
    expect(logged).toMatchObject({
      level: 40,
      userId: admin.userId,
      workspaceId: admin.workspaceId,
      clientError: report,
    });

    expect((await call(admin, 'POST', '/system/client-error', {})).json()).toEqual({ ok: true });
    // No body at all is an empty report, still ok.
    expect((await call(admin, 'POST', '/system/client-error')).json()).toEqual({ ok: true });
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/system/client-error', payload: {} })).statusCode).toBe(
      401,
    );
    const huge = await call(admin, 'POST', '/system/client-error', { message: 'x'.repeat(2001) });
    expect(huge.statusCode).toBe(400);
    expect(huge.json()).toMatchObject({ code: 'REQUEST_VALIDATION_FAILED' });
  });
});
