import { createHash } from 'node:crypto';
import {
  attemptTrace,
  cleanText,
  countByStatus,
  earlierAttempts,
  epochMs,
  evidenceLinks,
  evidenceUrl,
  firstLine,
  runError,
  type ReportAttempt,
  type ReportInput,
  type ReportResult,
} from './report-input.js';

/**
 * The Common Test Report Format version these reports follow (https://ctrf.io, spec/ctrf.md and
 * schema/ctrf.schema.json in github.com/ctrf-io/ctrf). The schema is strict: a field it does not
 * define is invalid anywhere but inside an `extra` object, so Sentri's own facts live there.
 */
export const CTRF_SPEC_VERSION = '0.1.0';

export type CtrfStatus = 'passed' | 'failed' | 'skipped' | 'pending' | 'other';
type Extra = Record<string, unknown>;

export interface CtrfAttachment {
  name: string;
  contentType: string;
  path: string;
}

export interface CtrfRetryAttempt {
  /** 1 for the initial run; the final attempt is the test itself and never listed. */
  attempt: number;
  status: CtrfStatus;
  duration?: number;
  message?: string;
  trace?: string;
  attachments?: CtrfAttachment[];
  extra?: Extra;
}

export interface CtrfStep {
  name: string;
  status: CtrfStatus;
  extra?: Extra;
}

export interface CtrfTest {
  testId?: string;
  name: string;
  status: CtrfStatus;
  /** Milliseconds, integer. */
  duration: number;
  start?: number;
  stop?: number;
  suite?: string[];
  message?: string;
  trace?: string;
  rawStatus?: string;
  type?: string;
  retries?: number;
  retryAttempts?: CtrfRetryAttempt[];
  flaky?: boolean;
  stdout?: string[];
  browser?: string;
  attachments?: CtrfAttachment[];
  steps?: CtrfStep[];
  extra?: Extra;
}

export interface CtrfSummary {
  tests: number;
  passed: number;
  failed: number;
  skipped: number;
  pending: number;
  other: number;
  flaky?: number;
  /** Epoch milliseconds. */
  start: number;
  stop: number;
  duration?: number;
  extra?: Extra;
}

export interface CtrfReport {
  reportFormat: 'CTRF';
  specVersion: string;
  reportId?: string;
  runId?: string;
  timestamp?: string;
  generatedBy?: string;
  results: {
    tool: { name: string; version?: string; extra?: Extra };
    summary: CtrfSummary;
    tests: CtrfTest[];
    environment?: { reportName?: string; appName?: string; extra?: Extra };
    extra?: Extra;
  };
  extra?: Extra;
}

/** Extension keys under one `sentri.` prefix, as the spec asks of producers (section 4.6.1). */
const RUN_EXTRA = 'sentri.run';
const RESULT_EXTRA = 'sentri.result';

/** A finished run as a CTRF document; the route serialises it with `JSON.stringify`. */
export function ctrfReport(input: ReportInput): CtrfReport {
  const { run } = input;
  const counts = countByStatus(run.results);
  const broken = runError(run);
  const tests = run.results.map((result) => ctrfTest(result, input));
  if (broken) {
    // A run that died is a failure CI must see, not a shorter list of passes.
    tests.push({
      name: 'Sentri run',
      status: 'failed',
      duration: 0,
      message: firstLine(broken.message),
      trace: broken.message,
      rawStatus: run.status,
      ...suiteOf(input),
      extra: { [RESULT_EXTRA]: { runError: true, errorCategory: broken.type } },
    });
  }
  const start = epochMs(run.startedAt) ?? 0;
  const elapsed = run.duration ?? run.results.reduce((sum, result) => sum + (result.durationMs ?? 0), 0);
  const stop = Math.max(start, epochMs(run.finishedAt) ?? start + elapsed);
  const results: CtrfReport['results'] = {
    tool: { name: 'sentri', version: input.toolVersion },
    summary: {
      tests: tests.length,
      passed: counts.passed + counts.flaky,
      failed: counts.failed + (broken ? 1 : 0),
      skipped: counts.skipped,
      pending: 0,
      other: counts.other,
      flaky: counts.flaky,
      start: Math.round(start),
      stop: Math.round(stop),
      duration: whole(run.duration ?? stop - start),
    },
    tests,
    environment: { appName: input.projectName, reportName: `Sentri run ${run.id}` },
    extra: {
      [RUN_EXTRA]: {
        runId: run.id,
        runStatus: run.status,
        runError: run.error === null ? null : cleanText(run.error),
        errorCategory: run.errorCategory,
        browser: run.browser,
      },
    },
  };
  return {
    reportFormat: 'CTRF',
    specVersion: CTRF_SPEC_VERSION,
    reportId: contentId(results),
    runId: run.id,
    timestamp: (input.generatedAt ?? new Date()).toISOString(),
    generatedBy: 'Sentri',
    results,
  };
}

function ctrfTest(result: ReportResult, input: ReportInput): CtrfTest {
  const duration = whole(result.durationMs);
  const start = epochMs(result.startedAt);
  const previous = earlierAttempts(result);
  const browser = result.browser ?? input.run.browser;
  const attachments = evidenceLinks(result, input.baseUrl).map(({ label, contentType, url }) => ({
    name: label.toLowerCase(),
    contentType,
    path: url,
  }));
  const test: CtrfTest = {
    ...(result.testId ? { testId: result.testId } : {}),
    name: result.testName || result.testId || 'Unnamed test',
    status: testStatus(result.status),
    duration,
    ...(start === null ? {} : { start: Math.round(start), stop: Math.round(start) + duration }),
    ...suiteOf(input),
    ...diagnostics(result.error),
    rawStatus: result.status,
    type: 'e2e',
    // The spec ties these together: `retries` equals the number of earlier attempts listed.
    retries: previous.length,
    ...(previous.length > 0
      ? { retryAttempts: previous.map((attempt, index) => retryAttempt(attempt, index, result, input)) }
      : {}),
    flaky: result.status === 'flaky',
    ...(result.consoleLogs.length > 0 ? { stdout: result.consoleLogs.map(cleanText) } : {}),
    ...(browser ? { browser } : {}),
    ...(attachments.length > 0 ? { attachments } : {}),
  };
  if (result.steps.length > 0) {
    test.steps = result.steps.map((step) => ({
      name: step.title,
      status: step.error ? 'failed' : 'passed',
      extra: {
        [RESULT_EXTRA]: { durationMs: step.durationMs, ...(step.error ? { error: cleanText(step.error) } : {}) },
      },
    }));
  }
  test.extra = {
    [RESULT_EXTRA]: {
      testId: result.testId,
      failureCategory: result.failureCategory,
      failedAfterRetry: result.failedAfterRetry,
    },
  };
  return test;
}

function retryAttempt(
  attempt: ReportAttempt,
  index: number,
  result: ReportResult,
  input: ReportInput,
): CtrfRetryAttempt {
  const status = attemptStatus(attempt.status);
  const trace = attemptTrace(result, attempt.retry);
  return {
    // Numbered by position: the spec wants 1, 2, 3 … with no gaps, whatever the runner recorded.
    attempt: index + 1,
    status,
    duration: whole(attempt.durationMs),
    ...diagnostics(attempt.error ?? null),
    ...(trace
      ? { attachments: [{ name: 'trace', contentType: 'application/zip', path: evidenceUrl(trace, input.baseUrl) }] }
      : {}),
    ...(attempt.status === status ? {} : { extra: { [RESULT_EXTRA]: { rawStatus: attempt.status } } }),
  };
}

/** `flaky` is a pass (with `flaky: true` beside it); anything unknown is `other`, never a silent pass. */
function testStatus(status: string): CtrfStatus {
  switch (status) {
    case 'passed':
    case 'flaky':
      return 'passed';
    case 'failed':
      return 'failed';
    case 'skipped':
      return 'skipped';
    default:
      return 'other';
  }
}

/** Playwright attempt statuses: a timeout is a failure; an interrupted attempt has no verdict. */
function attemptStatus(status: string): CtrfStatus {
  if (status === 'passed' || status === 'failed' || status === 'skipped') return status;
  return status === 'timedOut' ? 'failed' : 'other';
}

function diagnostics(error: string | null): { message?: string; trace?: string } {
  if (!error) return {};
  const full = cleanText(error).trim();
  const message = firstLine(full);
  return full === message ? { message } : { message, trace: full };
}

/** The project is the one suite level a Sentri test has; the schema wants at least one entry. */
function suiteOf(input: ReportInput): { suite?: string[] } {
  return input.projectName ? { suite: [input.projectName] } : {};
}

/** The schema types every duration and timestamp as an integer count of milliseconds. */
function whole(ms: number | null | undefined): number {
  return Math.max(0, Math.round(ms ?? 0));
}

/**
 * A UUID (version 5 layout, SHA-1 of the content) derived from the results, so downloading the same
 * finished run twice yields the same `reportId`, while a changed report gets a new one (spec 5.3).
 */
function contentId(results: CtrfReport['results']): string {
  const bytes = createHash('sha1').update(JSON.stringify(results)).digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
