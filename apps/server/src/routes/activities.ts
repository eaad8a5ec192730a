import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { memberRoute } from '../auth/access.js';
import type { Container } from '../container.js';
import { ERROR_RESPONSES, workspaceOf } from '../http/route-helpers.js';

const Nullable = (schema: ReturnType<typeof Type.String>) => Type.Union([schema, Type.Null()]);
const ActivitySchema = Type.Object({
  id: Type.String(),
  type: Type.String(),
  projectId: Nullable(Type.String()),
  projectName: Nullable(Type.String()),
  testId: Nullable(Type.String()),
  testName: Nullable(Type.String()),
  detail: Nullable(Type.String()),
  status: Type.String(),
  userId: Nullable(Type.String()),
  userName: Nullable(Type.String()),
  workspaceId: Nullable(Type.String()),
  createdAt: Type.String(),
});

/** The audit trail of the current workspace (API.md §4.17). */
export async function activityRoutes(app: FastifyInstance, { container }: { container: Container }): Promise<void> {
  const { activity } = container.services;

  app.get(
    '/activities',
    {
      config: memberRoute(),
      schema: {
        tags: ['activities'],
        summary: 'Who did what, newest first',
        querystring: Type.Object({
          type: Type.Optional(Type.String()),
          projectId: Type.Optional(Type.String()),
          limit: Type.Optional(Type.String()),
        }),
        response: { 200: Type.Array(ActivitySchema), ...ERROR_RESPONSES },
      },
    },
    async (request) => activity.list(workspaceOf(request).id, request.query as Record<string, string | undefined>),
  );

  app.delete(
    '/data/activities',
    {
      config: memberRoute('admin'),
      schema: {
        tags: ['activities'],
        summary: 'Clear the audit trail of this workspace',
        response: { 200: Type.Object({ ok: Type.Literal(true), cleared: Type.Integer() }), ...ERROR_RESPONSES },
      },
    },
    async (request) => ({ ok: true as const, cleared: await activity.clear(workspaceOf(request).id) }),
  );
}
