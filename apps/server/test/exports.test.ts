import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, signUp, type TestSession } from './support/sessions.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('CSV exports and traceability', () => {
  let t: TestApp;
  let admin: TestSession;
  let outsider: TestSession;
  let projectId: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await signUp(t.app);
    outsider = await signUp(t.app);
    projectId = (await call(admin, 'POST', '/projects', { name: 'Café Shop!', url: 'https://shop.test' })).json().id;
    const checkout = (
      await call(admin, 'POST', `/projects/${projectId}/tests`, {
        name: 'Checkout "express"',
        description: 'Pays, with a comma',
        priority: 'high',
        steps: [
          'Open the shop',
          { action: 'click', selector: 'role=button[name="Buy"]' },
          { action: 'assert', selector: 'h1', expected: 'Merci 🎉' },
        ],
      })
    ).json();
    await call(admin, 'PATCH', `/tests/${checkout.id}`, { linkedIssueKey: 'SHOP-12', tags: ['smoke', 'payments'] });
    await call(admin, 'PATCH', `/projects/${projectId}/tests/${checkout.id}/approve`);
    await call(admin, 'POST', `/projects/${projectId}/tests`, { name: 'Empty draft', priority: 'low' });
  });
  afterAll(() => t.close());

  function call(session: TestSession, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) {
    return t.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: bearer(session),
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  }
  const lines = (body: string) => body.replace(/^\uFEFF/, '').split('\n');

  it('exports Zephyr Scale rows per step, quoted, with a BOM and a download name', async () => {
    const response = await call(admin, 'GET', `/projects/${projectId}/tests/export/zephyr`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="sentri-Caf-Shop-zephyr.csv"');
    expect(response.body.startsWith('\uFEFF"Name","Objective",')).toBe(true);
    const rows = lines(response.body);
    expect(rows).toHaveLength(1 + 3 + 1);
    expect(rows[1]).toBe(
      '"Checkout ""express""","Pays, with a comma","","/Manual","Approved","High","","manual positive smoke payments","Open the shop","","","SHOP-12"',
    );
    expect(rows[2]).toBe('"","","","","","","","","Click role=button[name=""Buy""]","","",""');
    expect(rows[3]).toContain('"Check that h1 shows ""Merci 🎉""","","Merci 🎉",""');
    expect(rows[4]).toBe('"Empty draft","","","/Manual","Draft","Low","","manual positive","","","",""');
    const approvedOnly = lines(
      (await call(admin, 'GET', `/projects/${projectId}/tests/export/zephyr?status=approved`)).body,
    );
    expect(approvedOnly).toHaveLength(4);
  });

  it('exports TestRail rows per test with numbered steps', async () => {
    const response = await call(admin, 'GET', `/projects/${projectId}/tests/export/testrail`);
    expect(response.headers['content-disposition']).toBe('attachment; filename="sentri-Caf-Shop-testrail.csv"');
    const body = response.body.replace(/^\uFEFF/, '');
    expect(body.split('\n')[0]).toBe(
      '"Title","Section","Type","Priority","Preconditions","Steps","Expected Result","References"',
    );
    expect(body).toContain(
      '"Checkout ""express""","Manual","Functional","Critical","","1. Open the shop\n2. Click role=button[name=""Buy""]\n3. Check that h1 shows ""Merci 🎉""","Merci 🎉","SHOP-12"',
    );
    expect(body).toContain('"Empty draft","Manual","Functional","Low","","","",""');
  });

  it('maps linked issues to tests and lists the rest as unlinked', async () => {
    const matrix = (await call(admin, 'GET', `/projects/${projectId}/tests/traceability`)).json();
    expect(matrix).toMatchObject({
      projectId,
      projectName: 'Café Shop!',
      totalTests: 2,
      linkedIssues: 1,
      unlinkedTests: 1,
    });
    expect(matrix.matrix['SHOP-12'][0]).toMatchObject({
      name: 'Checkout "express"',
      reviewStatus: 'approved',
      tags: ['smoke', 'payments'],
    });
    expect(matrix.unlinked[0].name).toBe('Empty draft');
  });

  it('answers 404 for another workspace’s project', async () => {
    for (const url of ['tests/export/zephyr', 'tests/export/testrail', 'tests/traceability']) {
      const response = await call(outsider, 'GET', `/projects/${projectId}/${url}`);
      expect(response.statusCode, url).toBe(404);
      expect(response.json().error).toBe('project not found');
    }
  });
});
