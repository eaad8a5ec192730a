import { AppError } from '@sentri/core';
import type { RunsRepository, TestHistoryRow, TestsRepository } from '@sentri/db';
import type { WorkspaceScope } from '../auth/access.js';
import { truncate } from '../notifications/run-digest.js';
import { artifactUrl, type ResultDetail } from './run-view.js';

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;
/** Enough to tell failures apart in a table; the full text is on the run. */
const ERROR_CHARS = 300;

/**
 * `GET /tests/:testId/results`: how one test fared run after run, newest first, in one query —
 * the lean facts a history table shows, with links to the evidence. The full result (steps,
 * heals, screenshots of every step) stays on `GET /runs/:runId`.
 */
export class TestHistoryService {
  constructor(private readonly deps: { tests: TestsRepository; runs: RunsRepository }) {}

  async list(scope: WorkspaceScope, testId: string, query: { limit?: unknown }) {
    const limit = parseLimit(query.limit);
    const test = await this.deps.tests.findLive(scope.id, testId);
    if (!test) throw new AppError('TEST_NOT_FOUND');
    const rows = await this.deps.runs.historyOfTest(test.projectId, test.id, limit);
    return rows.map(toHistoryEntry);
  }
}

function parseLimit(value: unknown): number {
  if (value === undefined || value === '') return DEFAULT_LIMIT;
  const text = String(value);
  const limit = /^\d{1,4}$/.test(text) ? Number(text) : NaN;
  if (!(limit >= 1 && limit <= MAX_LIMIT)) {
    throw new AppError('REQUEST_VALIDATION_FAILED', `limit must be a whole number from 1 to ${MAX_LIMIT}`, {
      field: 'querystring.limit',
    });
  }
  return limit;
}

function toHistoryEntry(row: TestHistoryRow) {
  const detail = JSON.parse(row.detail) as Partial<ResultDetail>;
  const options = (row.runOptions ? JSON.parse(row.runOptions) : {}) as { device?: string };
  const artifacts = detail.artifacts ?? {};
  const heals = detail.healingEvents ?? [];
  const link = (key: string | undefined) => (key ? artifactUrl(key) : null);
  return {
    runId: row.runId,
    runType: row.runType,
    runStatus: row.runStatus,
    startedAt: row.runStartedAt,
    finishedAt: row.runFinishedAt,
    testName: row.testName,
    status: row.status,
    durationMs: row.durationMs,
    error: row.error === null ? null : truncate(row.error, ERROR_CHARS),
    errorCategory: row.failureCategory,
    retryCount: row.retryCount,
    failedAfterRetry: detail.failedAfterRetry ?? false,
    healCount: heals.filter((heal) => heal.healed === true).length,
    healFailures: heals.filter((heal) => heal.failed === true).length,
    visualRegression: detail.visualRegression ?? false,
    browser: row.browser ?? row.runBrowser,
    device: typeof options.device === 'string' ? options.device : null,
    screenshotPath: link(artifacts.screenshot),
    tracePath: link(artifacts.trace),
    videoPath: link(artifacts.video),
  };
}

export type TestHistoryEntry = ReturnType<typeof toHistoryEntry>;
