import { randomBytes, timingSafeEqual } from 'node:crypto';
import { AppError } from '@sentri/core';
import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Access, Principal, RouteAccessConfig, WorkspaceScope } from '../auth/access.js';
import { roleAllows } from '../auth/access.js';
import { ACCESS_COOKIE, CSRF_COOKIE, setCsrfCookie, type CookiePolicy } from '../auth/cookies.js';
import type { SessionService, TokenCandidate } from '../auth/session-service.js';
import { countsAgainstGeneralLimit, type RateLimiter } from './rate-limit/index.js';
import type { TriggerAccess, TriggerService } from '../automation/trigger-service.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccessConfig['access'];
    rateLimit?: RouteAccessConfig['rateLimit'];
  }
  interface FastifyRequest {
    principal: Principal | null;
    workspace: WorkspaceScope | null;
    /** The project a CI trigger token opened, on `trigger` routes. */
    triggerAccess: TriggerAccess | null;
  }
}

/** Auth paths a browser reaches without a valid session; CSRF cannot apply to them. */
const CSRF_EXEMPT = new Set(
  [
    'login',
    'register',
    'logout',
    'refresh',
    'forgot-password',
    'reset-password',
    'resend-verification',
    'github/callback',
    'google/callback',
  ].flatMap((suffix) => [`/api/v1/auth/${suffix}`, `/api/auth/${suffix}`]),
);
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface AccessHookDeps {
  sessions: SessionService;
  triggers: Pick<TriggerService, 'authenticate'>;
  limiter: RateLimiter;
  cookies: CookiePolicy;
}

/**
 * The request pipeline's guards, in the order a client's mistakes are reported: the body was
 * parsed already (400/413), then CSRF (403), the general rate limit (429), authentication
 * (401), workspace membership and role (403), the route's own rate limit (429) — and only then
 * schema validation and the handler. CI trigger routes take a project's trigger token instead of
 * a session, checked after their own rate limit.
 */
export function installAccessHooks(app: FastifyInstance, deps: AccessHookDeps): void {
  app.decorateRequest('principal', null);
  app.decorateRequest('workspace', null);
  app.decorateRequest('triggerAccess', null);

  app.addHook('onRoute', (route) => {
    const config = route.config as Partial<RouteAccessConfig> | undefined;
    if (route.url.startsWith('/api/v1') && !config?.access) {
      throw new Error(`Route ${String(route.method)} ${route.url} does not declare who may call it (config.access).`);
    }
  });

  app.addHook('onRequest', async (request, reply) => {
    // Every response to a request without a CSRF cookie carries a fresh one; health probes
    // are not browsers and are spared the work.
    if (!request.cookies[CSRF_COOKIE] && !request.url.startsWith('/health')) {
      const token = randomBytes(32).toString('base64url');
      request.cookies[CSRF_COOKIE] = token;
      setCsrfCookie(reply, deps.cookies, token);
    }
    // A dashboard on another origin cannot read our cookies, so it learns the token here.
    if (deps.cookies.crossOrigin) reply.header('x-csrf-token', request.cookies[CSRF_COOKIE]);
  });

  app.addHook('preValidation', async (request, reply) => {
    checkCsrf(request);
    if (countsAgainstGeneralLimit(request.method, request.url)) await deps.limiter.enforce('general', request, reply);
    const config = request.routeOptions.config as Partial<RouteAccessConfig>;
    if (!config.access) return;
    if (config.access.kind === 'trigger') {
      // Limited before the token is checked, so guessing tokens costs the guesser their quota.
      if (config.rateLimit) await deps.limiter.enforce(config.rateLimit, request, reply);
      const projectId = (request.params as { id?: string }).id ?? '';
      request.triggerAccess = await deps.triggers.authenticate(request.headers.authorization, projectId);
      return;
    }
    await enforceAccess(config.access, request, deps.sessions);
    if (config.rateLimit) await deps.limiter.enforce(config.rateLimit, request, reply);
  });
}

function checkCsrf(request: FastifyRequest): void {
  if (SAFE_METHODS.has(request.method)) return;
  if (request.cookies[ACCESS_COOKIE] === undefined) return;
  const path = request.url.split('?')[0] ?? '';
  if (CSRF_EXEMPT.has(path)) return;
  const expected = Buffer.from(request.cookies[CSRF_COOKIE] ?? '');
  const header = request.headers['x-csrf-token'];
  const presented = Buffer.from(typeof header === 'string' ? header : '');
  if (expected.length === 0 || presented.length !== expected.length || !timingSafeEqual(presented, expected)) {
    throw new AppError('AUTH_CSRF_MISMATCH');
  }
}

/** Identifies the caller from the cookie, then a Bearer header, then `?token=` (for EventSource). */
export async function identify(request: FastifyRequest, sessions: SessionService): Promise<Principal | null> {
  if (request.principal) return request.principal;
  const candidates: TokenCandidate[] = [];
  const cookie = request.cookies[ACCESS_COOKIE];
  if (cookie) candidates.push({ token: cookie, via: 'cookie' });
  const authorization = request.headers.authorization;
  if (authorization?.startsWith('Bearer ')) candidates.push({ token: authorization.slice(7).trim(), via: 'bearer' });
  const query = (request.query as Record<string, unknown> | undefined)?.token;
  if (typeof query === 'string' && query) candidates.push({ token: query, via: 'query' });
  request.principal = candidates.length > 0 ? ((await sessions.authenticate(candidates)) ?? null) : null;
  return request.principal;
}

async function enforceAccess(
  access: Exclude<Access, { kind: 'trigger' }>,
  request: FastifyRequest,
  sessions: SessionService,
): Promise<void> {
  if (access.kind === 'public') return;
  const principal = await identify(request, sessions);
  if (!principal) throw new AppError('AUTH_REQUIRED');
  if (access.kind === 'user') return;
  const workspace = await sessions.resolveWorkspace(principal.userId, principal.workspaceHint);
  if (!workspace) throw new AppError('AUTH_NO_WORKSPACE');
  if (!roleAllows(workspace.role, access.role)) {
    throw new AppError('AUTH_ROLE_REQUIRED', `This action requires ${access.role} permissions.`, {
      requiredRole: access.role,
      currentRole: workspace.role,
    });
  }
  request.workspace = workspace;
}
