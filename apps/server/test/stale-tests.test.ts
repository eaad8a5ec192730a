/* eslint-disable @typescript-eslint/no-explicit-any -- JSON bodies of many shapes, asserted field by field */
import type { Clock } from '@sentri/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, signUp, type TestSession } from './support/sessions.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** Time moves only when the test says so. */
const clock: Clock & { at: number } = {
  at: Date.parse('2026-01-05T10:00:00.000Z'),
  now: () => new Date(clock.at),
};

describe('the weekly stale-test sweep', () => {
  let t: TestApp;
  let lead: TestSession;
  let projectId: string;
  const call = async (method: string, url: string, payload?: object) => {
    const response = await t.app.inject({
      method: method as 'GET',
      url: `/api/v1${url}`,
      headers: bearer(lead),
      payload,
    });
    return { status: response.statusCode, body: response.json() as any };
  };
  const addTest = async (name: string, approve: boolean) => {
    const id = (await call('POST', `/projects/${projectId}/tests`, { name })).body.id as string;
    if (approve) expect((await call('PATCH', `/projects/${projectId}/tests/${id}/approve`)).status).toBe(200);
    return id;
  };

  /** The old session expired while the clock jumped ahead. */
  const freshSession = async () => {
    const user = { id: lead.userId, email: lead.email, name: lead.email };
    lead = { ...lead, token: (await t.container.services.sessions.issue(user, lead.workspaceId)).token };
  };

  beforeAll(async () => {
    t = await createTestApp({ clock, env: { STALE_TEST_DAYS: '90' } });
    lead = await signUp(t.app, { name: 'Lead' });
    projectId = (await call('POST', '/projects', { name: 'Shop', url: 'https://shop.test' })).body.id;
  });
  afterAll(() => t?.close());

  it('flags approved tests nobody ran for STALE_TEST_DAYS, on its own schedule, once', async () => {
    const forgotten = await addTest('Forgotten checkout', true);
    await addTest('Draft nobody reviewed', false);
    const ran = await addTest('Runs every night', true);
    // Armed by the first pass; it does not sweep at start-up.
    expect((await t.container.services.scheduler.poll()).staleSweep).toBeUndefined();

    // 97 days later, a Sunday just after 03:00 UTC (the default STALE_SWEEP_CRON).
    clock.at = Date.parse('2026-04-12T03:00:30.000Z');
    await freshSession();
    await t.container.repositories.tests.recordResult(ran, 'passed', new Date(clock.at - 86_400_000).toISOString());
    const approvedToday = await addTest('Approved today', true);
    const report = await t.container.services.scheduler.poll();
    expect(report.staleSweep).toEqual({ flagged: 1, cleared: 0, staleDays: 90 });
    expect((await t.container.services.scheduler.poll()).staleSweep).toBeUndefined();

    const stale = (await call('GET', `/projects/${projectId}/tests?stale=true&page=1&pageSize=50`)).body;
    expect(stale.data.map((test: any) => test.id)).toEqual([forgotten]);
    expect(stale.data[0].isStale).toBe(true);
    expect((await call('GET', `/projects/${projectId}/tests/counts`)).body.stale).toBe(1);
    expect(stale.data.map((test: any) => test.id)).not.toContain(approvedToday);

    // Running it clears the flag at once; the next sweep keeps it clear.
    await t.container.repositories.tests.recordResult(forgotten, 'passed', clock.now().toISOString());
    clock.at = Date.parse('2026-04-19T03:01:00.000Z');
    await freshSession();
    expect((await t.container.services.scheduler.poll()).staleSweep).toEqual({ flagged: 0, cleared: 0, staleDays: 90 });
    expect((await call('GET', `/projects/${projectId}/tests/counts`)).body.stale).toBe(0);
  });
});
