import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { memberRoute, triggerRoute } from '../auth/access.js';
import type { Container } from '../container.js';
import { ERROR_RESPONSES, principalOf, triggerAccessOf, workspaceOf } from '../http/route-helpers.js';
import { publicBaseUrl, sendRunReport } from '../reports/run-reports.js';
import { streamEventsOf } from '../runs/run-stream.js';
import { sendFile } from './exports.js';
import { REPORT_FORMATS, reportResponses } from './reports.js';

const tags = ['ci'];
const ProjectParams = Type.Object({ id: Type.String() });
const RunParams = Type.Object({ id: Type.String(), runId: Type.String() });
const TokenParams = Type.Object({ id: Type.String(), tid: Type.String() });
const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);
const TokenSummary = Type.Object({
  id: Type.String(),
  projectId: Type.String(),
  label: Nullable(Type.String()),
  createdAt: Type.String(),
  lastUsedAt: Nullable(Type.String()),
});
const TriggerStatus = Type.Object({
  id: Type.String(),
  status: Type.String({ description: 'running, completed, failed, aborted or interrupted' }),
  passed: Type.Integer(),
  failed: Type.Integer(),
  total: Type.Integer(),
  startedAt: Type.String(),
  finishedAt: Nullable(Type.String()),
  duration: Type.Union([Type.Integer(), Type.Null()]),
  error: Nullable(Type.String()),
  flaky: Type.Integer({ description: 'Passed only on a retry (counted in passed).' }),
  skipped: Type.Integer(),
  detailUrl: Type.String({ description: 'The run in the dashboard.' }),
});
const BEARER = 'Authorization: Bearer <trigger token> (JWTs are not accepted).';

/** CI trigger tokens for members, and what CI reaches with a token (API.md §4.14). */
export async function triggerRoutes(app: FastifyInstance, { container }: { container: Container }): Promise<void> {
  const { triggers } = container.services;
  type Params = { id: string; runId: string; tid: string };

  app.get(
    '/projects/:id/trigger-tokens',
    {
      config: memberRoute(),
      schema: {
        tags,
        summary: 'CI trigger tokens of a project (never their secrets)',
        params: ProjectParams,
        response: { 200: Type.Array(TokenSummary), ...ERROR_RESPONSES },
      },
    },
    async (request) => triggers.listTokens(workspaceOf(request), (request.params as Params).id),
  );

  app.post(
    '/projects/:id/trigger-tokens',
    {
      config: memberRoute('admin'),
      schema: {
        tags,
        summary: 'Create a CI trigger token; its plaintext is in this response only',
        params: ProjectParams,
        body: Type.Optional(Type.Object({ label: Type.Optional(Type.Unknown()) })),
        response: {
          201: Type.Object({
            id: Type.String(),
            token: Type.String({ description: '80 hex characters; store it as a CI secret now.' }),
            label: Nullable(Type.String()),
            createdAt: Type.String(),
          }),
          ...ERROR_RESPONSES,
        },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await triggers.createToken(
            principalOf(request),
            workspaceOf(request),
            (request.params as Params).id,
            (request.body ?? {}) as { label?: unknown },
          ),
        ),
  );

  app.delete(
    '/projects/:id/trigger-tokens/:tid',
    {
      config: memberRoute('admin'),
      schema: {
        tags,
        summary: 'Revoke a CI trigger token at once',
        params: TokenParams,
        response: { 200: Type.Object({ ok: Type.Literal(true) }), ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const { id, tid } = request.params as Params;
      return triggers.deleteToken(principalOf(request), workspaceOf(request), id, tid);
    },
  );

  app.post(
    '/projects/:id/trigger',
    {
      config: triggerRoute('expensive'),
      // `curl -X POST` from a CI script sends no body at all: that is an empty request, not a bad one.
      preValidation: async (request) => {
        request.body ??= {};
      },
      schema: {
        tags,
        summary: 'Start a regression run from CI',
        description: `${BEARER} The callback URL receives {runId, status, passed, failed, total, error} when the run ends, however it ends.`,
        params: ProjectParams,
        body: Type.Optional(
          Type.Object({
            callbackUrl: Type.Optional(Type.Unknown()),
            dialsConfig: Type.Optional(Type.Unknown()),
          }),
        ),
        response: {
          202: Type.Object({ runId: Type.String(), statusUrl: Type.String() }),
          ...ERROR_RESPONSES,
        },
      },
    },
    async (request, reply) => {
      const granted = triggerAccessOf(request);
      const base = `${publicBaseUrl(request)}/api/v1/projects/${granted.project.id}/trigger/runs/`;
      const started = await triggers.trigger(granted, request.body ?? {}, (runId) => `${base}${runId}`);
      return reply.code(202).send(started);
    },
  );

  app.get(
    '/projects/:id/trigger/runs/:runId',
    {
      config: triggerRoute(),
      schema: {
        tags,
        summary: 'Status of a run started from CI',
        description: BEARER,
        params: RunParams,
        response: { 200: TriggerStatus, ...ERROR_RESPONSES },
      },
    },
    async (request) => triggers.status(triggerAccessOf(request), (request.params as Params).runId),
  );

  app.get(
    '/projects/:id/trigger/runs/:runId/events',
    {
      config: triggerRoute(),
      schema: {
        tags,
        summary: 'Live events of a run, for CI (Server-Sent Events, resumes from Last-Event-ID)',
        description: BEARER,
        params: RunParams,
        response: {
          200: { description: 'text/event-stream', content: { 'text/event-stream': { schema: Type.String() } } },
          ...ERROR_RESPONSES,
        },
      },
    },
    async (request, reply) => {
      const run = await triggers.run(triggerAccessOf(request), (request.params as Params).runId);
      await streamEventsOf(run, request, reply, container);
    },
  );

  for (const { format, file, contentType, summary } of REPORT_FORMATS) {
    app.get(
      `/projects/:id/trigger/runs/:runId/${file}`,
      {
        config: triggerRoute(),
        schema: {
          tags,
          summary: `${summary}, for CI`,
          description: BEARER,
          params: RunParams,
          response: reportResponses(contentType),
        },
      },
      async (request, reply) => {
        const run = await triggers.run(triggerAccessOf(request), (request.params as Params).runId);
        return sendRunReport(container, run, format, request, reply);
      },
    );
  }

  app.get(
    '/projects/:id/trigger/export/playwright',
    {
      config: triggerRoute(),
      schema: {
        tags,
        summary: 'Approved tests as a standalone Playwright project (ZIP), for CI',
        description: BEARER,
        params: ProjectParams,
        response: {
          200: {
            description: 'ZIP archive',
            content: { 'application/zip': { schema: Type.String({ format: 'binary' }) } },
          },
          ...ERROR_RESPONSES,
        },
      },
    },
    async (request, reply) => {
      const { project } = triggerAccessOf(request);
      return sendFile(reply, await container.services.exports.playwrightZip({ id: project.workspaceId }, project.id));
    },
  );
}
