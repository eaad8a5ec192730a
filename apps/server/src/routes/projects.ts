import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { memberRoute } from '../auth/access.js';
import type { Container } from '../container.js';
import { ERROR_RESPONSES, principalOf, workspaceOf } from '../http/route-helpers.js';

const tags = ['projects'];

const ProjectSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  url: Type.String(),
  credentials: Type.Union([
    Type.Object({
      usernameSelector: Type.String(),
      passwordSelector: Type.String(),
      submitSelector: Type.String(),
      _hasAuth: Type.Literal(true),
    }),
    Type.Null(),
  ]),
  failOnVisualRegression: Type.Boolean({
    description: 'A visual regression fails the test (otherwise it is reported only).',
  }),
  status: Type.String(),
  workspaceId: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
const ProjectBody = Type.Object({
  name: Type.Optional(Type.Unknown()),
  url: Type.Optional(Type.Unknown()),
  credentials: Type.Optional(Type.Unknown()),
  failOnVisualRegression: Type.Optional(Type.Unknown()),
});
const IdParams = Type.Object({ id: Type.String() });
const DeleteResult = Type.Object({
  ok: Type.Literal(true),
  deletedTests: Type.Integer(),
  deletedRuns: Type.Integer(),
  destroyedTokens: Type.Integer(),
  destroyedSchedule: Type.Boolean(),
});

/** Projects of the current workspace (API.md §4.4, plus PATCH for rotating credentials). */
export async function projectRoutes(app: FastifyInstance, { container }: { container: Container }): Promise<void> {
  const { projects } = container.services;

  app.post(
    '/projects',
    {
      config: memberRoute('qa_lead'),
      schema: {
        tags,
        summary: 'Add an app to test',
        body: ProjectBody,
        response: { 201: ProjectSchema, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await projects.create(principalOf(request), workspaceOf(request), request.body)),
  );

  app.get(
    '/projects',
    {
      config: memberRoute(),
      schema: {
        tags,
        summary: 'Live projects of this workspace',
        response: { 200: Type.Array(ProjectSchema), ...ERROR_RESPONSES },
      },
    },
    async (request) => projects.list(workspaceOf(request)),
  );

  app.get(
    '/projects/:id',
    {
      config: memberRoute(),
      schema: { tags, summary: 'One project', params: IdParams, response: { 200: ProjectSchema, ...ERROR_RESPONSES } },
    },
    async (request) => projects.get(workspaceOf(request), (request.params as { id: string }).id),
  );

  app.patch(
    '/projects/:id',
    {
      config: memberRoute('qa_lead'),
      schema: {
        tags,
        summary: 'Rename a project, move its URL or rotate its sign-in credentials',
        params: IdParams,
        body: ProjectBody,
        response: { 200: ProjectSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) =>
      projects.update(
        principalOf(request),
        workspaceOf(request),
        (request.params as { id: string }).id,
        request.body as Record<string, unknown>,
      ),
  );

  app.delete(
    '/projects/:id',
    {
      config: memberRoute('admin'),
      schema: {
        tags,
        summary: 'Move a project and its tests and runs to the recycle bin',
        params: IdParams,
        response: { 200: DeleteResult, ...ERROR_RESPONSES },
      },
    },
    async (request) =>
      projects.remove(principalOf(request), workspaceOf(request), (request.params as { id: string }).id),
  );
}
