import { randomBytes, randomUUID } from 'node:crypto';
import { AppError, type Clock } from '@sentri/core';
import type { CountersRepository, Membership, UserRow, UsersRepository, WorkspacesRepository } from '@sentri/db';
import type { Principal } from './access.js';
import type { OAuthProfile } from './oauth-providers.js';
import { normaliseEmail, verifyPassword } from './passwords.js';
import type { SessionService } from './session-service.js';
import { toUserView, type UserView } from './user-view.js';

export interface IssuedSession {
  user: UserView;
  token: string;
  exp: number;
}

/** Turning credentials into sessions: password and OAuth sign-in, refresh, workspace switch. */
export class LoginService {
  constructor(
    private readonly users: UsersRepository,
    private readonly workspaces: WorkspacesRepository,
    private readonly counters: CountersRepository,
    private readonly sessions: SessionService,
    private readonly decoyHash: Promise<string>,
    private readonly clock: Clock,
  ) {}

  async login(input: { email?: unknown; password?: unknown }): Promise<IssuedSession> {
    const email = normaliseEmail(input.email);
    if (!email || typeof input.password !== 'string') throw new AppError('AUTH_CREDENTIALS_MALFORMED');
    const user = await this.users.findByEmail(email);
    // Unknown users and password-less accounts verify against a decoy: same time, same 401.
    const matches = await verifyPassword(input.password, user?.passwordHash ?? (await this.decoyHash));
    if (!user || user.passwordHash === null || !matches) throw new AppError('AUTH_INVALID_CREDENTIALS');
    if (user.emailVerified !== 1) throw new AppError('EMAIL_NOT_VERIFIED', undefined, { email: user.email });
    return this.startSession(user, undefined);
  }

  /** Finds the account by its provider link, then by e-mail (linking it), or creates one. */
  async loginWithOAuth(profile: OAuthProfile): Promise<IssuedSession> {
    const key = `${profile.provider}:${profile.providerId}`;
    const now = this.clock.now().toISOString();
    let user = (await this.users.findByOAuthKey(key)) ?? (await this.users.findByEmail(profile.email));
    if (!user) {
      user = await this.users.insert({
        id: randomUUID(),
        name: profile.name,
        email: profile.email,
        passwordHash: null,
        avatar: profile.avatar,
        emailVerified: true,
        createdAt: now,
      });
    } else if (user.emailVerified !== 1 || (!user.avatar && profile.avatar)) {
      // The provider vouches for the address; a missing avatar is filled in.
      await this.users.update(user.id, { emailVerified: 1, avatar: user.avatar ?? profile.avatar }, now);
      user = { ...user, emailVerified: 1, avatar: user.avatar ?? profile.avatar };
    }
    await this.users.linkOAuth(key, user.id);
    return this.startSession(user, undefined);
  }

  /** A fresh token for the same user (keeping the workspace while still a member); the old one is revoked. */
  async refresh(principal: Principal): Promise<IssuedSession> {
    const user = await this.users.findById(principal.userId);
    if (!user) throw new AppError('AUTH_REQUIRED', 'User not found.');
    await this.sessions.revoke(principal);
    return this.startSession(user, principal.workspaceHint);
  }

  async switchWorkspace(principal: Principal, workspaceId: string): Promise<IssuedSession> {
    const role = await this.workspaces.roleOf(principal.userId, workspaceId);
    if (!role) throw new AppError('WORKSPACE_NOT_MEMBER');
    const user = await this.users.findById(principal.userId);
    if (!user) throw new AppError('AUTH_REQUIRED', 'User not found.');
    await this.sessions.revoke(principal);
    return this.startSession(user, workspaceId);
  }

  async logout(principal: Principal): Promise<void> {
    await this.sessions.revoke(principal);
  }

  async me(principal: Principal): Promise<UserView> {
    const user = await this.users.findById(principal.userId);
    if (!user) throw new AppError('USER_NOT_FOUND');
    const memberships = await this.workspaces.membershipsOf(user.id);
    return { ...toUserView(user, memberships, principal.workspaceHint), createdAt: user.createdAt };
  }

  private async startSession(user: UserRow, hint: string | undefined): Promise<IssuedSession> {
    const memberships = await this.ensureWorkspace(user);
    const workspace = memberships.find((membership) => membership.workspaceId === hint) ?? memberships[0];
    const { token, claims } = await this.sessions.issue(user, workspace?.workspaceId);
    return { user: toUserView(user, memberships, workspace?.workspaceId), token, exp: claims.exp };
  }

  /** Everyone signs in to somewhere: a user without a workspace gets a personal one as its admin. */
  private async ensureWorkspace(user: UserRow): Promise<Membership[]> {
    const memberships = await this.workspaces.membershipsOf(user.id);
    if (memberships.length > 0) return memberships;
    const name = `${user.name}'s Workspace`;
    const slugBase =
      user.name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || 'workspace';
    await this.workspaces.createWithOwner({
      id: await this.counters.nextId('workspace'),
      memberId: await this.counters.nextId('workspace_member'),
      name,
      slug: `${slugBase.slice(0, 40)}-${randomBytes(3).toString('hex')}`,
      ownerId: user.id,
      at: this.clock.now().toISOString(),
    });
    return this.workspaces.membershipsOf(user.id);
  }
}
