import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { memberRoute } from '../auth/access.js';
import type { Container } from '../container.js';
import { ERROR_RESPONSES, principalOf, workspaceOf } from '../http/route-helpers.js';
import type { RunRequestBody } from '../runs/run-options.js';
import { streamRunEvents } from '../runs/run-stream.js';
import { MAX_STREAMED_RUNS, streamRuns } from '../runs/multi-run-stream.js';
import { RunSchema, RunSummarySchema, TestHistoryEntrySchema } from './run-schemas.js';
import { parsePaging } from '../tests/test-input.js';

const tags = ['runs'];
const ProjectParams = Type.Object({ id: Type.String() });
const RunParams = Type.Object({ runId: Type.String() });
const TestParams = Type.Object({ testId: Type.String() });
const Started = Type.Object({ runId: Type.String() });
const Ok = Type.Object({ ok: Type.Literal(true) });
const RunBody = Type.Object(
  {
    dialsConfig: Type.Optional(
      Type.Object({ parallelWorkers: Type.Optional(Type.Number()) }, { additionalProperties: true }),
    ),
    browser: Type.Optional(Type.String({ description: 'chromium, firefox or webkit; must be installed.' })),
    device: Type.Optional(Type.String({ description: 'A Playwright device name, e.g. "iPhone 14".' })),
    locale: Type.Optional(Type.String()),
    timezoneId: Type.Optional(Type.String()),
    geolocation: Type.Optional(
      Type.Object({
        latitude: Type.Number({ minimum: -90, maximum: 90 }),
        longitude: Type.Number({ minimum: -180, maximum: 180 }),
      }),
    ),
    networkCondition: Type.Optional(Type.String({ description: 'fast (default), slow3g or offline.' })),
  },
  { additionalProperties: true },
);

/** Test runs (API.md §4.9 single-test run, §4.13 runs, §4.15 / §6 event stream). */
export async function runRoutes(app: FastifyInstance, { container }: { container: Container }): Promise<void> {
  const { runs } = container.services;
  type Params = { id: string; runId: string; testId: string };

  app.post(
    '/projects/:id/run',
    {
      config: memberRoute('qa_lead', 'expensive'),
      schema: {
        tags,
        summary: 'Run every approved test of a project in real browsers',
        params: ProjectParams,
        body: Type.Optional(RunBody),
        response: { 200: Started, ...ERROR_RESPONSES },
      },
    },
    async (request) =>
      runs.startProjectRun(
        principalOf(request),
        workspaceOf(request),
        (request.params as Params).id,
        (request.body ?? {}) as RunRequestBody,
      ),
  );

  app.post(
    '/tests/:testId/run',
    {
      config: memberRoute('qa_lead', 'expensive'),
      schema: {
        tags,
        summary: 'Run one test now, whatever its review status',
        params: TestParams,
        response: { 200: Started, ...ERROR_RESPONSES },
      },
    },
    async (request) => runs.startTestRun(principalOf(request), workspaceOf(request), (request.params as Params).testId),
  );

  app.get(
    '/tests/:testId/results',
    {
      config: memberRoute(),
      schema: {
        tags,
        summary: "One test's results across runs, newest first (limit 1–100, default 20)",
        params: TestParams,
        querystring: Type.Object({ limit: Type.Optional(Type.String()) }),
        response: { 200: Type.Array(TestHistoryEntrySchema), ...ERROR_RESPONSES },
      },
    },
    async (request) =>
      container.services.testHistory.list(
        workspaceOf(request),
        (request.params as Params).testId,
        request.query as { limit?: string },
      ),
  );

  app.get(
    '/projects/:id/runs',
    {
      config: memberRoute(),
      schema: {
        tags,
        summary: 'Runs of a project, newest first (paged with page/pageSize)',
        params: ProjectParams,
        querystring: Type.Object({ page: Type.Optional(Type.String()), pageSize: Type.Optional(Type.String()) }),
        response: {
          200: Type.Union([
            Type.Array(RunSummarySchema),
            Type.Object({ data: Type.Array(RunSummarySchema), meta: Type.Object({}, { additionalProperties: true }) }),
          ]),
          ...ERROR_RESPONSES,
        },
      },
    },
    async (request) => {
      const paging = parsePaging(request.query as Record<string, unknown>);
      const projectId = (request.params as Params).id;
      if (!paging) return (await runs.list(workspaceOf(request), projectId)).rows;
      const { page, pageSize } = paging;
      const { rows, total } = await runs.list(workspaceOf(request), projectId, {
        limit: pageSize,
        offset: (page - 1) * pageSize,
      });
      return { data: rows, meta: { total, page, pageSize, hasMore: page * pageSize < total } };
    },
  );

  app.get(
    '/runs/:runId',
    {
      config: memberRoute(),
      schema: {
        tags,
        summary: 'One run with its per-test results and log',
        params: RunParams,
        response: { 200: RunSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => runs.get(workspaceOf(request), (request.params as Params).runId),
  );

  app.post(
    '/runs/:runId/abort',
    {
      config: memberRoute('qa_lead'),
      schema: { tags, summary: 'Stop a running run', params: RunParams, response: { 200: Ok, ...ERROR_RESPONSES } },
    },
    async (request) => runs.abort(principalOf(request), workspaceOf(request), (request.params as Params).runId),
  );

  app.get(
    '/runs/:runId/events',
    {
      config: memberRoute(),
      schema: {
        tags,
        summary: 'Live events of a run (Server-Sent Events; resumes from Last-Event-ID)',
        params: RunParams,
        querystring: Type.Object({ token: Type.Optional(Type.String()), lastEventId: Type.Optional(Type.String()) }),
        response: {
          200: {
            description:
              'text/event-stream: named events (log, step, result, heal, snapshot, frame, done) with `id:` = sequence; `: heartbeat` every 15 s',
            content: { 'text/event-stream': { schema: Type.String() } },
          },
          ...ERROR_RESPONSES,
        },
      },
    },
    async (request, reply) => streamRunEvents(request, reply, container),
  );

  app.get(
    '/events',
    {
      config: memberRoute(),
      schema: {
        tags,
        summary: 'Live events of several runs on one connection (Server-Sent Events; the dashboard uses one per tab)',
        description:
          'Every event carries `runId`. The SSE id is a cursor `RUN-1:12,RUN-2:5`; reconnecting with it (Last-Event-ID header or `lastEventId`) resumes each run after what was sent.',
        querystring: Type.Object({
          runs: Type.String({ description: `Comma-separated run ids (at most ${MAX_STREAMED_RUNS}).` }),
          lastEventId: Type.Optional(Type.String()),
          token: Type.Optional(Type.String()),
        }),
        response: {
          200: { description: 'text/event-stream', content: { 'text/event-stream': { schema: Type.String() } } },
          ...ERROR_RESPONSES,
        },
      },
    },
    async (request, reply) => streamRuns(request, reply, container),
  );
}
