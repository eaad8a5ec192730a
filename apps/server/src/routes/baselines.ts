import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { memberRoute } from '../auth/access.js';
import type { Container } from '../container.js';
import { ERROR_RESPONSES, principalOf, workspaceOf } from '../http/route-helpers.js';

const tags = ['visual baselines'];
const TestParams = Type.Object({ testId: Type.String() });
const StepParams = Type.Object({ testId: Type.String(), stepNumber: Type.String() });
const BrowserQuery = Type.Object({ browser: Type.Optional(Type.String()) });
const Baseline = Type.Object({
  testId: Type.String(),
  stepNumber: Type.Integer(),
  browser: Type.String(),
  imagePath: Type.String(),
  width: Type.Union([Type.Integer(), Type.Null()]),
  height: Type.Union([Type.Integer(), Type.Null()]),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

/** Visual-regression baselines (API.md §4.11). */
export async function baselineRoutes(app: FastifyInstance, { container }: { container: Container }): Promise<void> {
  const { baselines } = container.services;
  type Params = { testId: string; stepNumber: string };

  app.get(
    '/tests/:testId/baselines',
    {
      config: memberRoute(),
      schema: {
        tags,
        summary: 'Accepted screenshots of a test, by browser and step (0 = the final screenshot)',
        params: TestParams,
        querystring: BrowserQuery,
        response: { 200: Type.Array(Baseline), ...ERROR_RESPONSES },
      },
    },
    async (request) =>
      baselines.list(
        workspaceOf(request),
        (request.params as Params).testId,
        (request.query as { browser?: string }).browser,
      ),
  );

  app.post(
    '/tests/:testId/baselines/:stepNumber/accept',
    {
      config: memberRoute('qa_lead'),
      schema: {
        tags,
        summary: "Make a run's screenshot of this step the baseline",
        params: StepParams,
        querystring: BrowserQuery,
        body: Type.Optional(
          Type.Object({ runId: Type.Optional(Type.Unknown()), browser: Type.Optional(Type.Unknown()) }),
        ),
        response: {
          200: Type.Object({
            ok: Type.Literal(true),
            baselinePath: Type.String(),
            testId: Type.String(),
            browser: Type.String(),
            stepNumber: Type.Integer(),
          }),
          ...ERROR_RESPONSES,
        },
      },
    },
    async (request) => {
      const { testId, stepNumber } = request.params as Params;
      return baselines.accept(
        principalOf(request),
        workspaceOf(request),
        testId,
        stepNumber,
        request.query,
        request.body,
      );
    },
  );

  app.delete(
    '/tests/:testId/baselines/:stepNumber',
    {
      config: memberRoute('qa_lead'),
      schema: {
        tags,
        summary: 'Forget a baseline; the next run records a new one',
        params: StepParams,
        querystring: BrowserQuery,
        response: {
          200: Type.Object({ ok: Type.Literal(true), deleted: Type.Integer(), browser: Type.String() }),
          ...ERROR_RESPONSES,
        },
      },
    },
    async (request) => {
      const { testId, stepNumber } = request.params as Params;
      return baselines.remove(workspaceOf(request), testId, stepNumber, request.query, request.body);
    },
  );
}
