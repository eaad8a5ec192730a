import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { memberRoute } from '../auth/access.js';
import type { Container } from '../container.js';
import { ERROR_RESPONSES, principalOf, workspaceOf } from '../http/route-helpers.js';
import type { ReviewAction } from '../tests/test-service.js';
import { CountsSchema, TestBody, TestListQuery, TestListSchema, TestSchema } from './test-schemas.js';

const tags = ['tests'];
const ProjectParams = Type.Object({ id: Type.String() });
const TestParams = Type.Object({ testId: Type.String() });
const ProjectTestParams = Type.Object({ id: Type.String(), testId: Type.String() });
type Params = { id: string; testId: string };

/** Tests and their review workflow (API.md §4.7, §4.8). */
export async function testRoutes(app: FastifyInstance, { container }: { container: Container }): Promise<void> {
  const { tests } = container.services;

  app.get(
    '/projects/:id/tests',
    {
      config: memberRoute(),
      schema: {
        tags,
        summary: 'Tests of a project (paged and filtered with page/pageSize)',
        params: ProjectParams,
        querystring: TestListQuery,
        response: { 200: TestListSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) =>
      tests.listByProject(
        workspaceOf(request),
        (request.params as Params).id,
        request.query as Record<string, unknown>,
      ),
  );

  app.get(
    '/tests',
    {
      config: memberRoute(),
      schema: {
        tags,
        summary: 'Tests of every project in this workspace',
        querystring: TestListQuery,
        response: { 200: TestListSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => tests.listByWorkspace(workspaceOf(request), request.query as Record<string, unknown>),
  );

  app.get(
    '/tests/:testId',
    {
      config: memberRoute(),
      schema: { tags, summary: 'One test', params: TestParams, response: { 200: TestSchema, ...ERROR_RESPONSES } },
    },
    async (request) => tests.get(workspaceOf(request), (request.params as Params).testId),
  );

  app.get(
    '/projects/:id/tests/counts',
    {
      config: memberRoute(),
      schema: {
        tags,
        summary: 'How many tests are in each review state',
        params: ProjectParams,
        response: { 200: CountsSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => tests.counts(workspaceOf(request), (request.params as Params).id),
  );

  app.post(
    '/projects/:id/tests',
    {
      config: memberRoute('qa_lead'),
      schema: {
        tags,
        summary: 'Write a test by hand (it starts as a draft)',
        params: ProjectParams,
        body: TestBody,
        response: { 201: TestSchema, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await tests.create(principalOf(request), workspaceOf(request), (request.params as Params).id, request.body),
        ),
  );

  app.patch(
    '/tests/:testId',
    {
      config: memberRoute('qa_lead'),
      schema: {
        tags,
        summary: 'Edit a test; content changes send it back to review',
        params: TestParams,
        body: TestBody,
        response: { 200: TestSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) =>
      tests.update(principalOf(request), workspaceOf(request), (request.params as Params).testId, request.body),
  );

  app.delete(
    '/projects/:id/tests/:testId',
    {
      config: memberRoute('qa_lead'),
      schema: {
        tags,
        summary: 'Move a test to the recycle bin',
        params: ProjectTestParams,
        response: { 200: Type.Object({ ok: Type.Literal(true) }), ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const { id, testId } = request.params as Params;
      return tests.remove(principalOf(request), workspaceOf(request), id, testId);
    },
  );

  for (const action of ['approve', 'reject', 'restore'] as const satisfies readonly ReviewAction[]) {
    app.patch(
      `/projects/:id/tests/:testId/${action}`,
      {
        config: memberRoute('qa_lead'),
        schema: {
          tags,
          summary: `${action[0]?.toUpperCase()}${action.slice(1)} a test`,
          params: ProjectTestParams,
          response: { 200: TestSchema, ...ERROR_RESPONSES },
        },
      },
      async (request) => {
        const { id, testId } = request.params as Params;
        return tests.review(principalOf(request), workspaceOf(request), id, testId, action);
      },
    );
  }

  app.post(
    '/projects/:id/tests/bulk',
    {
      config: memberRoute('qa_lead'),
      schema: {
        tags,
        summary: 'Approve, reject, restore or delete up to 500 tests at once',
        params: ProjectParams,
        body: TestBody,
        response: {
          200: Type.Union([
            Type.Object({ updated: Type.Integer(), tests: Type.Array(TestSchema) }),
            Type.Object({
              deleted: Type.Integer(),
              tests: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
            }),
          ]),
          ...ERROR_RESPONSES,
        },
      },
    },
    async (request) =>
      tests.bulk(principalOf(request), workspaceOf(request), (request.params as Params).id, request.body),
  );
}
