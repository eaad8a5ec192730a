import { ErrorBodySchema, SystemInfoSchema } from '@sentri/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Container } from '../container.js';
import { memberRoute } from '../auth/access.js';
import { ERROR_RESPONSES, principalOf, workspaceOf } from '../http/route-helpers.js';
import { uptimeSeconds } from './health.js';

const tags = ['system'];
const Ok = Type.Object({ ok: Type.Literal(true) });

/** Everything optional: a crash report must not be lost to a missing field. */
const ClientErrorBody = Type.Object({
  message: Type.Optional(Type.String({ maxLength: 2000 })),
  stack: Type.Optional(Type.String({ maxLength: 10_000 })),
  componentStack: Type.Optional(Type.String({ maxLength: 10_000 })),
  url: Type.Optional(Type.String({ maxLength: 2048 })),
});

const Reachable = Type.Object({
  ok: Type.Literal(true),
  status: Type.Integer({ description: 'The HTTP status the URL answered with, whatever it is.' }),
});
const Unreachable = Type.Object({
  ok: Type.Literal(false),
  error: Type.String({ description: 'Why the URL did not answer (DNS, connection, TLS, timeout).' }),
  code: Type.Literal('UPSTREAM_UNREACHABLE'),
});

/** A POST without a body is an empty one, as in the original API (`req.body` is `{}`). */
async function emptyBodyIsObject(request: FastifyRequest): Promise<void> {
  request.body ??= {};
}

/** What this instance is and what it can reach (API.md §4.17): the dashboard's system page. */
export async function systemRoutes(app: FastifyInstance, { container }: { container: Container }): Promise<void> {
  const { systemInfo, connectionCheck } = container.services;

  app.get(
    '/system',
    {
      config: memberRoute(),
      schema: {
        summary: 'Describe this Sentri instance and what the current workspace holds',
        tags,
        response: { 200: SystemInfoSchema, '4xx': ErrorBodySchema, '5xx': ErrorBodySchema },
      },
    },
    async (request) => {
      const workspace = await systemInfo.describe(workspaceOf(request).id);
      return {
        version: container.version,
        uptime: uptimeSeconds(container),
        nodeVersion: process.version,
        platform: `${process.platform}-${process.arch}`,
        database: { dialect: container.database.dialect },
        browser: container.browser,
        queue: { mode: container.modes.queue },
        events: { mode: container.modes.events },
        roles: [...container.config.roles],
        ...workspace,
      } as const;
    },
  );

  app.post(
    '/system/client-error',
    {
      config: memberRoute(),
      schema: {
        summary: 'Report an error the dashboard hit, for the server log',
        tags,
        body: ClientErrorBody,
        response: { 200: Ok, ...ERROR_RESPONSES },
      },
      preValidation: emptyBodyIsObject,
    },
    async (request) => {
      const report = request.body as Record<string, string | undefined>;
      request.log.warn(
        {
          userId: principalOf(request).userId,
          workspaceId: workspaceOf(request).id,
          clientError: {
            message: report.message,
            stack: report.stack,
            componentStack: report.componentStack,
            url: report.url,
          },
        },
        'dashboard error reported',
      );
      return { ok: true as const };
    },
  );

  app.post(
    '/test-connection',
    {
      // One HEAD request with a short timeout: the general budget, not the runs' hourly one, which
      // a user checking a URL a few times would otherwise use up.
      config: memberRoute('qa_lead'),
      schema: {
        summary: 'Check that a URL answers (one HEAD request, redirects not followed)',
        tags,
        body: Type.Object({ url: Type.Optional(Type.Unknown()) }),
        response: { 200: Reachable, 502: Unreachable, ...ERROR_RESPONSES },
      },
      preValidation: emptyBodyIsObject,
    },
    async (request, reply) => {
      const result = await connectionCheck.check(request.body);
      return reply.code(result.ok ? 200 : 502).send(result);
    },
  );
}
