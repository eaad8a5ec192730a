import { ErrorBodySchema } from '@sentri/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '@sentri/core';
import type { Principal, WorkspaceScope } from '../auth/access.js';
import { setSessionCookies, type CookiePolicy } from '../auth/cookies.js';
import type { IssuedSession } from '../auth/login-service.js';
import type { Config } from '../config/index.js';
import type { TriggerAccess } from '../automation/trigger-service.js';

/** Every route documents its error body for client and server errors. */
export const ERROR_RESPONSES = { '4xx': ErrorBodySchema, '5xx': ErrorBodySchema } as const;

export function cookiePolicyFor(config: Config): CookiePolicy {
  return { secure: config.auth.secureCookies, crossOrigin: config.cors.origins.length > 0 };
}

/** Sets the session cookies and answers with the user only: the token never appears in a body. */
export function replyWithSession(reply: FastifyReply, policy: CookiePolicy, issued: IssuedSession, ttlSeconds: number) {
  setSessionCookies(reply, policy, issued.token, issued.exp, ttlSeconds);
  return { user: issued.user };
}

/** The authenticated caller; the access hook guarantees it on `user` and `member` routes. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('AUTH_REQUIRED');
  return request.principal;
}

/** The caller's current workspace; the access hook guarantees it on `member` routes. */
export function workspaceOf(request: FastifyRequest): WorkspaceScope {
  if (!request.workspace) throw new AppError('AUTH_NO_WORKSPACE');
  return request.workspace;
}

/** The project a CI trigger token opened; the access hook guarantees it on `trigger` routes. */
export function triggerAccessOf(request: FastifyRequest): TriggerAccess {
  if (!request.triggerAccess) throw new AppError('TRIGGER_AUTH_REQUIRED');
  return request.triggerAccess;
}
