import fs from 'node:fs/promises';
import path from 'node:path';
import type { ArtifactStore } from '@sentri/core';
import { classifyFailure, type ChildMessage } from '@sentri/engine';
import type { RunResultRow } from '@sentri/db';
import { artifactUrl, type ResultArtifacts, type ResultDetail } from './run-view.js';
import type { VisualDiff } from './visual-check.js';

export type Attempt = Extract<ChildMessage, { type: 'attempt' }>;

/** What a run keeps per test while its attempts come in. */
export interface TestProgress {
  id: string;
  name: string;
  attempts: Attempt[];
  healingEvents: Record<string, unknown>[];
  stepCaptures: { step: number; title: string; path: string }[];
  /** Requests of the final attempt's page. */
  network?: unknown[];
}

const MAX_ERROR = 4000;

/**
 * The final status of a test from all its attempts. A pass after a failed attempt is `flaky`:
 * counting it as `passed` would hide exactly the instability users need to see.
 */
export function finalStatus(attempts: Attempt[]): 'passed' | 'failed' | 'flaky' | 'skipped' {
  const last = attempts.at(-1);
  if (!last || last.status === 'skipped' || last.status === 'interrupted') return 'skipped';
  if (last.status === 'passed') return attempts.length > 1 ? 'flaky' : 'passed';
  return 'failed';
}

/** Tells the run about evidence the store refused (a full volume…); the result is stored without it. */
export type EvidenceLost = (key: string, error: unknown) => void;

/** Copies an attempt's evidence into the artifact store; the database keeps only the keys. */
async function storeFile(
  store: ArtifactStore,
  key: string,
  file: string | undefined,
  lost: EvidenceLost,
): Promise<string | undefined> {
  if (!file) return undefined;
  let data: Buffer;
  try {
    data = await fs.readFile(file);
  } catch {
    return undefined; // evidence that was never written (a crash mid-attempt) is simply absent
  }
  try {
    await store.put(key, data);
    return key;
  } catch (error) {
    lost(key, error);
    return undefined;
  }
}

export async function storeArtifacts(
  store: ArtifactStore,
  runId: string,
  progress: TestProgress,
  onLost: EvidenceLost = () => undefined,
): Promise<ResultArtifacts> {
  const put = (key: string, file: string | undefined) => storeFile(store, key, file, onLost);
  const prefix = `runs/${runId}/${progress.id}`;
  const final = progress.attempts.at(-1);
  const attachment = (attempt: Attempt | undefined, name: string) =>
    attempt?.attachments.filter((item) => item.name === name && item.path).at(-1)?.path;
  const artifacts: ResultArtifacts = {};
  const screenshot = await put(`${prefix}/screenshot.png`, attachment(final, 'screenshot'));
  if (screenshot) artifacts.screenshot = screenshot;
  const trace = await put(`${prefix}/trace.zip`, attachment(final, 'trace'));
  if (trace) artifacts.trace = trace;
  const video = await put(`${prefix}/video.webm`, attachment(final, 'video'));
  if (video) artifacts.video = video;
  const earlier: string[] = [];
  for (const attempt of progress.attempts.slice(0, -1)) {
    const key = await put(`${prefix}/attempt-${attempt.retry}-trace.zip`, attachment(attempt, 'trace'));
    if (key) earlier.push(key);
  }
  if (earlier.length > 0) artifacts.attemptTraces = earlier;
  const steps: NonNullable<ResultArtifacts['stepScreenshots']> = [];
  for (const capture of progress.stepCaptures) {
    const key = await put(`${prefix}/step-${capture.step}${path.extname(capture.path)}`, capture.path);
    if (key) steps.push({ step: capture.step, title: capture.title, key });
  }
  if (steps.length > 0) artifacts.stepScreenshots = steps;
  // A heal's screenshot is evidence too; the event then points at the stored copy, not the run's temp dir.
  for (const [index, heal] of progress.healingEvents.entries()) {
    const file = typeof heal.screenshotPath === 'string' ? heal.screenshotPath : undefined;
    delete heal.screenshotPath;
    const key = await put(`${prefix}/heal-${index + 1}.png`, file);
    if (key) heal.screenshot = artifactUrl(key);
  }
  return artifacts;
}

/** The row a finished test leaves on its run. */
export function resultRow(
  runId: string,
  position: number,
  progress: TestProgress,
  browser: string,
  runStartedAt: number,
  artifacts: ResultArtifacts,
): Omit<RunResultRow, 'id'> {
  const final = progress.attempts.at(-1);
  const status = finalStatus(progress.attempts);
  const error = status === 'failed' ? final?.errors[0] : undefined;
  const detail: ResultDetail = {
    startedAt: progress.attempts[0]?.startedAt ?? null,
    failedAfterRetry: status === 'failed' && progress.attempts.length > 1,
    steps:
      final?.steps.map(({ title, durationMs, error: stepError }) => ({
        title,
        durationMs,
        ...(stepError ? { error: stepError } : {}),
      })) ?? [],
    attempts: progress.attempts.map((attempt) => ({
      retry: attempt.retry,
      status: attempt.status,
      durationMs: attempt.durationMs,
      ...(attempt.errors[0] ? { error: attempt.errors[0].message.slice(0, MAX_ERROR) } : {}),
    })),
    artifacts,
    healingEvents: progress.healingEvents,
    consoleLogs: final?.output ?? [],
    network: progress.network ?? [],
  };
  const firstStart = progress.attempts[0]?.startedAt;
  return {
    runId,
    position,
    testId: progress.id,
    testName: progress.name,
    status,
    durationMs: progress.attempts.reduce((sum, attempt) => sum + attempt.durationMs, 0),
    error: error ? error.message.slice(0, MAX_ERROR) : status === 'skipped' ? 'Aborted before execution' : null,
    failureCategory: status === 'failed' ? classifyFailure(final?.status ?? 'failed', error) : null,
    retryCount: Math.max(0, progress.attempts.length - 1),
    browser,
    startedAt: firstStart ? Date.parse(firstStart) - runStartedAt : null,
    detail: JSON.stringify(detail),
  };
}

/**
 * A result with its screenshot comparisons. A regression is always reported; it fails the test
 * only where the project asked for that, because a changed page is not always a broken one.
 */
export function withVisualDiffs(
  row: Omit<RunResultRow, 'id'>,
  diffs: VisualDiff[],
  failOnRegression: boolean,
): Omit<RunResultRow, 'id'> {
  const detail = JSON.parse(row.detail) as ResultDetail;
  const regressions = diffs.filter((diff) => diff.status === 'regression');
  const updated = {
    ...row,
    detail: JSON.stringify({ ...detail, visualDiffs: diffs, visualRegression: regressions.length > 0 }),
  };
  if (regressions.length === 0 || !failOnRegression) return updated;
  const worst = regressions.reduce((a, b) => ((a.diffRatio ?? 0) >= (b.diffRatio ?? 0) ? a : b));
  const percent = (value: number | undefined) => `${((value ?? 0) * 100).toFixed(2)}%`;
  return {
    ...updated,
    status: 'failed',
    failureCategory: 'VISUAL_REGRESSION',
    error: `Visual regression at step ${worst.step}: ${percent(worst.diffRatio)} of pixels differ (threshold ${percent(worst.threshold)})`,
  };
}
