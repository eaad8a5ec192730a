import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestSession } from './support/sessions.js';
import { bearer, signUp } from './support/sessions.js';
import { createTestApp, type TestApp } from './support/test-app.js';

type Requirement = 'public' | 'trigger' | 'user' | 'viewer' | 'qa_lead' | 'admin';

/**
 * API.md §3.4, the permission matrix, for every route the server has. A route missing here
 * fails the first test: adding an endpoint means deciding who may call it.
 */
const MATRIX: Record<string, Requirement> = {
  'GET /openapi.json': 'public',
  'POST /auth/register': 'public',
  'POST /auth/login': 'public',
  'GET /auth/verify': 'public',
  'POST /auth/resend-verification': 'public',
  'POST /auth/forgot-password': 'public',
  'POST /auth/reset-password': 'public',
  'GET /auth/providers': 'public',
  'GET /auth/github/callback': 'public',
  'GET /auth/google/callback': 'public',
  'POST /auth/logout': 'user',
  'POST /auth/refresh': 'user',
  'GET /auth/me': 'user',
  'GET /auth/export': 'user',
  'DELETE /auth/account': 'user',
  'GET /workspaces': 'viewer',
  'POST /workspaces/switch': 'viewer',
  'GET /workspaces/current': 'viewer',
  'PATCH /workspaces/current': 'admin',
  'GET /workspaces/current/members': 'viewer',
  'POST /workspaces/current/members': 'admin',
  'PATCH /workspaces/current/members/:userId': 'admin',
  'DELETE /workspaces/current/members/:userId': 'admin',
  'GET /system': 'viewer',
  'POST /system/client-error': 'viewer',
  'POST /test-connection': 'qa_lead',
  'GET /config': 'viewer',
  'GET /ollama/status': 'viewer',
  'GET /settings': 'admin',
  'POST /settings': 'admin',
  'DELETE /settings/:provider': 'admin',
  'POST /settings/:provider/test': 'admin',
  'POST /projects': 'qa_lead',
  'GET /projects': 'viewer',
  'GET /projects/:id': 'viewer',
  'PATCH /projects/:id': 'qa_lead',
  'DELETE /projects/:id': 'admin',
  'GET /projects/:id/tests': 'viewer',
  'GET /tests': 'viewer',
  'GET /tests/:testId': 'viewer',
  'GET /tests/:testId/results': 'viewer',
  'GET /projects/:id/tests/counts': 'viewer',
  'POST /projects/:id/tests': 'qa_lead',
  'PATCH /tests/:testId': 'qa_lead',
  'DELETE /projects/:id/tests/:testId': 'qa_lead',
  'PATCH /projects/:id/tests/:testId/approve': 'qa_lead',
  'PATCH /projects/:id/tests/:testId/reject': 'qa_lead',
  'PATCH /projects/:id/tests/:testId/restore': 'qa_lead',
  'POST /projects/:id/tests/bulk': 'qa_lead',
  'GET /projects/:id/tests/export/zephyr': 'viewer',
  'GET /projects/:id/tests/export/testrail': 'viewer',
  'GET /projects/:id/tests/traceability': 'viewer',
  'GET /projects/:id/export/playwright': 'viewer',
  'GET /dashboard': 'viewer',
  'GET /recycle-bin': 'viewer',
  'POST /restore/:type/:id': 'qa_lead',
  'DELETE /purge/:type/:id': 'admin',
  'DELETE /data/runs': 'admin',
  'DELETE /data/healing': 'admin',
  'GET /activities': 'viewer',
  'DELETE /data/activities': 'admin',
  'POST /projects/:id/run': 'qa_lead',
  'POST /projects/:id/crawl': 'qa_lead',
  'POST /projects/:id/tests/generate': 'qa_lead',
  'POST /tests/:testId/run': 'qa_lead',
  'GET /projects/:id/runs': 'viewer',
  'GET /runs/:runId': 'viewer',
  'POST /runs/:runId/abort': 'qa_lead',
  'GET /runs/:runId/events': 'viewer',
  'GET /events': 'viewer',
  'GET /artifacts/runs/:runId/:testId/:file': 'viewer',
  'GET /artifacts/baselines/:testId/:browser/:file': 'viewer',
  'GET /tests/:testId/baselines': 'viewer',
  'POST /tests/:testId/baselines/:stepNumber/accept': 'qa_lead',
  'DELETE /tests/:testId/baselines/:stepNumber': 'qa_lead',
  'GET /projects/:id/schedule': 'viewer',
  'PATCH /projects/:id/schedule': 'qa_lead',
  'DELETE /projects/:id/schedule': 'qa_lead',
  'GET /projects/:id/schedule/history': 'viewer',
  'GET /projects/:id/notifications': 'viewer',
  'PATCH /projects/:id/notifications': 'qa_lead',
  'DELETE /projects/:id/notifications': 'qa_lead',
  'GET /projects/:id/notifications/deliveries': 'viewer',
  'GET /projects/:id/trigger-tokens': 'viewer',
  'POST /projects/:id/trigger-tokens': 'admin',
  'DELETE /projects/:id/trigger-tokens/:tid': 'admin',
  'GET /runs/:runId/report.junit.xml': 'viewer',
  'GET /runs/:runId/report.ctrf.json': 'viewer',
  // A project's CI trigger token, never a session: every signed-in persona is refused as well.
  'POST /projects/:id/trigger': 'trigger',
  'GET /projects/:id/trigger/runs/:runId': 'trigger',
  'GET /projects/:id/trigger/runs/:runId/events': 'trigger',
  'GET /projects/:id/trigger/runs/:runId/report.junit.xml': 'trigger',
  'GET /projects/:id/trigger/runs/:runId/report.ctrf.json': 'trigger',
  'GET /projects/:id/trigger/export/playwright': 'trigger',
};

/** Bodies valid enough to reach the ownership lookup, so "not found" can show. */
const PAYLOADS: Record<string, object> = {
  'PATCH /workspaces/current/members/:userId': { role: 'viewer' },
  'POST /projects/:id/tests': { name: 'Matrix test' },
  'PATCH /tests/:testId': { name: 'Renamed' },
};

const WEIGHT = { viewer: 10, qa_lead: 20, admin: 30 } as const;
type Persona = 'anonymous' | 'outsider' | 'viewer' | 'qa_lead' | 'admin';
const PERSONAS: Persona[] = ['anonymous', 'outsider', 'viewer', 'qa_lead', 'admin'];

describe('who may call what', () => {
  let t: TestApp;
  const sessions = {} as Record<Exclude<Persona, 'anonymous'>, TestSession>;
  let bystander: TestSession;
  let projectId: string;
  let testId: string;

  beforeAll(async () => {
    t = await createTestApp({
      env: { RATE_LIMIT_FORGOT: '1000/15m', RATE_LIMIT_LOGIN: '1000/15m', RATE_LIMIT_GENERAL: '10000/15m' },
    });
    sessions.admin = await signUp(t.app, { name: 'Admin' });
    sessions.outsider = await signUp(t.app, { name: 'Outsider' });
    for (const role of ['viewer', 'qa_lead'] as const) {
      const session = await signUp(t.app, { name: role });
      await addMember(t, sessions.admin, session.email, role);
      sessions[role] = await switchTo(t, session, sessions.admin.workspaceId);
    }
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/projects',
      headers: bearer(sessions.admin),
      payload: { name: 'Shop', url: 'https://shop.test' },
    });
    projectId = created.json().id;
    const test = await t.app.inject({
      method: 'POST',
      url: `/api/v1/projects/${projectId}/tests`,
      headers: bearer(sessions.admin),
      payload: { name: 'Checkout works' },
    });
    testId = test.json().id;
    bystander = await signUp(t.app, { name: 'Bystander' });
    await addMember(t, sessions.admin, bystander.email, 'viewer');
  });
  afterAll(() => t.close());

  it('has a declared requirement for every API route, and every requirement has its route', () => {
    const registered = t.app.routeTable
      .filter((route) => route.url.startsWith('/api/v1/') && route.method !== 'HEAD')
      .map((route) => `${route.method} ${route.url.slice('/api/v1'.length)}`);
    expect([...new Set(registered)].sort()).toEqual(Object.keys(MATRIX).sort());
  });

  it.each(Object.entries(MATRIX))('%s requires %s', async (route, requirement) => {
    const [method = 'GET', path = ''] = route.split(' ');
    const url = `/api/v1${path.replace(':userId', bystander.userId).replace(':provider', 'openai').replace(':testId', testId).replace(':type', 'test').replace(':id', projectId).replace(':runId', 'RUN-404').replace(':file', 'screenshot.png').replace(':browser', 'chromium').replace(':stepNumber', '0').replace(':tid', 'WH-404')}`;
    for (const persona of PERSONAS) {
      // A fresh session per call: some routes (logout, refresh, switch) revoke the one they get.
      const headers = persona === 'anonymous' ? {} : await freshBearer(t, sessions[persona]);
      const response = await t.app.inject({
        method: method as 'GET',
        url,
        headers,
        ...(['POST', 'PATCH', 'PUT'].includes(method) ? { payload: PAYLOADS[route] ?? {} } : {}),
      });
      const label = `${route} as ${persona} → ${response.statusCode} ${response.body.slice(0, 120)}`;
      const expected = requirement === 'trigger' ? 401 : expectation(requirement, persona, path);
      if (requirement === 'trigger') {
        expect(response.statusCode, label).toBe(401);
        expect(response.json().code, label).toBe(
          persona === 'anonymous' ? 'TRIGGER_AUTH_REQUIRED' : 'TRIGGER_TOKEN_INVALID',
        );
        continue;
      }
      if (expected === 401) expect(response.json(), label).toMatchObject({ code: 'AUTH_REQUIRED' });
      if (expected === 403) {
        expect(response.json(), label).toMatchObject({
          code: 'AUTH_ROLE_REQUIRED',
          requiredRole: requirement,
          currentRole: persona,
        });
      }
      if (expected === 404) expect(response.statusCode, label).toBe(404);
      if (expected === 'allowed') expect([401, 403], label).not.toContain(response.statusCode);
      expect(response.statusCode, label).toBeLessThan(500);
    }
  });
});

function expectation(
  requirement: Exclude<Requirement, 'trigger'>,
  persona: Persona,
  path: string,
): 401 | 403 | 404 | 'allowed' {
  if (requirement === 'public') return 'allowed';
  if (persona === 'anonymous') return 401;
  if (requirement === 'user') return 'allowed';
  // The outsider is admin of their own workspace: another workspace's member is "not found" to them.
  if (persona === 'outsider') return /:(userId|id|testId|runId)\b/.test(path) ? 404 : 'allowed';
  return WEIGHT[persona] >= WEIGHT[requirement] ? 'allowed' : 403;
}

async function freshBearer(t: TestApp, session: TestSession) {
  const user = { id: session.userId, email: session.email, name: session.email };
  const { token } = await t.container.services.sessions.issue(user, session.workspaceId);
  return { authorization: `Bearer ${token}` };
}

async function addMember(t: TestApp, admin: TestSession, email: string, role: string) {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/workspaces/current/members',
    headers: bearer(admin),
    payload: { email, role },
  });
  expect(response.statusCode, response.body).toBe(201);
}

async function switchTo(t: TestApp, session: TestSession, workspaceId: string): Promise<TestSession> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/workspaces/switch',
    headers: bearer(session),
    payload: { workspaceId },
  });
  expect(response.statusCode, response.body).toBe(200);
  const token = response.cookies.find((cookie) => cookie.name === 'access_token')?.value ?? '';
  return { ...session, token, workspaceId };
}
