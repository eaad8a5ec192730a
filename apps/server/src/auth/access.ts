import type { WorkspaceRole } from '@sentri/db';
import type { RateLimitTier } from '../config/index.js';

/**
 * Who may call a route, declared on the route itself (`config.access`) and enforced by one hook,
 * so no handler checks access by hand and a route without a declaration cannot be registered.
 */
export type Access =
  | { readonly kind: 'public' }
  | { readonly kind: 'user' }
  | { readonly kind: 'member'; readonly role: WorkspaceRole }
  | { readonly kind: 'trigger' };

export const ROLE_WEIGHT: Record<WorkspaceRole, number> = { viewer: 10, qa_lead: 20, admin: 30 };
export const ROLES = Object.keys(ROLE_WEIGHT) as WorkspaceRole[];

export interface RouteAccessConfig {
  access: Access;
  /** A route-specific rate-limit bucket, consumed after the access check. */
  rateLimit?: RateLimitTier;
}

export const publicRoute = (rateLimit?: RateLimitTier): RouteAccessConfig => ({
  access: { kind: 'public' },
  ...(rateLimit ? { rateLimit } : {}),
});
export const userRoute = (): RouteAccessConfig => ({ access: { kind: 'user' } });
export const memberRoute = (role: WorkspaceRole = 'viewer', rateLimit?: RateLimitTier): RouteAccessConfig => ({
  access: { kind: 'member', role },
  ...(rateLimit ? { rateLimit } : {}),
});

/** Called with a project's CI trigger token, which the handler checks (JWTs are not accepted). */
export const triggerRoute = (rateLimit?: RateLimitTier): RouteAccessConfig => ({
  access: { kind: 'trigger' },
  ...(rateLimit ? { rateLimit } : {}),
});

export function roleAllows(actual: WorkspaceRole, required: WorkspaceRole): boolean {
  return ROLE_WEIGHT[actual] >= ROLE_WEIGHT[required];
}

/** The authenticated caller. */
export interface Principal {
  userId: string;
  email: string;
  name: string;
  jti: string;
  /** Epoch seconds. */
  exp: number;
  workspaceHint: string | undefined;
  /** Where the token came from; cookie callers are the ones CSRF protects. */
  via: 'cookie' | 'bearer' | 'query';
}

/** The workspace a member route acts in, with the caller's role there, read from the database. */
export interface WorkspaceScope {
  id: string;
  name: string;
  role: WorkspaceRole;
}
