import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test-support/databases.js';
import { bearer, signUp, type TestSession } from './support/sessions.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe.each(DIALECTS)('tests and their review on %s', (dialect) => {
  let t: TestApp;
  let admin: TestSession;
  let outsider: TestSession;
  let projectId: string;
  beforeAll(async () => {
    t = await createTestApp({ dialect });
    admin = await signUp(t.app, { name: 'Ada' });
    outsider = await signUp(t.app, { name: 'Eve' });
    projectId = (await call(admin, 'POST', '/projects', { name: 'Shop', url: 'https://shop.test' })).json().id;
  });
  afterAll(() => t.close());

  function call(session: TestSession, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) {
    return t.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: bearer(session),
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  }
  const create = async (payload: object, project = projectId) => {
    const response = await call(admin, 'POST', `/projects/${project}/tests`, payload);
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  };

  it.each([
    [{}, 'Test name is required.'],
    [{ name: ' ' }, 'Test name is required.'],
    [{ name: 'A', steps: 'click' }, 'Steps must be an array.'],
    [{ name: 'A', steps: Array(101).fill('x') }, 'Maximum 100 steps per test.'],
    [
      { name: 'A', steps: [42] },
      'Each step must be a string or a step object ({ action, selector?, url?, value?, expected? }).',
    ],
    [
      { name: 'A', steps: [{ action: 'teleport' }] },
      'Step action must be one of: navigate, click, fill, select, check, uncheck, press, hover, assert, wait.',
    ],
    [{ name: 'A', priority: 'urgent' }, 'Priority must be low, medium, or high.'],
    [{ name: 'A', type: 7 }, 'Type must be a string.'],
  ])('refuses %j with “%s”, before looking up the project', async (payload, message) => {
    for (const project of [projectId, 'PRJ-999999']) {
      const response = await call(admin, 'POST', `/projects/${project}/tests`, payload);
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toBe(message);
    }
  });

  it('creates a draft with plain and structured steps, from the project it belongs to', async () => {
    const test = await create({
      name: '  Checkout  ',
      description: ' Buys a thing ',
      steps: [
        'Open the shop',
        { action: 'click', selector: 'role=button[name="Buy"]' },
        { action: 'assert', expected: 'Thank you' },
      ],
      priority: 'high',
    });
    expect(test).toMatchObject({
      id: expect.stringMatching(/^TC-\d+$/),
      name: 'Checkout',
      description: 'Buys a thing',
      reviewStatus: 'draft',
      sourceUrl: 'https://shop.test',
      pageTitle: 'Shop',
      priority: 'high',
      type: 'manual',
      tags: [],
      isJourneyTest: false,
      reviewedAt: null,
      lastResult: null,
      workspaceId: admin.workspaceId,
    });
    expect(test.steps[1]).toEqual({ action: 'click', selector: 'role=button[name="Buy"]' });
    expect((await call(admin, 'POST', '/projects/PRJ-999999/tests', { name: 'x' })).json()).toMatchObject({
      error: 'project not found',
    });
  });

  it('lists flat without paging parameters and paged with them, clamping silently', async () => {
    const project = (await call(admin, 'POST', '/projects', { name: 'Paging', url: 'https://paging.test' })).json().id;
    for (let index = 1; index <= 12; index += 1) await create({ name: `Case ${index}` }, project);
    const flat = (await call(admin, 'GET', `/projects/${project}/tests?search=zzz`)).json();
    expect(Array.isArray(flat)).toBe(true);
    expect(flat).toHaveLength(12);
    const first = (await call(admin, 'GET', `/projects/${project}/tests?page=`)).json();
    expect(first.meta).toEqual({ total: 12, page: 1, pageSize: 10, hasMore: true });
    expect(first.data[0].name).toBe('Case 12');
    expect((await call(admin, 'GET', `/projects/${project}/tests?page=2&pageSize=10`)).json().meta).toEqual({
      total: 12,
      page: 2,
      pageSize: 10,
      hasMore: false,
    });
    expect((await call(admin, 'GET', `/projects/${project}/tests?pageSize=0`)).json().meta.pageSize).toBe(1);
    expect((await call(admin, 'GET', `/projects/${project}/tests?pageSize=500&page=-3`)).json().meta).toMatchObject({
      pageSize: 200,
      page: 1,
    });
    expect((await call(admin, 'GET', `/projects/${project}/tests?page=9`)).json()).toMatchObject({
      data: [],
      meta: { hasMore: false },
    });
  });

  it('filters paged lists by review status, search, category and staleness', async () => {
    const project = (await call(admin, 'POST', '/projects', { name: 'Filters', url: 'https://filters.test' })).json()
      .id;
    const login = await create({ name: 'Login WORKS' }, project);
    await create({ name: 'Logout' }, project);
    const api = await create({ name: 'API health' }, project);
    await t.container.database.db
      .updateTable('tests')
      .set({ generatedFrom: 'api_har_capture', isStale: 1 })
      .where('id', '=', api.id)
      .execute();
    await call(admin, 'PATCH', `/projects/${project}/tests/${login.id}/approve`);
    const names = async (query: string) =>
      (await call(admin, 'GET', `/projects/${project}/tests?page=1&${query}`))
        .json()
        .data.map((test: { name: string }) => test.name)
        .sort();
    expect(await names('reviewStatus=approved')).toEqual(['Login WORKS']);
    expect(await names('reviewStatus=all')).toHaveLength(3);
    expect(await names('search=login')).toEqual(['Login WORKS']);
    expect(await names('search=FILTERS.test')).toHaveLength(3);
    expect(await names('category=api')).toEqual(['API health']);
    expect(await names('category=ui')).toEqual(['Login WORKS', 'Logout']);
    expect(await names('stale=true')).toEqual(['API health']);
    expect((await call(admin, 'GET', `/projects/${project}/tests/counts`)).json()).toEqual({
      draft: 2,
      approved: 1,
      rejected: 0,
      passed: 0,
      failed: 0,
      api: 1,
      ui: 2,
      stale: 1,
      total: 3,
    });
  });

  it('edits: content changes go back to draft and keep the previous code; tags do not', async () => {
    const test = await create({ name: 'Edit me', playwrightCode: "await page.goto('/');" });
    expect(test.playwrightCode).toBe(`test("Edit me", async ({ page }) => {\n  await page.goto('/');\n});\n`);
    await call(admin, 'PATCH', `/projects/${projectId}/tests/${test.id}/approve`);
    const tagged = (
      await call(admin, 'PATCH', `/tests/${test.id}`, { tags: [' smoke ', '', 3], linkedIssueKey: ' JIRA-1 ' })
    ).json();
    expect(tagged).toMatchObject({ reviewStatus: 'approved', tags: ['smoke', '3'], linkedIssueKey: 'JIRA-1' });
    const edited = (
      await call(admin, 'PATCH', `/tests/${test.id}`, {
        playwrightCode: "test('Edit me', async ({ page }) => { await page.goto('/cart'); });",
      })
    ).json();
    expect(edited).toMatchObject({
      reviewStatus: 'draft',
      reviewedAt: null,
      playwrightCode: "test('Edit me', async ({ page }) => { await page.goto('/cart'); });\n",
      playwrightCodePrev: test.playwrightCode,
    });
    expect(edited._codeDiff).toContain("+test('Edit me', async ({ page }) => { await page.goto('/cart'); });");
    await call(admin, 'PATCH', `/projects/${projectId}/tests/${test.id}/approve`);
    expect((await call(admin, 'PATCH', `/tests/${test.id}`, { name: 'Edit me' })).json().reviewStatus).toBe('approved');
    // Hand-written code is never overwritten by new steps: it is reported stale instead.
    const restepped = (
      await call(admin, 'PATCH', `/tests/${test.id}`, { steps: [{ action: 'navigate', url: '/' }] })
    ).json();
    expect(restepped).toMatchObject({ reviewStatus: 'draft', _codeStale: true, playwrightCode: edited.playwrightCode });
    for (const [payload, message] of [
      [{ name: '' }, 'Name must be a non-empty string.'],
      [{ tags: 'x' }, 'Tags must be an array.'],
      [{ tags: Array(21).fill('t') }, 'Maximum 20 tags per test.'],
      [{ priority: 'meh' }, 'Priority must be low, medium, or high.'],
    ] as const) {
      expect((await call(admin, 'PATCH', '/tests/TC-999999', payload)).json().error).toBe(message);
    }
    expect((await call(admin, 'PATCH', '/tests/TC-999999', { name: 'ok' })).statusCode).toBe(404);
  });

  it('compiles structured steps into code, and recompiles it with a diff when the steps change', async () => {
    const test = await create({
      name: 'Search',
      steps: [
        'Open the shop',
        { action: 'navigate', url: '/' },
        { action: 'fill', selector: 'label=Search', value: 'socks' },
      ],
    });
    expect(test.playwrightCode).toBe(
      'test("Search", async ({ page }) => {\n  // Open the shop\n  await sentri.navigate(page, "/");\n  await sentri.fill(page, "label=Search", "socks");\n});\n',
    );
    const edited = (
      await call(admin, 'PATCH', `/tests/${test.id}`, {
        steps: [
          { action: 'navigate', url: '/' },
          { action: 'fill', selector: 'label=Search', value: 'hats' },
          { action: 'press', value: 'Enter' },
        ],
      })
    ).json();
    expect(edited.playwrightCode).toContain('await sentri.fill(page, "label=Search", "hats");');
    expect(edited.playwrightCodePrev).toBe(test.playwrightCode);
    expect(edited._codeDiff).toContain('-  await sentri.fill(page, "label=Search", "socks");');
    expect(edited._codeDiff).toContain('+  await sentri.press(page, "Enter");');
    expect(edited._codeStale).toBeUndefined();
  });

  it('approves, rejects, restores and deletes, and hides everything from another workspace', async () => {
    const test = await create({ name: 'Review me' });
    expect((await call(admin, 'PATCH', `/projects/${projectId}/tests/${test.id}/reject`)).json()).toMatchObject({
      reviewStatus: 'rejected',
      reviewedAt: expect.any(String),
    });
    expect((await call(admin, 'PATCH', `/projects/${projectId}/tests/${test.id}/restore`)).json()).toMatchObject({
      reviewStatus: 'draft',
      reviewedAt: null,
    });
    for (const [method, url] of [
      ['GET', `/tests/${test.id}`],
      ['PATCH', `/projects/${projectId}/tests/${test.id}/approve`],
      ['DELETE', `/projects/${projectId}/tests/${test.id}`],
      ['GET', `/projects/${projectId}/tests`],
    ] as const) {
      expect((await call(outsider, method, url)).statusCode, `${method} ${url}`).toBe(404);
    }
    expect((await call(outsider, 'GET', '/tests')).json()).toEqual([]);
    expect((await call(admin, 'DELETE', `/projects/${projectId}/tests/${test.id}`)).json()).toEqual({ ok: true });
    expect((await call(admin, 'GET', `/tests/${test.id}`)).statusCode).toBe(404);
    expect((await call(admin, 'DELETE', `/projects/${projectId}/tests/${test.id}`)).statusCode).toBe(404);
  });

  it('runs bulk actions on up to 500 tests, skipping unknown ones, after checking the project', async () => {
    const project = (await call(admin, 'POST', '/projects', { name: 'Bulk', url: 'https://bulk.test' })).json().id;
    const ids = [];
    for (let index = 0; index < 3; index += 1) ids.push((await create({ name: `Bulk ${index}` }, project)).id);
    expect((await call(admin, 'POST', '/projects/PRJ-999999/tests/bulk', {})).statusCode).toBe(404);
    for (const [payload, message] of [
      [{ testIds: [], action: 'approve' }, 'testIds must be a non-empty array.'],
      [{ testIds: Array(501).fill('TC-1'), action: 'approve' }, 'Maximum 500 tests per bulk action.'],
      [{ testIds: [1], action: 'approve' }, 'Each testId must be a string.'],
      [{ testIds: ids, action: 'explode' }, 'Action must be approve, reject, restore, or delete.'],
    ] as const) {
      expect((await call(admin, 'POST', `/projects/${project}/tests/bulk`, payload)).json().error).toBe(message);
    }
    const approved = (
      await call(admin, 'POST', `/projects/${project}/tests/bulk`, {
        testIds: [...ids, 'TC-999999'],
        action: 'approve',
      })
    ).json();
    expect(approved.updated).toBe(3);
    expect(approved.tests.every((test: { reviewStatus: string }) => test.reviewStatus === 'approved')).toBe(true);
    const deleted = (
      await call(admin, 'POST', `/projects/${project}/tests/bulk`, { testIds: ids.slice(0, 2), action: 'delete' })
    ).json();
    expect(deleted).toMatchObject({ deleted: 2, tests: expect.arrayContaining([{ id: ids[0], name: 'Bulk 0' }]) });
    expect((await call(admin, 'GET', `/projects/${project}/tests/counts`)).json().total).toBe(1);
    const types = (await call(admin, 'GET', `/activities?projectId=${project}`))
      .json()
      .map((activity: { type: string }) => activity.type);
    expect(types).toEqual(
      expect.arrayContaining(['test.create', 'test.approve', 'test.bulk_approve', 'test.bulk_delete']),
    );
  });

  it('lists every live test of the workspace, not those of deleted projects', async () => {
    const all = (await call(admin, 'GET', '/tests')).json();
    const paged = (await call(admin, 'GET', '/tests?pageSize=5')).json();
    expect(paged.meta.total).toBe(all.length);
    const doomed = (await call(admin, 'POST', '/projects', { name: 'Doomed', url: 'https://doomed.test' })).json().id;
    await create({ name: 'Goes with the project' }, doomed);
    expect((await call(admin, 'GET', '/tests')).json()).toHaveLength(all.length + 1);
    await call(admin, 'DELETE', `/projects/${doomed}`);
    expect((await call(admin, 'GET', '/tests')).json()).toHaveLength(all.length);
  });
});
