import type { RevokedTokensRepository, UsersRepository, WorkspacesRepository, Membership } from '@sentri/db';
import type { Clock } from '@sentri/core';
import type { Principal, WorkspaceScope } from './access.js';
import type { SessionClaims, SessionTokens } from './session-tokens.js';

export interface TokenCandidate {
  token: string;
  via: Principal['via'];
}

/** Turns presented tokens into a principal, picks the workspace, issues and revokes sessions. */
export class SessionService {
  constructor(
    private readonly tokens: SessionTokens,
    private readonly revoked: RevokedTokensRepository,
    private readonly workspaces: WorkspacesRepository,
    private readonly users: UsersRepository,
    private readonly clock: Clock,
  ) {}

  get ttlSeconds(): number {
    return this.tokens.ttlSeconds;
  }

  private nowSec(): number {
    return Math.floor(this.clock.now().getTime() / 1000);
  }

  /** The first candidate that is genuine, unexpired and not revoked; a bad one does not stop the search. */
  async authenticate(candidates: TokenCandidate[]): Promise<Principal | undefined> {
    for (const candidate of candidates) {
      const claims = await this.tokens.verify(candidate.token, this.nowSec());
      if (!claims || (await this.revoked.isRevoked(claims.jti))) continue;
      return {
        userId: claims.sub,
        email: claims.email,
        name: claims.name,
        jti: claims.jti,
        exp: claims.exp,
        workspaceHint: claims.workspaceId,
        via: candidate.via,
      };
    }
    return undefined;
  }

  /**
   * The workspace a request acts in: the token's hint while the user is still a member there,
   * otherwise their first workspace (owned first, then oldest). Roles always come from the
   * database, so a demotion takes effect on the next request.
   */
  async resolveWorkspace(userId: string, hint: string | undefined): Promise<WorkspaceScope | undefined> {
    const memberships = await this.workspaces.membershipsOf(userId);
    const chosen = pickWorkspace(memberships, hint);
    return chosen ? { id: chosen.workspaceId, name: chosen.name, role: chosen.role } : undefined;
  }

  async issue(
    user: { id: string; email: string; name: string },
    workspaceId: string | undefined,
  ): Promise<{ token: string; claims: SessionClaims }> {
    return this.tokens.issue({ userId: user.id, email: user.email, name: user.name, workspaceId }, this.nowSec());
  }

  async revoke(principal: Pick<Principal, 'jti' | 'exp'>): Promise<void> {
    await this.revoked.revoke(principal.jti, principal.exp, this.nowSec());
  }

  findUser(userId: string) {
    return this.users.findById(userId);
  }
}

export function pickWorkspace(memberships: Membership[], hint: string | undefined): Membership | undefined {
  return memberships.find((membership) => membership.workspaceId === hint) ?? memberships[0];
}
