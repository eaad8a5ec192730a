import type { RunResultRow, RunRow } from '@sentri/db';
import { runRow } from '../../../../test-support/rows.js';
import { toRunView, type ResultDetail } from '../../src/runs/run-view.js';
import type { ReportInput } from '../../src/reports/report-input.js';

/** Builders for the report tests: a stored run and its results, as the run view reads them. */
export const STARTED = '2025-03-01T10:00:00.000Z';

export function resultRow(
  fields: Pick<RunResultRow, 'testId' | 'testName' | 'status'> & Partial<RunResultRow>,
  detail: Partial<ResultDetail> = {},
): RunResultRow {
  const full: ResultDetail = {
    startedAt: STARTED,
    failedAfterRetry: false,
    steps: [],
    attempts: [{ retry: 0, status: fields.status, durationMs: 1200 }],
    artifacts: {},
    healingEvents: [],
    consoleLogs: [],
    ...detail,
  };
  return {
    id: 1,
    runId: 'RUN-1',
    position: 0,
    durationMs: 1200,
    error: null,
    failureCategory: null,
    retryCount: Math.max(0, full.attempts.length - 1),
    browser: 'chromium',
    startedAt: 0,
    detail: JSON.stringify(full),
    ...fields,
  };
}

export function reportInput(
  results: RunResultRow[],
  run: Partial<Parameters<typeof runRow>[0]> = {},
  extra: Partial<Omit<ReportInput, 'run'>> = {},
): ReportInput {
  const row = {
    ...runRow({ id: 'RUN-1', projectId: 'PRJ-1', workspaceId: 'WS-1', status: 'completed' }),
    startedAt: STARTED,
    finishedAt: '2025-03-01T10:00:42.500Z',
    duration: 42_500,
    browser: 'chromium',
    pages: '[]',
    tests: '[]',
    retryCount: 0,
    failedAfterRetry: 0,
    videoSegments: '[]',
    currentStep: 0,
    siteGraph: null,
    tokenUsage: null,
    ...run,
  } as RunRow;
  return { run: toRunView(row, results, []), projectName: 'Shop', toolVersion: '1.4.0', ...extra };
}
