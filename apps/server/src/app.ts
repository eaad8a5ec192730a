import { randomUUID } from 'node:crypto';
import { AppError } from '@sentri/core';
import cookie from '@fastify/cookie';
import { TypeBoxValidatorCompiler } from '@fastify/type-provider-typebox';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Container } from './container.js';
import { clientErrorHandler } from './http/client-error.js';
import { installErrorHandler, sendError, toAppError } from './http/error-handler.js';
import { legacyRedirect } from './http/legacy-redirect.js';
import { installRequestLog } from './http/request-log.js';
import { API_PREFIX, installNotFoundHandler } from './http/not-found.js';
import { registerOpenApi } from './http/openapi.js';
import { serveWeb } from './http/web.js';
import { installAccessHooks } from './http/access-hooks.js';
import { cookiePolicyFor } from './http/route-helpers.js';
import { registerSecurityHeaders } from './http/security-headers.js';
import { accountRoutes } from './routes/account.js';
import { activityRoutes } from './routes/activities.js';
import { artifactRoutes } from './routes/artifacts.js';
import { cliDownloadRoutes } from './routes/cli-download.js';
import { automationRoutes } from './routes/automation.js';
import { triggerRoutes } from './routes/trigger.js';
import { reportRoutes } from './routes/reports.js';
import { baselineRoutes } from './routes/baselines.js';
import { runRoutes } from './routes/runs.js';
import { discoveryRoutes } from './routes/discovery.js';
import { authRoutes } from './routes/auth.js';
import { dashboardRoutes } from './routes/dashboard.js';
import { exportRoutes } from './routes/exports.js';
import { healthRoutes } from './routes/health.js';
import { projectRoutes } from './routes/projects.js';
import { recycleBinRoutes } from './routes/recycle-bin.js';
import { settingsRoutes } from './routes/settings.js';
import { testRoutes } from './routes/tests.js';
import { workspaceRoutes } from './routes/workspaces.js';
import { systemRoutes } from './routes/system.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route as registered (method, url, schema), for audits such as the role matrix. */
    readonly routeTable: ReadonlyArray<{ method: string; url: string; hidden: boolean }>;
  }
}

export type { Container } from './container.js';
export { createContainer } from './container.js';
export { loadConfig, ConfigError, type Config } from './config/index.js';

/**
 * The HTTP application, fully wired but not listening: tests drive it with `inject()`, and
 * `main.ts` calls `listen()`.
 */
export async function buildApp(container: Container): Promise<FastifyInstance> {
  const { config } = container;
  const app = Fastify({
    loggerInstance: container.logger as FastifyBaseLogger,
    bodyLimit: config.server.bodyLimitBytes,
    trustProxy: parseTrustProxy(config.server.trustProxy),
    requestIdHeader: false,
    genReqId: () => randomUUID(),
    return503OnClosing: false,
    // Requests are logged by installRequestLog, with credentials stripped from the URL.
    logController: new LogController({ disableRequestLogging: true }),
    forceCloseConnections: 'idle',
    // Requests Fastify rejects before routing (a malformed URL, say) get the same JSON errors.
    frameworkErrors: (error, _request, reply) => sendError(reply, toAppError(error)),
    // …and so do requests Node's HTTP parser refuses before Fastify sees them (431, 408, 400).
    clientErrorHandler,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 500 },
  });
  app.setValidatorCompiler(TypeBoxValidatorCompiler);
  const routeTable: Array<{ method: string; url: string; hidden: boolean }> = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const hidden = Boolean((route.schema as { hide?: boolean } | undefined)?.hide);
    for (const method of methods) routeTable.push({ method, url: route.url, hidden });
  });
  // A JSON API: any other body type is a 415, not a string that fails validation later.
  app.removeContentTypeParser('text/plain');
  // An empty body labelled JSON (common from fetch wrappers on DELETE) means "no body".
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body.toString();
    if (text === '') done(null, undefined);
    else parseJson(request, text, done);
  });

  installRequestLog(app);
  installErrorHandler(app);
  installNotFoundHandler(app, container.services.sessions);
  await app.register(cookie);
  await registerSecurityHeaders(app, config);
  installAccessHooks(app, {
    sessions: container.services.sessions,
    triggers: container.services.triggers,
    limiter: container.rateLimiter,
    cookies: cookiePolicyFor(config),
  });

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (container.lifecycle.closing) {
      reply.header('connection', 'close');
      return sendError(reply, new AppError('SERVER_SHUTTING_DOWN'));
    }
  });

  await registerOpenApi(app, container.version);
  // Live run streams never end on their own while a run goes on; shutdown must not wait for them.
  app.addHook('preClose', async () => container.services.runEvents.closeStreams());
  await app.register(healthRoutes, { container });
  await app.register(systemRoutes, { container, prefix: API_PREFIX });
  await app.register(authRoutes, { container, prefix: API_PREFIX });
  await app.register(accountRoutes, { container, prefix: API_PREFIX });
  await app.register(workspaceRoutes, { container, prefix: API_PREFIX });
  await app.register(settingsRoutes, { container, prefix: API_PREFIX });
  await app.register(projectRoutes, { container, prefix: API_PREFIX });
  await app.register(testRoutes, { container, prefix: API_PREFIX });
  await app.register(recycleBinRoutes, { container, prefix: API_PREFIX });
  await app.register(exportRoutes, { container, prefix: API_PREFIX });
  await app.register(dashboardRoutes, { container, prefix: API_PREFIX });
  await app.register(activityRoutes, { container, prefix: API_PREFIX });
  await app.register(runRoutes, { container, prefix: API_PREFIX });
  await app.register(discoveryRoutes, { container, prefix: API_PREFIX });
  await app.register(artifactRoutes, { container, prefix: API_PREFIX });
  await app.register(baselineRoutes, { container, prefix: API_PREFIX });
  await app.register(automationRoutes, { container, prefix: API_PREFIX });
  await app.register(triggerRoutes, { container, prefix: API_PREFIX });
  await app.register(reportRoutes, { container, prefix: API_PREFIX });
  await app.register(cliDownloadRoutes, { bundle: config.web.cliBundle });
  await app.register(legacyRedirect, { sessions: container.services.sessions });
  await app.register(serveWeb, { root: config.web.distDir });
  return app;
}

/** `TRUST_PROXY`: unset trusts nobody; a number is a hop count; otherwise addresses/CIDRs. */
function parseTrustProxy(value: string | undefined): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (!value) return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return (_address, hop) => hop < hops;
  }
  return value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
}
