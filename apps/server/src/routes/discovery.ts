import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { memberRoute } from '../auth/access.js';
import type { Container } from '../container.js';
import { ERROR_RESPONSES, principalOf, workspaceOf } from '../http/route-helpers.js';

const tags = ['discovery'];

/** Crawling an app and generating draft tests from it (API.md §4.4 crawl, §4.9). */
export async function discoveryRoutes(app: FastifyInstance, { container }: { container: Container }): Promise<void> {
  const { crawls, generate } = container.services;

  app.post(
    '/projects/:id/crawl',
    {
      config: memberRoute('qa_lead', 'expensive'),
      schema: {
        tags,
        summary: 'Explore the app in Chromium and generate draft tests from what was seen',
        description:
          '`dialsConfig.exploreMode`: `crawl` (links) or `state` (also fills forms, searches, adds and removes list items, presses buttons). Unknown dials or values are refused with 400.',
        params: Type.Object({ id: Type.String() }),
        body: Type.Optional(
          Type.Object({ dialsConfig: Type.Optional(Type.Unknown()) }, { additionalProperties: true }),
        ),
        response: { 202: Type.Object({ runId: Type.String() }), ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      const started = await crawls.start(
        principalOf(request),
        workspaceOf(request),
        (request.params as { id: string }).id,
        body,
      );
      return reply.code(202).send(started);
    },
  );

  app.post(
    '/projects/:id/tests/generate',
    {
      config: memberRoute('qa_lead', 'ai'),
      schema: {
        tags,
        summary: 'Generate draft tests from a description (streamed as llm_token events)',
        description:
          'An attached OpenAPI document (`--- Attached file: name ---` block, JSON or YAML) becomes API contract tests without an AI provider; anything else needs one (503 otherwise).',
        params: Type.Object({ id: Type.String() }),
        body: Type.Object(
          {
            name: Type.Optional(Type.Unknown()),
            description: Type.Optional(Type.Unknown()),
            dialsConfig: Type.Optional(Type.Unknown()),
          },
          { additionalProperties: true },
        ),
        response: { 202: Type.Object({ runId: Type.String() }), ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const started = await generate.start(
        principalOf(request),
        workspaceOf(request),
        (request.params as { id: string }).id,
        (request.body ?? {}) as Record<string, unknown>,
      );
      return reply.code(202).send(started);
    },
  );
}
