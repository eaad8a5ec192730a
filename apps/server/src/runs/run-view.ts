import type { RunResultRow, RunRow } from '@sentri/db';

/** Evidence files of one result, as artifact-store keys (`runs/<runId>/<testId>/…`). */
export interface ResultArtifacts {
  screenshot?: string;
  trace?: string;
  video?: string;
  /** Traces of earlier attempts, oldest first: the evidence of a flaky pass. */
  attemptTraces?: string[];
  stepScreenshots?: { step: number; title: string; key: string }[];
}

/** What `run_results.detail` holds beyond the columns. */
export interface ResultDetail {
  startedAt: string | null;
  failedAfterRetry: boolean;
  steps: { title: string; durationMs: number; error?: string }[];
  attempts: { retry: number; status: string; durationMs: number; error?: string }[];
  artifacts: ResultArtifacts;
  healingEvents: Record<string, unknown>[];
  consoleLogs: string[];
  network?: unknown[];
  visualDiffs?: Record<string, unknown>[];
  visualRegression?: boolean;
}

export const artifactUrl = (key: string) => `/api/v1/artifacts/${key}`;

export function toResultView(row: RunResultRow) {
  const detail = JSON.parse(row.detail) as Partial<ResultDetail>;
  const artifacts = detail.artifacts ?? {};
  return {
    testId: row.testId,
    testName: row.testName,
    status: row.status,
    durationMs: row.durationMs,
    error: row.error,
    failureCategory: row.failureCategory,
    retryCount: row.retryCount,
    failedAfterRetry: detail.failedAfterRetry ?? false,
    browser: row.browser,
    startedAt: detail.startedAt ?? null,
    steps: detail.steps ?? [],
    attempts: detail.attempts ?? [],
    screenshotPath: artifacts.screenshot ? artifactUrl(artifacts.screenshot) : null,
    tracePath: artifacts.trace ? artifactUrl(artifacts.trace) : null,
    videoPath: artifacts.video ? artifactUrl(artifacts.video) : null,
    attemptTraces: (artifacts.attemptTraces ?? []).map(artifactUrl),
    stepCaptures: (artifacts.stepScreenshots ?? []).map(({ step, title, key }) => ({
      step,
      title,
      screenshotPath: artifactUrl(key),
    })),
    healingEvents: detail.healingEvents ?? [],
    consoleLogs: detail.consoleLogs ?? [],
    network: detail.network ?? [],
    visualDiffs: detail.visualDiffs ?? [],
    visualRegression: detail.visualRegression ?? false,
  };
}

export type ResultView = ReturnType<typeof toResultView>;

interface RunOptions {
  device?: string;
  locale?: string;
  timezoneId?: string;
  geolocation?: { latitude: number; longitude: number };
  flaky?: number;
}

/** The lean form of a run: what lists show. */
export function toRunSummary(run: RunRow) {
  const options = (run.options ? JSON.parse(run.options) : {}) as RunOptions;
  return {
    id: run.id,
    projectId: run.projectId,
    type: run.type,
    status: run.status,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    duration: run.duration,
    error: run.error,
    errorCategory: run.errorCategory,
    passed: run.passed,
    failed: run.failed,
    flaky: options.flaky ?? 0,
    total: run.total,
    pagesFound: run.pagesFound,
    parallelWorkers: run.parallelWorkers,
    currentStep: run.currentStep,
    rateLimitError: run.rateLimitError,
    browser: run.browser,
    networkCondition: run.networkCondition,
    device: options.device ?? null,
    locale: options.locale ?? null,
    timezoneId: options.timezoneId ?? null,
    geolocation: options.geolocation ?? null,
    retryCount: run.retryCount,
    failedAfterRetry: run.failedAfterRetry,
    triggeredBy: run.triggeredBy,
    feedbackLoop: run.feedbackLoop ? (JSON.parse(run.feedbackLoop) as unknown) : null,
    pipelineStats: run.pipelineStats ? (JSON.parse(run.pipelineStats) as unknown) : null,
  };
}

/** The whole run: summary, queue, per-test results and log lines. */
export function toRunView(run: RunRow, results: RunResultRow[], logs: string[]) {
  return {
    ...toRunSummary(run),
    testQueue: run.testQueue ? (JSON.parse(run.testQueue) as unknown[]) : [],
    tests: JSON.parse(run.tests) as string[],
    pages: JSON.parse(run.pages) as unknown[],
    siteGraph: run.siteGraph ? (JSON.parse(run.siteGraph) as unknown) : null,
    generateInput: run.generateInput ? (JSON.parse(run.generateInput) as unknown) : null,
    tokenUsage: run.tokenUsage ? (JSON.parse(run.tokenUsage) as unknown) : null,
    results: results.map(toResultView),
    logs,
  };
}

export type RunView = ReturnType<typeof toRunView>;
