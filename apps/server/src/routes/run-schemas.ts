import { Type, type TSchema } from 'typebox';

/**
 * What the run routes answer, declared for the OpenAPI document and the dashboard's generated
 * types. Objects stay open (`additionalProperties`) where the engine adds detail over time.
 */
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Str = Nullable(Type.String());
const Int = Nullable(Type.Integer());
const Open = (properties: Record<string, TSchema>, description?: string) =>
  Type.Object(properties, { additionalProperties: true, ...(description ? { description } : {}) });

export const RunSummarySchema = Open({
  id: Type.String(),
  projectId: Type.String(),
  type: Type.String({ description: 'crawl, test_run or generate' }),
  status: Type.String({ description: 'running, completed, completed_empty, failed, aborted or interrupted' }),
  startedAt: Type.String(),
  finishedAt: Str,
  duration: Int,
  error: Str,
  errorCategory: Str,
  passed: Int,
  failed: Int,
  flaky: Type.Integer(),
  total: Int,
  pagesFound: Int,
  parallelWorkers: Int,
  browser: Str,
  networkCondition: Str,
  device: Str,
  locale: Str,
  timezoneId: Str,
  retryCount: Type.Integer(),
  failedAfterRetry: Type.Integer(),
  triggeredBy: Str,
});

const StepCapture = Open({ step: Type.Integer(), title: Type.String(), screenshotPath: Type.String() });

export const RunResultSchema = Open({
  testId: Type.String(),
  testName: Type.String(),
  status: Type.String({ description: 'passed, failed, flaky or skipped' }),
  durationMs: Int,
  error: Str,
  failureCategory: Str,
  retryCount: Type.Integer(),
  failedAfterRetry: Type.Boolean(),
  browser: Str,
  startedAt: Str,
  steps: Type.Array(Open({ title: Type.String(), durationMs: Type.Number(), error: Type.Optional(Type.String()) })),
  attempts: Type.Array(Open({ retry: Type.Integer(), status: Type.String(), durationMs: Type.Number() })),
  screenshotPath: Str,
  tracePath: Str,
  videoPath: Str,
  attemptTraces: Type.Array(Type.String()),
  stepCaptures: Type.Array(StepCapture),
  healingEvents: Type.Array(Open({})),
  consoleLogs: Type.Array(Type.String()),
  network: Type.Array(Type.Unknown()),
  visualDiffs: Type.Array(Open({})),
  visualRegression: Type.Boolean(),
});

export const RunSchema = Type.Intersect([
  RunSummarySchema,
  Open({
    testQueue: Type.Array(Type.Unknown()),
    results: Type.Array(RunResultSchema),
    logs: Type.Array(Type.String()),
    siteGraph: Type.Unknown({ description: '{nodes, edges} of a crawl, or null' }),
    tokenUsage: Type.Unknown(),
    lastEventId: Type.Integer({ description: 'The event sequence this view reflects.' }),
  }),
]);

/** One row of `GET /tests/:testId/results`: a result and the run it came from. */
export const TestHistoryEntrySchema = Type.Object({
  runId: Type.String(),
  runType: Type.String(),
  runStatus: Type.String({ description: 'The status of the whole run (it may still be running).' }),
  startedAt: Type.String({ description: 'When the run started.' }),
  finishedAt: Str,
  testName: Type.String({ description: 'The name the test had in that run.' }),
  status: Type.String({ description: 'passed, failed, flaky or skipped' }),
  durationMs: Int,
  error: Nullable(Type.String({ description: 'The first 300 characters; the full text is on the run.' })),
  errorCategory: Nullable(Type.String({ description: "Why it failed: the result's failure category." })),
  retryCount: Type.Integer(),
  failedAfterRetry: Type.Boolean(),
  healCount: Type.Integer({ description: 'Elements found by healing in that run.' }),
  healFailures: Type.Integer({ description: 'Elements healing could not find.' }),
  visualRegression: Type.Boolean(),
  browser: Str,
  device: Str,
  screenshotPath: Str,
  tracePath: Str,
  videoPath: Str,
});
