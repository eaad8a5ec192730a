import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { memberRoute } from '../auth/access.js';
import type { Container } from '../container.js';
import { ERROR_RESPONSES, principalOf, workspaceOf } from '../http/route-helpers.js';

const tags = ['recycle bin'];
const Ok = Type.Object({ ok: Type.Literal(true) });
const Cleared = Type.Object({ ok: Type.Literal(true), cleared: Type.Integer() });
const ItemParams = Type.Object({ type: Type.String(), id: Type.String() });
const Binned = Type.Object(
  { id: Type.String(), deletedAt: Type.Union([Type.String(), Type.Null()]) },
  { additionalProperties: true },
);

/** The recycle bin (API.md §4.19) and the admin's clean-up of run and healing history (§4.17). */
export async function recycleBinRoutes(app: FastifyInstance, { container }: { container: Container }): Promise<void> {
  const { recycleBin } = container.services;
  type Params = { type: string; id: string };

  app.get(
    '/recycle-bin',
    {
      config: memberRoute(),
      schema: {
        tags,
        summary: 'Deleted projects, tests and runs, newest first (200 of each at most)',
        response: {
          200: Type.Object({ projects: Type.Array(Binned), tests: Type.Array(Binned), runs: Type.Array(Binned) }),
          ...ERROR_RESPONSES,
        },
      },
    },
    async (request) => recycleBin.list(workspaceOf(request)),
  );

  app.post(
    '/restore/:type/:id',
    {
      config: memberRoute('qa_lead'),
      schema: {
        tags,
        summary: 'Bring a deleted project, test or run back',
        params: ItemParams,
        response: { 200: Ok, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const { type, id } = request.params as Params;
      return recycleBin.restore(principalOf(request), workspaceOf(request), type, id);
    },
  );

  app.delete(
    '/purge/:type/:id',
    {
      config: memberRoute('admin'),
      schema: {
        tags,
        summary: 'Delete a binned item for good',
        params: ItemParams,
        response: { 200: Ok, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const { type, id } = request.params as Params;
      return recycleBin.purge(principalOf(request), workspaceOf(request), type, id);
    },
  );

  app.delete(
    '/data/runs',
    {
      config: memberRoute('admin'),
      schema: {
        tags: ['data'],
        summary: 'Delete every finished run of this workspace',
        response: { 200: Cleared, ...ERROR_RESPONSES },
      },
    },
    async (request) => recycleBin.clearRuns(principalOf(request), workspaceOf(request)),
  );

  app.delete(
    '/data/healing',
    {
      config: memberRoute('admin'),
      schema: {
        tags: ['data'],
        summary: 'Forget the self-healing history of this workspace',
        response: { 200: Cleared, ...ERROR_RESPONSES },
      },
    },
    async (request) => recycleBin.clearHealing(principalOf(request), workspaceOf(request)),
  );
}
