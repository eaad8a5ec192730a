import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { memberRoute } from '../auth/access.js';
import type { Container } from '../container.js';
import { ERROR_RESPONSES, workspaceOf } from '../http/route-helpers.js';

const Int = Type.Integer();
const NullableInt = Type.Union([Type.Integer(), Type.Null()]);
const NullableString = Type.Union([Type.String(), Type.Null()]);

const DashboardSchema = Type.Object({
  totalProjects: Int,
  totalTests: Int,
  totalRuns: Int,
  totalActivities: Int,
  passRate: NullableInt,
  avgRunDurationMs: NullableInt,
  history: Type.Array(Type.Object({ passed: Int, failed: Int, total: Int, date: Type.String() })),
  recentRuns: Type.Array(
    Type.Object({
      id: Type.String(),
      projectId: Type.String(),
      projectName: NullableString,
      type: Type.String(),
      status: Type.String(),
      startedAt: Type.String(),
      passed: NullableInt,
      failed: NullableInt,
      total: NullableInt,
    }),
  ),
  runsByStatus: Type.Object({ completed: Int, completed_empty: Int, failed: Int, aborted: Int, running: Int }),
  testsByReview: Type.Object({ draft: Int, approved: Int, rejected: Int }),
  testsCreatedToday: Int,
  testsCreatedThisWeek: Int,
  testsGeneratedTotal: Int,
  testsAutoFixed: Int,
  healingEntries: Int,
  healingSuccesses: Int,
  defectBreakdown: Type.Object({
    SELECTOR_ISSUE: Int,
    NAVIGATION_FAIL: Int,
    TIMEOUT: Int,
    ASSERTION_FAIL: Int,
    UNKNOWN: Int,
  }),
  flakyTestCount: Int,
  mttrMs: NullableInt,
  topFlakyTests: Type.Array(
    Type.Object({ testId: Type.String(), name: Type.String(), flakyScore: Type.Number(), projectId: Type.String() }),
  ),
  testGrowth: Type.Array(Type.Object({ week: Type.String(), count: Int })),
  testsByUrl: Type.Record(Type.String(), Int),
});

/** The workspace at a glance (API.md §4.18). */
export async function dashboardRoutes(app: FastifyInstance, { container }: { container: Container }): Promise<void> {
  app.get(
    '/dashboard',
    {
      config: memberRoute(),
      schema: {
        tags: ['dashboard'],
        summary: 'Totals, pass rate, recent runs, defects, flakiness, growth',
        response: { 200: DashboardSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => container.services.dashboard.summary(workspaceOf(request)),
  );
}
