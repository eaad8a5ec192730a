import type { LightMyRequestResponse } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test-support/databases.js';
import { bearer, browser, cookieValue, signUp, type TestSession } from './support/sessions.js';
import { createTestApp, type TestApp } from './support/test-app.js';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

interface Member {
  id: string;
  userId: string;
  role: string;
  joinedAt: string;
  email: string;
}

describe.each(DIALECTS)('workspaces and members on %s', (dialect) => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  const start = async () => {
    t = await createTestApp({ dialect });
    return t;
  };

  /** A Bearer call as `session` (no cookie, so no CSRF involved). */
  const call = (session: TestSession, method: Method, url: string, payload?: object) =>
    t!.app.inject({ method, url: `/api/v1${url}`, headers: bearer(session), ...(payload ? { payload } : {}) });

  const members = async (session: TestSession) =>
    (await call(session, 'GET', '/workspaces/current/members')).json() as Member[];

  const addMember = async (admin: TestSession, user: TestSession, role?: string) => {
    const response = await call(admin, 'POST', '/workspaces/current/members', { email: user.email, role });
    expect(response.statusCode).toBe(201);
    return response;
  };

  /**
   * Switches the browser session of `session` to `workspaceId` and returns it with the new token
   * (`workspaceId` keeps naming the user's personal workspace).
   */
  const switchTo = async (session: TestSession, workspaceId: string): Promise<TestSession> => {
    const response = await t!.app.inject({
      method: 'POST',
      url: '/api/v1/workspaces/switch',
      headers: browser(session),
      payload: { workspaceId },
    });
    expect(response.statusCode).toBe(200);
    const token = cookieValue(response, 'access_token');
    expect(token).toBeTruthy();
    return { ...session, token: token!, cookie: `access_token=${token}; _csrf=${session.csrf}` };
  };

  const expectError = (response: LightMyRequestResponse, status: number, code: string, error?: string) => {
    expect(response.statusCode).toBe(status);
    expect(response.json()).toMatchObject({ code, ...(error ? { error } : {}) });
  };

  it('lists the workspaces a user belongs to, owned first, with their role and ownership', async () => {
    await start();
    const owner = await signUp(t!.app, { name: 'Olivia' });
    const alice = await signUp(t!.app, { name: 'Alice' });
    await addMember(owner, alice, 'qa_lead');

    const listed = await call(alice, 'GET', '/workspaces');
    expect(listed.statusCode).toBe(200);
    // Alice's own workspace is newer than Olivia's, but owned workspaces come first.
    expect(listed.json()).toEqual([
      {
        id: alice.workspaceId,
        name: "Alice's Workspace",
        slug: expect.stringMatching(/^alice-[0-9a-f]{6}$/),
        role: 'admin',
        isOwner: true,
        createdAt: expect.stringMatching(ISO),
      },
      {
        id: owner.workspaceId,
        name: "Olivia's Workspace",
        slug: expect.stringMatching(/^olivia-[0-9a-f]{6}$/),
        role: 'qa_lead',
        isOwner: false,
        createdAt: expect.stringMatching(ISO),
      },
    ]);
    const ownerView = (await call(owner, 'GET', '/workspaces')).json() as Array<{ id: string; isOwner: boolean }>;
    expect(ownerView.map((workspace) => [workspace.id, workspace.isOwner])).toEqual([[owner.workspaceId, true]]);
    expect((await t!.app.inject({ method: 'GET', url: '/api/v1/workspaces' })).statusCode).toBe(401);
  });

  it('reads and updates the current workspace: names are trimmed, slugs normalised and unique', async () => {
    await start();
    const owner = await signUp(t!.app, { name: 'Olivia' });
    const other = await signUp(t!.app, { name: 'Oscar' });

    const current = await call(owner, 'GET', '/workspaces/current');
    expect(current.statusCode).toBe(200);
    const before = current.json() as { slug: string; updatedAt: string };
    expect(before).toEqual({
      id: owner.workspaceId,
      name: "Olivia's Workspace",
      slug: expect.stringMatching(/^olivia-[0-9a-f]{6}$/),
      ownerId: owner.userId,
      createdAt: expect.stringMatching(ISO),
      updatedAt: expect.stringMatching(ISO),
    });

    const renamed = await call(owner, 'PATCH', '/workspaces/current', { name: '  QA Team  ' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ id: owner.workspaceId, name: 'QA Team', slug: before.slug });
    expect(renamed.json().updatedAt >= before.updatedAt).toBe(true);

    const slugged = await call(owner, 'PATCH', '/workspaces/current', { slug: '  My Team!! 2024 ' });
    expect(slugged.statusCode).toBe(200);
    expect(slugged.json()).toMatchObject({ name: 'QA Team', slug: 'my-team-2024' });
    // Only one leading and one trailing dash are stripped (§4.3).
    expect((await call(owner, 'PATCH', '/workspaces/current', { slug: '--Edge--' })).json().slug).toBe('-edge-');
    const long = await call(owner, 'PATCH', '/workspaces/current', { name: 'n'.repeat(150), slug: 'a'.repeat(80) });
    expect(long.json()).toMatchObject({ name: 'n'.repeat(100), slug: 'a'.repeat(50) });
    // The workspace keeps its own slug without a conflict.
    expect((await call(owner, 'PATCH', '/workspaces/current', { slug: 'a'.repeat(50) })).statusCode).toBe(200);
    expect((await call(owner, 'GET', '/workspaces/current')).json()).toMatchObject({
      name: 'n'.repeat(100),
      slug: 'a'.repeat(50),
    });

    const otherSlug = ((await call(other, 'GET', '/workspaces/current')).json() as { slug: string }).slug;
    expectError(
      await call(owner, 'PATCH', '/workspaces/current', { slug: otherSlug }),
      409,
      'WORKSPACE_SLUG_TAKEN',
      'This slug is already taken.',
    );
    // Normalised before the uniqueness check.
    expectError(
      await call(owner, 'PATCH', '/workspaces/current', { slug: ` ${otherSlug.toUpperCase()} ` }),
      409,
      'WORKSPACE_SLUG_TAKEN',
    );
    expectError(
      await call(owner, 'PATCH', '/workspaces/current', { slug: '!!!' }),
      400,
      'REQUEST_VALIDATION_FAILED',
      'Invalid slug.',
    );
    for (const body of [{}, { name: '   ' }, { name: 42, slug: '' }]) {
      expectError(
        await call(owner, 'PATCH', '/workspaces/current', body),
        400,
        'REQUEST_VALIDATION_FAILED',
        'No valid fields to update.',
      );
    }
    // Nothing of the rejected updates stuck.
    expect((await call(owner, 'GET', '/workspaces/current')).json()).toMatchObject({ slug: 'a'.repeat(50) });
    expect((await call(other, 'GET', '/workspaces/current')).json()).toMatchObject({ slug: otherSlug });
  });

  it('lets an admin add registered users by e-mail and lists members in join order', async () => {
    await start();
    const owner = await signUp(t!.app, { name: 'Olivia' });
    const alice = await signUp(t!.app, { name: 'Alice' });
    const bob = await signUp(t!.app, { name: 'Bob' });

    const added = await call(owner, 'POST', '/workspaces/current/members', {
      email: `  ${alice.email.toUpperCase()} `,
    });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toEqual({
      id: expect.stringMatching(/^WM-\d+$/),
      workspaceId: owner.workspaceId,
      userId: alice.userId,
      role: 'viewer',
      joinedAt: expect.stringMatching(ISO),
      name: 'Alice',
      email: alice.email,
      avatar: null,
    });
    const second = await addMember(owner, bob, 'qa_lead');
    expect(second.json()).toMatchObject({ userId: bob.userId, role: 'qa_lead' });

    expectError(
      await call(owner, 'POST', '/workspaces/current/members', { email: 'nobody@example.test' }),
      404,
      'WORKSPACE_USER_UNKNOWN',
    );
    expectError(
      await call(owner, 'POST', '/workspaces/current/members', { email: alice.email, role: 'admin' }),
      409,
      'WORKSPACE_MEMBER_EXISTS',
    );
    // The role is validated before the membership lookup.
    expectError(
      await call(owner, 'POST', '/workspaces/current/members', { email: bob.email, role: 'owner' }),
      400,
      'REQUEST_VALIDATION_FAILED',
      'Invalid role. Must be one of: admin, qa_lead, viewer',
    );
    expectError(await call(owner, 'POST', '/workspaces/current/members', {}), 400, 'REQUEST_VALIDATION_FAILED');

    const listed = await members(owner);
    expect(listed.map((member) => [member.userId, member.role])).toEqual([
      [owner.userId, 'admin'],
      [alice.userId, 'viewer'],
      [bob.userId, 'qa_lead'],
    ]);
    const joined = listed.map((member) => member.joinedAt);
    expect(joined).toEqual([...joined].sort());
    // The 409 did not turn Alice into an admin.
    expect((await call(alice, 'GET', '/workspaces')).json()).toContainEqual(
      expect.objectContaining({ id: owner.workspaceId, role: 'viewer', isOwner: false }),
    );
  });

  it('switches a member into another workspace with a new session and revokes the old one', async () => {
    await start();
    const owner = await signUp(t!.app, { name: 'Olivia' });
    const alice = await signUp(t!.app, { name: 'Alice' });
    const stranger = await signUp(t!.app, { name: 'Stan' });
    await addMember(owner, alice, 'qa_lead');
    expect((await call(alice, 'GET', '/workspaces/current')).json().id).toBe(alice.workspaceId);

    // A cookie session must prove the CSRF token to switch.
    const forged = await t!.app.inject({
      method: 'POST',
      url: '/api/v1/workspaces/switch',
      headers: { cookie: alice.cookie },
      payload: { workspaceId: owner.workspaceId },
    });
    expectError(forged, 403, 'AUTH_CSRF_MISMATCH');

    const response = await t!.app.inject({
      method: 'POST',
      url: '/api/v1/workspaces/switch',
      headers: browser(alice),
      payload: { workspaceId: owner.workspaceId },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().user).toMatchObject({
      id: alice.userId,
      workspaceId: owner.workspaceId,
      workspaceName: "Olivia's Workspace",
      workspaceRole: 'qa_lead',
    });
    const token = cookieValue(response, 'access_token');
    expect(token).toBeTruthy();
    expect(token).not.toBe(alice.token);
    expect(response.body).not.toContain(token);
    const switched = { ...alice, token: token!, cookie: `access_token=${token}; _csrf=${alice.csrf}` };

    const current = await call(switched, 'GET', '/workspaces/current');
    expect(current.statusCode).toBe(200);
    expect(current.json().id).toBe(owner.workspaceId);
    expect((await members(switched)).map((member) => member.userId)).toEqual([owner.userId, alice.userId]);
    // The cookie form of the new session works too.
    const viaCookie = await t!.app.inject({
      method: 'GET',
      url: '/api/v1/workspaces/current',
      headers: { cookie: switched.cookie },
    });
    expect(viaCookie.json().id).toBe(owner.workspaceId);

    expectError(await call(alice, 'GET', '/workspaces/current'), 401, 'AUTH_REQUIRED');
    expect((await call(alice, 'GET', '/auth/me')).statusCode).toBe(401);

    for (const workspaceId of [stranger.workspaceId, 'WS-999999']) {
      expectError(
        await call(switched, 'POST', '/workspaces/switch', { workspaceId }),
        403,
        'WORKSPACE_NOT_MEMBER',
        'You are not a member of that workspace.',
      );
    }
    expect((await call(switched, 'POST', '/workspaces/switch', {})).statusCode).toBe(400);
    // A refused switch leaves the session where it was.
    expect((await call(switched, 'GET', '/workspaces/current')).json().id).toBe(owner.workspaceId);
    expect((await call(stranger, 'GET', '/workspaces/current/members')).json()).toHaveLength(1);
  });

  /** Olivia's workspace with `name` added as `role` and switched into it. */
  const joined = async (owner: TestSession, name: string, role?: string) => {
    const user = await signUp(t!.app, { name });
    await addMember(owner, user, role);
    return switchTo(user, owner.workspaceId);
  };

  it('refuses admin actions to a viewer, naming the required and the current role', async () => {
    await start();
    const owner = await signUp(t!.app, { name: 'Olivia' });
    const bob = await signUp(t!.app, { name: 'Bob' });
    const viewer = await joined(owner, 'Vic');

    expect((await call(viewer, 'GET', '/workspaces/current')).json().id).toBe(owner.workspaceId);
    expect(await members(viewer)).toHaveLength(2);
    const refusals = [
      await call(viewer, 'PATCH', '/workspaces/current', { name: 'Hijacked' }),
      await call(viewer, 'POST', '/workspaces/current/members', { email: bob.email }),
      await call(viewer, 'PATCH', `/workspaces/current/members/${owner.userId}`, { role: 'viewer' }),
      await call(viewer, 'PATCH', `/workspaces/current/members/${viewer.userId}`, { role: 'admin' }),
      await call(viewer, 'DELETE', `/workspaces/current/members/${owner.userId}`),
      // The role gate runs before the lookup: a non-member id is refused the same way.
      await call(viewer, 'DELETE', '/workspaces/current/members/no-such-user'),
    ];
    for (const response of refusals) {
      expect(response.statusCode).toBe(403);
      expect(response.json()).toEqual({
        error: 'This action requires admin permissions.',
        code: 'AUTH_ROLE_REQUIRED',
        requiredRole: 'admin',
        currentRole: 'viewer',
      });
    }
    // None of it happened.
    expect((await call(owner, 'GET', '/workspaces/current')).json().name).toBe("Olivia's Workspace");
    expect((await members(owner)).map((member) => [member.userId, member.role])).toEqual([
      [owner.userId, 'admin'],
      [viewer.userId, 'viewer'],
    ]);
  });

  it('applies role changes on the very next request, without signing in again', async () => {
    await start();
    const owner = await signUp(t!.app, { name: 'Olivia' });
    const vic = await joined(owner, 'Vic');
    expect((await call(vic, 'PATCH', '/workspaces/current', { name: 'Vic was here' })).statusCode).toBe(403);

    const promoted = await call(owner, 'PATCH', `/workspaces/current/members/${vic.userId}`, { role: 'admin' });
    expect(promoted.statusCode).toBe(200);
    expect(promoted.json()).toEqual({ userId: vic.userId, role: 'admin', updated: true });
    const renamed = await call(vic, 'PATCH', '/workspaces/current', { name: 'Vic was here' });
    expect(renamed.statusCode).toBe(200);
    expect((await call(owner, 'GET', '/workspaces/current')).json().name).toBe('Vic was here');
    expect((await call(vic, 'GET', '/workspaces')).json()).toContainEqual(
      expect.objectContaining({ id: owner.workspaceId, role: 'admin' }),
    );

    expect(
      (await call(owner, 'PATCH', `/workspaces/current/members/${vic.userId}`, { role: 'qa_lead' })).statusCode,
    ).toBe(200);
    const demoted = await call(vic, 'PATCH', '/workspaces/current', { name: 'Again' });
    expect(demoted.statusCode).toBe(403);
    expect(demoted.json()).toMatchObject({ requiredRole: 'admin', currentRole: 'qa_lead' });
  });

  it('never leaves a workspace without an admin, but lets one of two admins demote the other', async () => {
    await start();
    const owner = await signUp(t!.app, { name: 'Olivia' });
    const self = `/workspaces/current/members/${owner.userId}`;

    expectError(await call(owner, 'PATCH', self, { role: 'viewer' }), 400, 'WORKSPACE_LAST_ADMIN');
    expectError(await call(owner, 'DELETE', self), 400, 'WORKSPACE_LAST_ADMIN');
    // Re-affirming the admin role is not a demotion.
    expect((await call(owner, 'PATCH', self, { role: 'admin' })).statusCode).toBe(200);

    const alice = await joined(owner, 'Alice');
    // A second member who is not an admin does not count.
    expectError(await call(owner, 'PATCH', self, { role: 'qa_lead' }), 400, 'WORKSPACE_LAST_ADMIN');
    expectError(await call(owner, 'DELETE', self), 400, 'WORKSPACE_LAST_ADMIN');
    expectError(
      await call(owner, 'PATCH', '/workspaces/current/members/no-such-user', { role: 'viewer' }),
      404,
      'WORKSPACE_MEMBER_NOT_FOUND',
    );
    expectError(
      await call(owner, 'PATCH', `/workspaces/current/members/${alice.userId}`, { role: 'superuser' }),
      400,
      'REQUEST_VALIDATION_FAILED',
      'Invalid role. Must be one of: admin, qa_lead, viewer',
    );
    expect((await members(owner)).map((member) => member.role)).toEqual(['admin', 'viewer']);

    expect(
      (await call(owner, 'PATCH', `/workspaces/current/members/${alice.userId}`, { role: 'admin' })).statusCode,
    ).toBe(200);
    // Two admins: Alice may demote the owner.
    const demoted = await call(alice, 'PATCH', self, { role: 'qa_lead' });
    expect(demoted.statusCode).toBe(200);
    expect(demoted.json()).toEqual({ userId: owner.userId, role: 'qa_lead', updated: true });
    expect((await call(owner, 'PATCH', '/workspaces/current', { name: 'Mine' })).json()).toMatchObject({
      requiredRole: 'admin',
      currentRole: 'qa_lead',
    });
    // Now Alice is the only admin and cannot step down or leave.
    expectError(
      await call(alice, 'PATCH', `/workspaces/current/members/${alice.userId}`, { role: 'viewer' }),
      400,
      'WORKSPACE_LAST_ADMIN',
    );
    expectError(
      await call(alice, 'DELETE', `/workspaces/current/members/${alice.userId}`),
      400,
      'WORKSPACE_LAST_ADMIN',
    );
    expect((await members(owner)).map((member) => [member.userId, member.role])).toEqual([
      [owner.userId, 'qa_lead'],
      [alice.userId, 'admin'],
    ]);
  });

  it('lets exactly one of two admins who demote each other at the same time succeed', async () => {
    await start();
    const owner = await signUp(t!.app, { name: 'Olivia' });
    const alice = await joined(owner, 'Alice', 'admin');
    for (let round = 0; round < 5; round += 1) {
      const [byOwner, byAlice] = await Promise.all([
        call(owner, 'PATCH', `/workspaces/current/members/${alice.userId}`, { role: 'viewer' }),
        call(alice, 'PATCH', `/workspaces/current/members/${owner.userId}`, { role: 'viewer' }),
      ]);
      const statuses = [byOwner.statusCode, byAlice.statusCode];
      expect(statuses.filter((status) => status === 200)).toHaveLength(1);
      // The loser either lost the race inside the update (400) or was already demoted when it arrived (403).
      expect([400, 403]).toContain(statuses.find((status) => status !== 200));
      const roles = await members(byOwner.statusCode === 200 ? owner : alice);
      expect(roles.filter((member) => member.role === 'admin')).toHaveLength(1);
      expect(roles.find((member) => member.role === 'admin')?.userId).toBe(
        byOwner.statusCode === 200 ? owner.userId : alice.userId,
      );
      // The survivor re-promotes the other for the next round.
      const [winner, loser] = byOwner.statusCode === 200 ? [owner, alice] : [alice, owner];
      expect(
        (await call(winner, 'PATCH', `/workspaces/current/members/${loser.userId}`, { role: 'admin' })).statusCode,
      ).toBe(200);
    }
  });

  it('sends a removed member back to their own workspace and hides the one they left', async () => {
    await start();
    const owner = await signUp(t!.app, { name: 'Olivia' });
    const alice = await joined(owner, 'Alice', 'qa_lead');
    expect((await call(alice, 'GET', '/workspaces/current')).json().id).toBe(owner.workspaceId);

    const removed = await call(owner, 'DELETE', `/workspaces/current/members/${alice.userId}`);
    expect(removed.statusCode).toBe(200);
    expect(removed.json()).toEqual({ userId: alice.userId, removed: true });

    // Same token, next request: her personal workspace, where she is admin.
    const current = await call(alice, 'GET', '/workspaces/current');
    expect(current.statusCode).toBe(200);
    expect(current.json()).toMatchObject({ id: alice.workspaceId, ownerId: alice.userId });
    expect((await call(alice, 'GET', '/workspaces/current/members')).json()).toEqual([
      expect.objectContaining({ userId: alice.userId, role: 'admin' }),
    ]);
    expect(
      ((await call(alice, 'GET', '/workspaces')).json() as Array<{ id: string }>).map((workspace) => workspace.id),
    ).toEqual([alice.workspaceId]);
    expect((await call(alice, 'GET', '/auth/me')).json()).toMatchObject({ workspaceId: alice.workspaceId });
    expectError(
      await call(alice, 'POST', '/workspaces/switch', { workspaceId: owner.workspaceId }),
      403,
      'WORKSPACE_NOT_MEMBER',
    );
    expect((await members(owner)).map((member) => member.userId)).toEqual([owner.userId]);
    expectError(
      await call(owner, 'DELETE', `/workspaces/current/members/${alice.userId}`),
      404,
      'WORKSPACE_MEMBER_NOT_FOUND',
    );
  });
});
