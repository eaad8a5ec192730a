import {
  AddMemberBodySchema,
  MemberSchema,
  RoleBodySchema,
  SessionResponseSchema,
  SwitchBodySchema,
  UserIdParamsSchema,
  WorkspaceSchema,
  WorkspaceSummarySchema,
  WorkspaceUpdateBodySchema,
} from '@sentri/core';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { memberRoute } from '../auth/access.js';
import type { Container } from '../container.js';
import { ERROR_RESPONSES, cookiePolicyFor, principalOf, replyWithSession, workspaceOf } from '../http/route-helpers.js';

const tags = ['workspaces'];

/** Workspaces and their members (API.md §4.3). */
export async function workspaceRoutes(app: FastifyInstance, { container }: { container: Container }): Promise<void> {
  const { workspaces, logins, sessions } = container.services;
  const cookies = cookiePolicyFor(container.config);

  app.get(
    '/workspaces',
    {
      config: memberRoute(),
      schema: {
        tags,
        summary: 'Workspaces the caller belongs to',
        response: { 200: Type.Array(WorkspaceSummarySchema), ...ERROR_RESPONSES },
      },
    },
    async (request) => workspaces.list(principalOf(request).userId),
  );

  app.post(
    '/workspaces/switch',
    {
      config: memberRoute(),
      schema: {
        tags,
        summary: 'Act in another workspace',
        body: SwitchBodySchema,
        response: { 200: SessionResponseSchema, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const { workspaceId } = request.body as { workspaceId: string };
      return replyWithSession(
        reply,
        cookies,
        await logins.switchWorkspace(principalOf(request), workspaceId),
        sessions.ttlSeconds,
      );
    },
  );

  app.get(
    '/workspaces/current',
    {
      config: memberRoute(),
      schema: { tags, summary: 'The current workspace', response: { 200: WorkspaceSchema, ...ERROR_RESPONSES } },
    },
    async (request) => workspaces.current(workspaceOf(request)),
  );

  app.patch(
    '/workspaces/current',
    {
      config: memberRoute('admin'),
      schema: {
        tags,
        summary: 'Rename the current workspace or change its slug',
        body: WorkspaceUpdateBodySchema,
        response: { 200: WorkspaceSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => workspaces.update(workspaceOf(request), request.body as Record<string, unknown>),
  );

  app.get(
    '/workspaces/current/members',
    {
      config: memberRoute(),
      schema: {
        tags,
        summary: 'Members of the current workspace',
        response: { 200: Type.Array(MemberSchema), ...ERROR_RESPONSES },
      },
    },
    async (request) => workspaces.members(workspaceOf(request)),
  );

  app.post(
    '/workspaces/current/members',
    {
      config: memberRoute('admin'),
      schema: {
        tags,
        summary: 'Add a registered user to the current workspace',
        body: AddMemberBodySchema,
        response: { 201: MemberSchema, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await workspaces.addMember(workspaceOf(request), request.body as Record<string, unknown>)),
  );

  app.patch(
    '/workspaces/current/members/:userId',
    {
      config: memberRoute('admin'),
      schema: {
        tags,
        summary: "Change a member's role",
        params: UserIdParamsSchema,
        body: RoleBodySchema,
        response: {
          200: Type.Object({ userId: Type.String(), role: Type.String(), updated: Type.Literal(true) }),
          ...ERROR_RESPONSES,
        },
      },
    },
    async (request) =>
      workspaces.setRole(
        workspaceOf(request),
        (request.params as { userId: string }).userId,
        (request.body as { role?: unknown }).role,
      ),
  );

  app.delete(
    '/workspaces/current/members/:userId',
    {
      config: memberRoute('admin'),
      schema: {
        tags,
        summary: 'Remove a member',
        params: UserIdParamsSchema,
        response: { 200: Type.Object({ userId: Type.String(), removed: Type.Literal(true) }), ...ERROR_RESPONSES },
      },
    },
    async (request) => workspaces.removeMember(workspaceOf(request), (request.params as { userId: string }).userId),
  );
}
