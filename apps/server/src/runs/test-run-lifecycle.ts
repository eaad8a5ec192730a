import { refusedUrlIn, type Clock } from '@sentri/core';
import type { RunRow, RunsRepository, TestRow } from '@sentri/db';
import { checkTestCode, describeProblems, toSpecFile } from '@sentri/engine';
import type { Logger } from 'pino';
import type { Config } from '../config/index.js';
import type { RunJournal } from './run-journal.js';
import type { RunOptions } from './run-options.js';
import type { TestRunJob } from './test-run-executor.js';

export type RunnableProject = { id: string; name: string; url: string; failOnVisualRegression: number };

/** What the executor needs for one run: the specs it may run, the ones it refuses, the browser setup. */
export function testRunJob(
  run: RunRow,
  project: RunnableProject,
  tests: TestRow[],
  options: RunOptions,
  config: Config,
): TestRunJob {
  // Each test's code is parsed once: it either runs or is reported as refused.
  const runnable: TestRunJob['tests'] = [];
  const refused: TestRunJob['refused'] = [];
  for (const test of tests) {
    const error = refusalOf(test, config.crawl.allowPrivateUrls);
    if (error) refused.push({ id: test.id, name: test.name, error });
    else {
      const steps = JSON.parse(test.steps) as [];
      runnable.push({ id: test.id, name: test.name, spec: toSpecFile({ ...test, steps }, '@sentri/runtime') });
    }
  }
  return {
    run,
    baseURL: project.url,
    tests: runnable,
    refused,
    workers: options.workers,
    failOnVisualRegression: project.failOnVisualRegression === 1,
    browser: options.browser,
    context: {
      viewport: config.execution.viewport,
      device: options.device,
      locale: options.locale,
      timezoneId: options.timezoneId,
      geolocation: options.geolocation,
      network: options.network,
    },
  };
}

/** Whatever broke, the run must not stay `running`: it fails, and says why. */
export async function failCrashedRun(
  deps: { runs: RunsRepository; clock: Clock; logger: Logger },
  run: RunRow,
  journal: RunJournal,
  error: unknown,
): Promise<void> {
  deps.logger.error({ err: error, runId: run.id }, 'test run crashed');
  const at = deps.clock.now();
  const message = error instanceof Error ? error.message : String(error);
  const failed = await deps.runs
    .finish(run.id, {
      status: 'failed',
      finishedAt: at.toISOString(),
      duration: at.getTime() - Date.parse(run.startedAt),
      error: message,
      errorCategory: 'runner_crash',
    })
    .catch(() => false);
  if (failed) {
    await journal.log(`Run failed: ${message}`, 'error');
    await journal.record('done', { status: 'failed' });
  }
}

/**
 * Why a test's code may not run, or undefined when it may. Code is checked when saved, but a
 * stricter rule, or code written before a rule existed, is caught again here.
 */
export function refusalOf(test: TestRow, allowPrivateUrls = true): string | undefined {
  // What the test would reach (navigations and `request` calls alike) follows the outbound policy.
  const outbound = refusedUrlIn(`${test.playwrightCode ?? ''}\n${test.steps}`, { allowPrivate: allowPrivateUrls });
  if (outbound) return `Test refused: ${outbound.url} — ${outbound.reason}`;
  if (!test.playwrightCode) return undefined;
  const check = checkTestCode(test.playwrightCode);
  return check.ok ? undefined : `Test code refused: ${describeProblems(check.problems)}`;
}

/** Every queued test without a result gets `skipped`: an aborted run still accounts for all of them. */
export async function skipUnfinished(runs: RunsRepository, run: RunRow): Promise<void> {
  const done = new Set((await runs.results(run.id)).map((result) => result.testId));
  const queue = JSON.parse(run.testQueue ?? '[]') as { id: string; name: string }[];
  let position = done.size;
  for (const test of queue.filter((item) => !done.has(item.id))) {
    await runs.insertResult({
      runId: run.id,
      position: position++,
      testId: test.id,
      testName: test.name,
      status: 'skipped',
      durationMs: null,
      error: 'Aborted before execution',
      failureCategory: null,
      retryCount: 0,
      browser: run.browser,
      startedAt: null,
      detail: '{}',
    });
  }
}
