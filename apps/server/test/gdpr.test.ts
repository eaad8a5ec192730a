import type { LightMyRequestResponse } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test-support/databases.js';
import { bearer, browser, cookieValue, signIn, signUp, type TestSession } from './support/sessions.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const PASSWORD = 'Correct-Horse-9';
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe.each(DIALECTS)('GDPR export and account erasure on %s', (dialect) => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  const start = async () => {
    t = await createTestApp({ dialect });
    return t;
  };

  const exportAs = (session: TestSession, password?: string) =>
    t!.app.inject({
      method: 'GET',
      url: '/api/v1/auth/export',
      headers: { ...bearer(session), ...(password === undefined ? {} : { 'x-account-password': password }) },
    });

  const deleteAccount = (headers: Record<string, string>, payload?: object) =>
    t!.app.inject({ method: 'DELETE', url: '/api/v1/auth/account', headers, ...(payload ? { payload } : {}) });

  const call = (session: TestSession, method: 'GET' | 'POST', url: string, payload?: object) =>
    t!.app.inject({ method, url: `/api/v1${url}`, headers: bearer(session), ...(payload ? { payload } : {}) });

  const addMember = async (admin: TestSession, user: TestSession, role: string) => {
    const response = await call(admin, 'POST', '/workspaces/current/members', { email: user.email, role });
    expect(response.statusCode).toBe(201);
  };

  const insertProject = async (workspaceId: string, name: string) => {
    const { projects, counters } = t!.container.repositories;
    return projects.insert({
      id: await counters.nextId('project'),
      workspaceId,
      name,
      url: 'https://shop.example.test',
      credentials: null,
      createdAt: new Date().toISOString(),
    });
  };

  const expectError = (response: LightMyRequestResponse, status: number, code: string) => {
    expect(response.statusCode).toBe(status);
    expect(response.json()).toMatchObject({ code, error: expect.any(String) });
  };

  it('exports only after the account password is confirmed', async () => {
    await start();
    const user = await signUp(t!.app);
    expect((await t!.app.inject({ method: 'GET', url: '/api/v1/auth/export' })).statusCode).toBe(401);
    expectError(await exportAs(user), 400, 'AUTH_PASSWORD_CONFIRMATION_REQUIRED');
    expectError(await exportAs(user, ''), 400, 'AUTH_PASSWORD_CONFIRMATION_REQUIRED');
    expectError(await exportAs(user, 'Wrong-Horse-9'), 403, 'AUTH_PASSWORD_CONFIRMATION_FAILED');
    const granted = await exportAs(user, PASSWORD);
    expect(granted.statusCode).toBe(200);
    expect(granted.json().user.id).toBe(user.userId);
    // A wrong confirmation does not end the session.
    expect((await call(user, 'GET', '/auth/me')).statusCode).toBe(200);
  });

  it('exports the profile without its password hash, owned workspaces, memberships and their projects', async () => {
    await start();
    const user = await signUp(t!.app, { name: 'Erin Export' });
    const host = await signUp(t!.app, { name: 'Hank Host' });
    await addMember(host, user, 'qa_lead');
    const mine = await insertProject(user.workspaceId, 'Checkout');
    const theirs = await insertProject(host.workspaceId, 'Not mine');

    const response = await exportAs(user, PASSWORD);
    expect(response.statusCode).toBe(200);
    const body = response.json();

    const stored = await t!.container.repositories.users.findById(user.userId);
    const hash = stored?.passwordHash;
    expect(hash).toEqual(expect.any(String));
    expect(response.body).not.toContain('passwordHash');
    expect(response.body).not.toContain(hash!);
    // Nor the derived key on its own, whatever the encoding separates it with.
    const key = hash!.split(/[:$]/).at(-1)!;
    expect(key.length).toBeGreaterThanOrEqual(32);
    expect(response.body).not.toContain(key);

    expect(body.exportedAt).toMatch(ISO);
    expect(Math.abs(Date.parse(body.exportedAt) - Date.now())).toBeLessThan(60_000);
    expect(body.user).toMatchObject({
      id: user.userId,
      name: 'Erin Export',
      email: user.email,
      role: 'user',
      emailVerified: 1,
      createdAt: stored!.createdAt,
    });
    expect(body.user).not.toHaveProperty('passwordHash');

    expect(body.ownedWorkspaces).toEqual([
      expect.objectContaining({ id: user.workspaceId, ownerId: user.userId, name: "Erin Export's Workspace" }),
    ]);
    expect(body.memberships.map((row: { workspaceId: string; role: string }) => [row.workspaceId, row.role])).toEqual([
      [user.workspaceId, 'admin'],
      [host.workspaceId, 'qa_lead'],
    ]);
    expect(body.memberships.every((row: { userId: string }) => row.userId === user.userId)).toBe(true);
    // Projects of owned workspaces only: membership elsewhere does not take other people's data along.
    expect(body.projects).toEqual([
      expect.objectContaining({ id: mine.id, name: 'Checkout', workspaceId: user.workspaceId }),
    ]);
    expect(response.body).not.toContain(theirs.id);
    for (const key of [
      'workspaceMembers',
      'tests',
      'runs',
      'runLogs',
      'activities',
      'notificationSettings',
      'schedules',
      'webhookTokens',
      'healingHistory',
    ]) {
      expect(Array.isArray(body[key]), key).toBe(true);
    }
  });

  it('deletes an account only with a CSRF-proven, password-confirmed request', async () => {
    await start();
    const user = await signUp(t!.app);
    const { users } = t!.container.repositories;

    expect((await deleteAccount({}, { password: PASSWORD })).statusCode).toBe(401);
    expectError(await deleteAccount({ cookie: user.cookie }, { password: PASSWORD }), 403, 'AUTH_CSRF_MISMATCH');
    expectError(
      await deleteAccount({ cookie: user.cookie, 'x-csrf-token': 'not-the-token' }, { password: PASSWORD }),
      403,
      'AUTH_CSRF_MISMATCH',
    );
    // Without any body the request is refused too (see the OAuth-only test for why the reason matters).
    expect((await deleteAccount(browser(user))).statusCode).toBe(400);
    expectError(await deleteAccount(browser(user), {}), 400, 'AUTH_PASSWORD_CONFIRMATION_REQUIRED');
    expectError(await deleteAccount(browser(user), { password: '' }), 400, 'AUTH_PASSWORD_CONFIRMATION_REQUIRED');
    expectError(
      await deleteAccount(browser(user), { password: 'Wrong-Horse-9' }),
      403,
      'AUTH_PASSWORD_CONFIRMATION_FAILED',
    );
    expect(await users.findById(user.userId)).toBeDefined();
    expect((await call(user, 'GET', '/auth/me')).statusCode).toBe(200);

    // Bearer clients carry no auth cookie, so CSRF does not apply to them.
    const deleted = await deleteAccount(bearer(user), { password: PASSWORD });
    expect(deleted.statusCode).toBe(200);
    expect(deleted.json()).toEqual({ ok: true, message: expect.any(String) });
    expect(await users.findById(user.userId)).toBeUndefined();
  });

  it('erases the user, their workspace and its projects, and leaves workspaces they only joined intact', async () => {
    await start();
    const db = t!.container.database.db;
    const { users, workspaces, projects } = t!.container.repositories;
    const leaver = await signUp(t!.app, { name: 'Lea Leaver' });
    const host = await signUp(t!.app, { name: 'Hank Host' });
    const bystander = await signUp(t!.app, { name: 'Bea Bystander' });
    await addMember(host, leaver, 'admin');
    await addMember(host, bystander, 'viewer');
    await addMember(leaver, bystander, 'qa_lead');
    const doomed = await insertProject(leaver.workspaceId, 'Leaver project');
    const kept = await insertProject(host.workspaceId, 'Host project');

    const response = await deleteAccount(browser(leaver), { password: PASSWORD });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ ok: true, message: 'Account and owned data deleted.' });
    const setCookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
    for (const name of ['access_token', 'token_exp']) {
      const cleared = setCookies.find((cookie) => cookie.startsWith(`${name}=`));
      expect(cleared, name).toMatch(new RegExp(`^${name}=;`));
      expect(cleared, name).toMatch(/Max-Age=0/);
    }
    expect(cookieValue(response, 'access_token')).toBe('');

    // The session is over, by Bearer and by cookie.
    expect((await call(leaver, 'GET', '/auth/me')).statusCode).toBe(401);
    expect((await call(leaver, 'GET', '/workspaces')).statusCode).toBe(401);
    expect(
      (await t!.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: leaver.cookie } })).statusCode,
    ).toBe(401);

    expect(await users.findById(leaver.userId)).toBeUndefined();
    expect(await workspaces.findById(leaver.workspaceId)).toBeUndefined();
    expect(await db.selectFrom('projects').select('id').where('id', '=', doomed.id).execute()).toEqual([]);
    expect(await db.selectFrom('workspace_members').select('id').where('userId', '=', leaver.userId).execute()).toEqual(
      [],
    );
    expect(
      await db.selectFrom('workspace_members').select('id').where('workspaceId', '=', leaver.workspaceId).execute(),
    ).toEqual([]);

    // The host's workspace, its project and its other members survive.
    expect((await call(host, 'GET', '/workspaces/current')).json()).toMatchObject({ id: host.workspaceId });
    const members = (await call(host, 'GET', '/workspaces/current/members')).json() as Array<{
      userId: string;
      role: string;
    }>;
    expect(members.map((member) => [member.userId, member.role])).toEqual([
      [host.userId, 'admin'],
      [bystander.userId, 'viewer'],
    ]);
    expect(await projects.findLive(host.workspaceId, kept.id)).toMatchObject({ name: 'Host project' });

    // The bystander lost the erased workspace along with the account.
    const visible = (await call(bystander, 'GET', '/workspaces')).json() as Array<{ id: string }>;
    expect(visible.map((workspace) => workspace.id)).toEqual([bystander.workspaceId, host.workspaceId]);

    const again = await t!.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: leaver.email, password: PASSWORD },
    });
    expectError(again, 401, 'AUTH_INVALID_CREDENTIALS');
    await expect(signIn(t!.app, leaver.email, PASSWORD)).rejects.toThrow(/401/);
  });

  it('lets an OAuth-only account export and delete itself without a password or a request body', async () => {
    await start();
    const issued = await t!.container.services.logins.loginWithOAuth({
      provider: 'github',
      providerId: '4242',
      email: 'octo@example.test',
      name: 'Octo',
      avatar: null,
    });
    const session = { authorization: `Bearer ${issued.token}` };
    expect(issued.user.hasPassword).toBe(false);

    const exported = await t!.app.inject({ method: 'GET', url: '/api/v1/auth/export', headers: session });
    expect(exported.statusCode).toBe(200);
    expect(exported.json().user).toMatchObject({ id: issued.user.id, email: 'octo@example.test' });

    // API.md §4.2: the body is only needed by password users; a bare DELETE is a complete request.
    const deleted = await deleteAccount(session);
    expect(deleted.json()).toEqual({ ok: true, message: 'Account and owned data deleted.' });
    expect(deleted.statusCode).toBe(200);
    expect(await t!.container.repositories.users.findById(issued.user.id)).toBeUndefined();
  });
});
