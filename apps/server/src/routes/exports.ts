import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { memberRoute } from '../auth/access.js';
import type { Container } from '../container.js';
import type { FileExport } from '../exports/export-service.js';
import { ERROR_RESPONSES, workspaceOf } from '../http/route-helpers.js';

const tags = ['exports'];
const ProjectParams = Type.Object({ id: Type.String() });
const StatusQuery = Type.Object({ status: Type.Optional(Type.String()) });
const csvResponse = { description: 'CSV file', content: { 'text/csv': { schema: Type.String() } } };
const Entry = Type.Object({
  testId: Type.String(),
  name: Type.String(),
  type: Type.String(),
  priority: Type.String(),
  scenario: Type.Union([Type.String(), Type.Null()]),
  reviewStatus: Type.String(),
  lastResult: Type.Union([Type.String(), Type.Null()]),
  lastRunAt: Type.Union([Type.String(), Type.Null()]),
  promptVersion: Type.Union([Type.String(), Type.Null()]),
  tags: Type.Array(Type.String()),
});

export function sendFile(reply: FastifyReply, file: FileExport) {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename="${file.fileName}"`)
    .header('cache-control', 'no-store')
    .send(file.body);
}

/** Test-management exports and traceability (API.md §4.10, §4.7). */
export async function exportRoutes(app: FastifyInstance, { container }: { container: Container }): Promise<void> {
  const { exports } = container.services;
  type Params = { id: string };

  for (const format of ['zephyr', 'testrail'] as const) {
    app.get(
      `/projects/:id/tests/export/${format}`,
      {
        config: memberRoute(),
        schema: {
          tags,
          summary: `Tests as a ${format === 'zephyr' ? 'Zephyr Scale' : 'TestRail'} CSV import (optionally only one review status)`,
          params: ProjectParams,
          querystring: StatusQuery,
          response: { 200: csvResponse, ...ERROR_RESPONSES },
        },
      },
      async (request, reply) => {
        const { status } = request.query as { status?: string };
        return sendFile(
          reply,
          await exports.csv(workspaceOf(request), (request.params as Params).id, format, status || undefined),
        );
      },
    );
  }

  app.get(
    '/projects/:id/export/playwright',
    {
      config: memberRoute(),
      schema: {
        tags,
        summary: 'Approved tests as a standalone Playwright project (ZIP): npm install && npx playwright test',
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
    async (request, reply) =>
      sendFile(reply, await exports.playwrightZip(workspaceOf(request), (request.params as Params).id)),
  );

  app.get(
    '/projects/:id/tests/traceability',
    {
      config: memberRoute(),
      schema: {
        tags,
        summary: 'Which tests cover which linked issue',
        params: ProjectParams,
        response: {
          200: Type.Object({
            projectId: Type.String(),
            projectName: Type.String(),
            totalTests: Type.Integer(),
            linkedIssues: Type.Integer(),
            unlinkedTests: Type.Integer(),
            matrix: Type.Record(Type.String(), Type.Array(Entry)),
            unlinked: Type.Array(Entry),
          }),
          ...ERROR_RESPONSES,
        },
      },
    },
    async (request) => exports.traceability(workspaceOf(request), (request.params as Params).id),
  );
}
