/* eslint-disable @typescript-eslint/no-explicit-any -- JSON bodies of many shapes, asserted field by field */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Clock } from '@sentri/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTodoApp, type TodoApp } from '../../../fixtures/todo/server.js';
import { bearerApi, waitForRun, type ApiCall } from './support/bearer-api.js';
import { signUp, type TestSession } from './support/sessions.js';
import { startLiveApp, type LiveApp } from './support/live-app.js';
import { DIALECTS, scratchDatabase, type ScratchDatabase } from '../../../test-support/databases.js';

const PASSES = `test('lists nothing yet', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});`;

/** A clock the test moves by hand, shared by every process it builds. */
class TestClock implements Clock {
  constructor(private at: number) {}
  now = () => new Date(this.at);
  set(iso: string) {
    this.at = Date.parse(iso);
  }
  advance(ms: number) {
    this.at += ms;
  }
}

const ENV = { RATE_LIMIT_GENERAL: '100000/1m', RATE_LIMIT_EXPENSIVE: '1000/1m', SCHEDULER_POLL_MS: '60000' };

describe.each(DIALECTS)('schedules on %s', (dialect) => {
  const clock = new TestClock(Date.parse('2026-03-02T08:00:00.000Z'));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sentri-schedules-'));
  let scratch: ScratchDatabase | undefined;
  let todo: TodoApp;
  let first: LiveApp;
  let second: LiveApp;
  let lead: TestSession;
  let api: ApiCall;
  let projectId: string;

  beforeAll(async () => {
    todo = await startTodoApp();
    // Two processes' worth of app on one database, as in a cluster: both run a scheduler.
    scratch = dialect === 'postgres' ? await scratchDatabase('postgres') : undefined;
    const env = { ...ENV, ...(scratch?.url ? { DATABASE_URL: scratch.url } : {}) };
    first = await startLiveApp({ env, dataDir, clock });
    second = await startLiveApp({ env, dataDir, clock });
    lead = await signUp(first.app, { name: 'Lead' });
    api = bearerApi(first.url, () => lead.token);
    projectId = (await api('POST', '/projects', { name: 'Todo', url: todo.url })).body.id;
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
    await todo?.close();
    await scratch?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses what is not a standard 5-field expression in a real time zone, in the documented order', async () => {
    const patch = (body: unknown) => api('PATCH', `/projects/${projectId}/schedule`, body);
    expect(await patch({})).toMatchObject({
      status: 400,
      body: { error: 'cronExpr is required', code: 'SCHEDULE_CRON_REQUIRED' },
    });
    expect(await patch({ cronExpr: 42 })).toMatchObject({ status: 400, body: { code: 'SCHEDULE_CRON_REQUIRED' } });
    expect(await patch({ cronExpr: '61 * * * *' })).toMatchObject({
      status: 400,
      body: { error: 'Invalid cron expression: "61 * * * *"', code: 'SCHEDULE_CRON_INVALID' },
    });
    for (const cronExpr of ['*/30 * * * * *', '@daily'])
      expect(await patch({ cronExpr })).toMatchObject({ status: 400, body: { code: 'SCHEDULE_CRON_NOT_FIVE_FIELDS' } });
    expect(await patch({ cronExpr: '0 2 * * *', timezone: 'Mars/Olympus' })).toMatchObject({
      status: 400,
      body: { error: 'Invalid timezone: "Mars/Olympus"', code: 'SCHEDULE_TIMEZONE_INVALID' },
    });
    expect((await api('PATCH', '/projects/PRJ-999/schedule', { cronExpr: 'bad' })).status).toBe(404);
    expect((await api('GET', `/projects/${projectId}/schedule`)).body).toEqual({ schedule: null });
  });

  it('computes the next run in the schedule’s own time zone, also while disabled', async () => {
    const set = await api('PATCH', `/projects/${projectId}/schedule`, {
      cronExpr: '30 9 * * 1-5',
      timezone: 'America/New_York',
      enabled: 0,
    });
    expect(set.status).toBe(200);
    // Monday 08:00 UTC is 03:00 in New York (EST): 09:30 EST the same day is 14:30 UTC.
    expect(set.body.schedule).toMatchObject({
      id: expect.stringMatching(/^SCH-\d+$/),
      cronExpr: '30 9 * * 1-5',
      timezone: 'America/New_York',
      enabled: false,
      nextRunAt: '2026-03-02T14:30:00.000Z',
      lastRunAt: null,
    });
    const again = await api('PATCH', `/projects/${projectId}/schedule`, { cronExpr: '0 0 1 1 *' });
    expect(again.body.schedule).toMatchObject({ id: set.body.schedule.id, timezone: 'UTC', enabled: true });
    expect((await api('GET', `/projects/${projectId}/schedule`)).body.schedule.nextRunAt).toBe(
      '2027-01-01T00:00:00.000Z',
    );
    // Disabled schedules never fire, however late it gets.
    await api('PATCH', `/projects/${projectId}/schedule`, { cronExpr: '* * * * *', enabled: false });
    clock.advance(120_000);
    expect(await first.container.services.scheduler.poll()).toMatchObject({ started: [], skipped: 0, missed: 0 });
  });

  it('skips a due run when there is nothing to run, and says so in the history', async () => {
    await api('PATCH', `/projects/${projectId}/schedule`, { cronExpr: '* * * * *' });
    clock.advance(60_000);
    const report = await first.container.services.scheduler.poll();
    expect(report).toMatchObject({ started: [], skipped: 1 });
    const { ticks } = (await api('GET', `/projects/${projectId}/schedule/history`)).body;
    expect(ticks[0]).toMatchObject({
      outcome: 'skipped_no_tests',
      runId: null,
      detail: 'no tests found, crawl first',
    });
  });

  it('fires a due run exactly once when two processes poll the same database at the same moment', async () => {
    const created = await api('POST', `/projects/${projectId}/tests`, { name: 'Home page', playwrightCode: PASSES });
    await api('PATCH', `/projects/${projectId}/tests/${created.body.id}/approve`);
    const due = (await api('GET', `/projects/${projectId}/schedule`)).body.schedule.nextRunAt;
    clock.set(due);
    clock.advance(5_000);
    const reports = await Promise.all([
      first.container.services.scheduler.poll(),
      second.container.services.scheduler.poll(),
      first.container.services.scheduler.poll(),
      second.container.services.scheduler.poll(),
    ]);
    const started = reports.flatMap((report) => report.started);
    expect(started).toHaveLength(1);
    // The losers never tried: a second attempt would have been skipped as "already active".
    expect(reports.reduce((sum, report) => sum + report.skipped, 0)).toBe(0);
    const run = await waitForRun(api, started[0] as string);
    expect(run).toMatchObject({ status: 'completed', passed: 1, failed: 0, type: 'test_run' });

    const { ticks } = (await api('GET', `/projects/${projectId}/schedule/history`)).body;
    expect(ticks.filter((tick: any) => tick.dueAt === due)).toEqual([
      expect.objectContaining({ outcome: 'started', runId: started[0] }),
    ]);
    const schedule = (await api('GET', `/projects/${projectId}/schedule`)).body.schedule;
    expect(schedule.lastRunAt).not.toBeNull();
    expect(Date.parse(schedule.nextRunAt)).toBeGreaterThan(clock.now().getTime());
    const activities = (await api('GET', `/activities?projectId=${projectId}`)).body;
    const types = activities.map((activity: any) => activity.type);
    expect(types).toEqual(expect.arrayContaining(['scheduled_run.start', 'scheduled_run.complete']));
    expect(activities.find((activity: any) => activity.type === 'scheduled_run.start').userId).toBeNull();
  });

  it('reports the runs it missed while no scheduler was running instead of dropping or replaying them', async () => {
    const due = (await api('GET', `/projects/${projectId}/schedule`)).body.schedule.nextRunAt;
    // Down for three hours: 180 minutely runs were due.
    clock.set(due);
    clock.advance(3 * 3_600_000 - 1_000);
    const reports = await Promise.all([
      first.container.services.scheduler.poll(),
      second.container.services.scheduler.poll(),
    ]);
    expect(reports.reduce((sum, report) => sum + report.missed, 0)).toBe(1);
    expect(reports.flatMap((report) => report.started)).toEqual([]);
    const { ticks } = (await api('GET', `/projects/${projectId}/schedule/history`)).body;
    expect(ticks[0]).toMatchObject({
      dueAt: due,
      outcome: 'missed',
      detail: expect.stringContaining('Missed 180 scheduled run(s)'),
    });
    const activities = (await api('GET', `/activities?type=scheduled_run.missed`)).body;
    expect(activities).toHaveLength(1);
    // The schedule goes on from now: the next minute fires normally.
    const next = (await api('GET', `/projects/${projectId}/schedule`)).body.schedule.nextRunAt;
    expect(Date.parse(next) - clock.now().getTime()).toBeLessThanOrEqual(60_000);
  });

  it('stops firing once deleted', async () => {
    expect((await api('DELETE', `/projects/${projectId}/schedule`)).body).toEqual({ ok: true });
    expect((await api('DELETE', `/projects/${projectId}/schedule`)).body).toMatchObject({
      error: 'No schedule found for this project',
      code: 'SCHEDULE_NOT_FOUND',
    });
    clock.advance(10 * 60_000);
    expect(await first.container.services.scheduler.poll()).toMatchObject({ started: [], skipped: 0, missed: 0 });
  });
});
