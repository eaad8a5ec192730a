import type { Clock } from '@sentri/core';
import type { DashboardRepository } from '@sentri/db';
import type { WorkspaceScope } from '../auth/access.js';
import { classifyFailure, type DefectCategory } from './defects.js';

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
const TEST_RUN_TYPES = new Set(['test_run', 'run']);

/** The numbers on the dashboard (API.md §4.18), over the workspace's live projects, tests and runs. */
export class DashboardService {
  constructor(
    private readonly data: DashboardRepository,
    private readonly clock: Clock,
  ) {}

  async summary(scope: WorkspaceScope) {
    const now = this.clock.now();
    const startOfDay = new Date(now);
    startOfDay.setHours(0, 0, 0, 0);
    const startOfWeek = new Date(startOfDay.getTime() - startOfDay.getDay() * 24 * 60 * 60 * 1000);
    const growthStart = new Date(now.getTime() - 8 * WEEK_MS);
    const [
      totals,
      byReview,
      byUrl,
      topFlaky,
      [before, created],
      runs,
      names,
      results,
      healing,
      today,
      thisWeek,
      generated,
    ] = await Promise.all([
      this.data.totals(scope.id),
      this.data.testsByReview(scope.id),
      this.data.approvedBySourceUrl(scope.id),
      this.data.topFlaky(scope.id, 10),
      this.data.testCreationDates(scope.id, growthStart.toISOString()),
      this.data.runs(scope.id),
      this.data.projectNames(scope.id),
      this.data.results(scope.id),
      this.data.healing(scope.id),
      this.data.testsCreatedSince(scope.id, startOfDay.toISOString()),
      this.data.testsCreatedSince(scope.id, startOfWeek.toISOString()),
      this.data.testsCreatedSince(scope.id, undefined),
    ]);

    const testsByReview = { draft: 0, approved: 0, rejected: 0 };
    for (const row of byReview) {
      const key = row.reviewStatus === 'approved' || row.reviewStatus === 'rejected' ? row.reviewStatus : 'draft';
      testsByReview[key] += Number(row.n);
    }
    const testRuns = runs.filter((run) => TEST_RUN_TYPES.has(run.type));
    const recentCompleted = testRuns.filter((run) => run.status === 'completed').slice(0, 10);
    const passed = recentCompleted.reduce((sum, run) => sum + (run.passed ?? 0), 0);
    const total = recentCompleted.reduce((sum, run) => sum + (run.total || 1), 0);
    const durations = recentCompleted.map((run) => run.duration ?? 0).filter((duration) => duration > 0);
    const runsByStatus = { completed: 0, completed_empty: 0, failed: 0, aborted: 0, running: 0 };
    for (const run of runs) if (run.status in runsByStatus) runsByStatus[run.status as keyof typeof runsByStatus] += 1;
    const projectName = new Map(names.map((project) => [project.id, project.name]));

    return {
      totalProjects: totals.projects,
      totalTests: testsByReview.draft + testsByReview.approved + testsByReview.rejected,
      totalRuns: totals.runs,
      totalActivities: totals.activities,
      passRate: recentCompleted.length > 0 ? Math.round((100 * passed) / total) : null,
      avgRunDurationMs:
        durations.length > 0 ? Math.round(durations.reduce((a, b) => a + b, 0) / durations.length) : null,
      history: testRuns
        .filter((run) => run.passed !== null)
        .slice(0, 20)
        .reverse()
        .map((run) => ({
          passed: run.passed ?? 0,
          failed: run.failed ?? 0,
          total: run.total ?? 0,
          date: run.startedAt,
        })),
      recentRuns: runs.slice(0, 8).map((run) => ({
        id: run.id,
        projectId: run.projectId,
        projectName: projectName.get(run.projectId) ?? null,
        type: run.type,
        status: run.status,
        startedAt: run.startedAt,
        passed: run.passed,
        failed: run.failed,
        total: run.total,
      })),
      runsByStatus,
      testsByReview,
      testsCreatedToday: today,
      testsCreatedThisWeek: thisWeek,
      testsGeneratedTotal: generated,
      testsAutoFixed: runs.reduce((sum, run) => sum + improvedCount(run.feedbackLoop), 0),
      healingEntries: healing.entries,
      healingSuccesses: healing.successes,
      ...resultStatistics(results),
      topFlakyTests: topFlaky.map((test) => ({ ...test, flakyScore: Number(test.flakyScore) })),
      testGrowth: weeklyGrowth(
        Number(before.n),
        created.map((row) => row.createdAt),
        now,
      ),
      testsByUrl: Object.fromEntries(byUrl.map((row) => [row.sourceUrl ?? '', Number(row.n)])),
    };
  }
}

function improvedCount(feedbackLoop: string | null): number {
  if (!feedbackLoop) return 0;
  try {
    const improved = (JSON.parse(feedbackLoop) as { improved?: unknown }).improved;
    return typeof improved === 'number' ? improved : 0;
  } catch {
    return 0;
  }
}

/** Defect categories of failures, flaky tests (both outcomes seen), and mean time from a failure to the next pass. */
function resultStatistics(
  results: Array<{
    testId: string;
    status: string;
    error: string | null;
    failureCategory: string | null;
    startedAt: string;
  }>,
) {
  const defectBreakdown: Record<DefectCategory, number> = {
    SELECTOR_ISSUE: 0,
    NAVIGATION_FAIL: 0,
    TIMEOUT: 0,
    ASSERTION_FAIL: 0,
    UNKNOWN: 0,
  };
  const outcomes = new Map<string, Set<string>>();
  const failingSince = new Map<string, number>();
  const repairs: number[] = [];
  for (const result of results) {
    if (result.status !== 'passed' && result.status !== 'failed') continue;
    (outcomes.get(result.testId) ?? outcomes.set(result.testId, new Set()).get(result.testId))?.add(result.status);
    const at = Date.parse(result.startedAt);
    if (result.status === 'failed') {
      defectBreakdown[classifyFailure(result.error, result.failureCategory)] += 1;
      if (!failingSince.has(result.testId)) failingSince.set(result.testId, at);
    } else if (failingSince.has(result.testId)) {
      repairs.push(at - (failingSince.get(result.testId) ?? at));
      failingSince.delete(result.testId);
    }
  }
  return {
    defectBreakdown,
    flakyTestCount: [...outcomes.values()].filter((seen) => seen.size === 2).length,
    mttrMs: repairs.length > 0 ? Math.round(repairs.reduce((a, b) => a + b, 0) / repairs.length) : null,
  };
}

/** Cumulative test count at the end of each of the last 8 weeks. */
function weeklyGrowth(before: number, createdAt: string[], now: Date) {
  const buckets = [];
  let index = 0;
  let count = before;
  for (let week = 7; week >= 0; week -= 1) {
    const end = new Date(now.getTime() - week * WEEK_MS);
    while (index < createdAt.length && Date.parse(createdAt[index] ?? '') <= end.getTime()) {
      count += 1;
      index += 1;
    }
    buckets.push({ week: end.toISOString().slice(0, 10), count });
  }
  return buckets;
}
