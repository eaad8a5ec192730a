import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test-support/databases.js';
import { runRow } from '../../../test-support/rows.js';
import { bearer, signUp, type TestSession } from './support/sessions.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe.each(DIALECTS)('dashboard on %s', (dialect) => {
  let t: TestApp;
  let admin: TestSession;
  let outsider: TestSession;
  beforeAll(async () => {
    t = await createTestApp({ dialect });
    admin = await signUp(t.app);
    outsider = await signUp(t.app);
  });
  afterAll(() => t.close());

  const call = (session: TestSession, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: bearer(session), ...(payload ? { payload } : {}) });

  it('starts empty', async () => {
    const empty = (await call(admin, 'GET', '/dashboard')).json();
    expect(empty).toMatchObject({
      totalProjects: 0,
      totalTests: 0,
      totalRuns: 0,
      passRate: null,
      mttrMs: null,
      testsByUrl: {},
      recentRuns: [],
    });
    expect(empty.testGrowth).toHaveLength(8);
  });

  it('adds up tests, runs, results, defects, flakiness and repair time of this workspace only', async () => {
    const projectId = (await call(admin, 'POST', '/projects', { name: 'Shop', url: 'https://shop.test' })).json().id;
    const ids: string[] = [];
    for (const name of ['A', 'B', 'C'])
      ids.push((await call(admin, 'POST', `/projects/${projectId}/tests`, { name })).json().id);
    await call(admin, 'PATCH', `/projects/${projectId}/tests/${ids[0]}/approve`);
    await call(admin, 'PATCH', `/projects/${projectId}/tests/${ids[1]}/reject`);
    const { db } = t.container.database;
    await db.updateTable('tests').set({ flakyScore: 50 }).where('id', '=', ids[0]!).execute();

    const base = Date.parse('2026-11-20T10:00:00.000Z');
    const runs = [
      {
        id: 'RUN-d1',
        passed: 1,
        failed: 1,
        total: 2,
        duration: 1000,
        results: [
          ['passed', null],
          ['failed', "locator('#buy') strict mode violation"],
        ],
      },
      {
        id: 'RUN-d2',
        passed: 0,
        failed: 2,
        total: 2,
        duration: 3000,
        results: [
          // The runner's stored category wins over words in the message…
          [
            'failed',
            "locator.click: Timeout 30000ms exceeded.\nCall log:\n  - waiting for getByRole('button', { name: 'Buy' })",
            'SELECTOR_ISSUE',
          ],
          // …an assertion's call log mentioning its timeout is still an assertion…
          ['failed', 'expect(locator).toHaveText failed\n\nTimeout: 5000ms'],
          // …and results stored without a category are read from the message.
          ['failed', 'Timeout 30000ms exceeded.'],
        ],
      },
      {
        id: 'RUN-d3',
        passed: 2,
        failed: 0,
        total: 2,
        duration: 2000,
        results: [
          ['passed', null],
          ['passed', null],
        ],
      },
    ] as const;
    for (const [index, run] of runs.entries()) {
      const startedAt = new Date(base + index * 60_000).toISOString();
      await db
        .insertInto('runs')
        .values(
          runRow({
            id: `${run.id}-${dialect}`,
            projectId,
            workspaceId: admin.workspaceId,
            status: 'completed',
            startedAt,
            finishedAt: startedAt,
            duration: run.duration,
            passed: run.passed,
            failed: run.failed,
            total: run.total,
            feedbackLoop: index === 2 ? JSON.stringify({ improved: 2 }) : null,
          }),
        )
        .execute();
      for (const [position, [status, error, category]] of run.results.entries()) {
        await db
          .insertInto('run_results')
          .values({
            runId: `${run.id}-${dialect}`,
            position,
            testId: ids[position]!,
            testName: 'x',
            status,
            durationMs: 10,
            error,
            failureCategory: category ?? null,
            browser: 'chromium',
            startedAt: null,
          })
          .execute();
      }
    }
    await db
      .insertInto('healing_history')
      .values({
        key: `${ids[0]}::click::Buy`,
        testId: ids[0]!,
        strategyIndex: 2,
        strategyVersion: null,
        succeededAt: new Date(base).toISOString(),
        evidence: null,
        updatedAt: new Date(base).toISOString(),
      })
      .execute();

    const dashboard = (await call(admin, 'GET', '/dashboard')).json();
    expect(dashboard).toMatchObject({
      totalProjects: 1,
      totalTests: 3,
      totalRuns: 3,
      testsByReview: { draft: 1, approved: 1, rejected: 1 },
      passRate: 50,
      avgRunDurationMs: 2000,
      runsByStatus: { completed: 3, failed: 0 },
      defectBreakdown: { SELECTOR_ISSUE: 2, TIMEOUT: 1, ASSERTION_FAIL: 1, NAVIGATION_FAIL: 0, UNKNOWN: 0 },
      flakyTestCount: 2,
      mttrMs: 90_000,
      testsAutoFixed: 2,
      healingEntries: 1,
      healingSuccesses: 1,
      testsCreatedToday: 3,
      testsGeneratedTotal: 3,
      topFlakyTests: [{ testId: ids[0], name: 'A', flakyScore: 50, projectId }],
      testsByUrl: { 'https://shop.test': 1 },
    });
    expect(dashboard.history.map((entry: { passed: number }) => entry.passed)).toEqual([1, 0, 2]);
    expect(dashboard.recentRuns[0]).toMatchObject({ id: `RUN-d3-${dialect}`, projectName: 'Shop' });
    expect(dashboard.testGrowth.at(-1).count).toBe(3);

    expect((await call(outsider, 'GET', '/dashboard')).json()).toMatchObject({
      totalProjects: 0,
      totalTests: 0,
      totalRuns: 0,
    });
  });
});
