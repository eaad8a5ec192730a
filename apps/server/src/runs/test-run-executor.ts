import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ArtifactStore, Clock } from '@sentri/core';
import type { BaselinesRepository, HealingRepository, RunRow, RunsRepository, TestsRepository } from '@sentri/db';
import {
  liveFile,
  runPlaywright,
  type BrowserName,
  type ChildMessage,
  type ImageComparer,
  type RunPlan,
} from '@sentri/engine';
import type { Logger } from 'pino';
import type { Config } from '../config/index.js';
import { resultRow, storeArtifacts, withVisualDiffs, type TestProgress } from './result-builder.js';
import type { RunJournal } from './run-journal.js';
import { toResultView, toRunSummary } from './run-view.js';
import { visualDiffs } from './visual-check.js';

export interface TestRunJob {
  run: RunRow;
  baseURL: string;
  tests: { id: string; name: string; spec: string }[];
  /** Tests whose code failed the safety check: recorded as failed, never executed. */
  refused: { id: string; name: string; error: string }[];
  workers: number;
  failOnVisualRegression: boolean;
  browser: { name: BrowserName; executablePath: string | undefined };
  context: RunPlan['context'];
}

export interface ExecutorDeps {
  config: Config;
  runs: RunsRepository;
  tests: TestsRepository;
  healing: HealingRepository;
  baselines: BaselinesRepository;
  comparer: ImageComparer;
  artifacts: ArtifactStore;
  clock: Clock;
  logger: Logger;
}

export interface ExecutionOutcome {
  passed: number;
  failed: number;
  flaky: number;
  skipped: number;
  retryCount: number;
  failedAfterRetry: number;
  /** Set when the run itself broke (the browser would not start, the runner crashed). */
  error?: { message: string; category: string };
}

/**
 * Executes one test run: writes the specs into a private directory, runs Playwright Test in a
 * child process, and turns what its reporter sends into results, evidence and events as they
 * arrive. Returns once the child has exited and every result is stored.
 */
export async function executeTestRun(
  job: TestRunJob,
  journal: RunJournal,
  signal: AbortSignal,
  deps: ExecutorDeps,
): Promise<ExecutionOutcome> {
  const { config, runs, clock, logger } = deps;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `sentri-${job.run.id}-`));
  const progress = new Map<string, TestProgress>(
    job.tests.map((test) => [
      test.id,
      { id: test.id, name: test.name, attempts: [], healingEvents: [], stepCaptures: [] },
    ]),
  );
  const outcome: ExecutionOutcome = { passed: 0, failed: 0, flaky: 0, skipped: 0, retryCount: 0, failedAfterRetry: 0 };
  const runStartedAt = Date.parse(job.run.startedAt);
  let position = 0;
  let pending = Promise.resolve();
  const finishTest = async (test: TestProgress) => {
    const lost: { key: string; error: unknown }[] = [];
    const artifacts = await storeArtifacts(deps.artifacts, job.run.id, test, (key, error) => lost.push({ key, error }));
    const [firstLoss] = lost;
    if (firstLoss) {
      // The result is still stored; the run says which evidence is missing and why.
      const reason = firstLoss.error instanceof Error ? firstLoss.error.message : String(firstLoss.error);
      logger.warn(
        { runId: job.run.id, testId: test.id, keys: lost.map((item) => item.key), err: firstLoss.error },
        'evidence not stored',
      );
      void journal.log(`⚠️ Evidence of ${test.id} (${lost.length} file(s)) could not be stored: ${reason}`, 'warn');
    }
    let row = resultRow(job.run.id, position++, test, job.browser.name, runStartedAt, artifacts);
    if (row.status === 'passed' || row.status === 'flaky') {
      const diffs = await visualDiffs(
        {
          comparer: deps.comparer,
          artifacts: deps.artifacts,
          baselines: deps.baselines,
          clock,
          threshold: config.execution.visualDiffThreshold,
          pixelTolerance: config.execution.visualPixelTolerance,
        },
        { runId: job.run.id, testId: test.id, browser: job.browser.name },
        artifacts,
      );
      if (diffs.length > 0) row = withVisualDiffs(row, diffs, job.failOnVisualRegression);
    }
    await runs.insertResult(row);
    await deps.tests.recordResult(test.id, row.status, clock.now().toISOString());
    const status = row.status as 'passed' | 'failed' | 'flaky' | 'skipped';
    outcome[status] += 1;
    outcome.retryCount += row.retryCount;
    if (status === 'failed' && row.retryCount > 0) outcome.failedAfterRetry += 1;
    await runs.update(job.run.id, {
      passed: outcome.passed,
      failed: outcome.failed,
      retryCount: outcome.retryCount,
      failedAfterRetry: outcome.failedAfterRetry,
    });
    const view = toResultView({ ...row, id: 0 });
    void journal.record('result', { result: view });
    // Progress for every watcher after each result: the run's counters as they stand now.
    const current = await runs.findById(job.run.id);
    if (current) void journal.snapshot({ ...toRunSummary(current), flaky: outcome.flaky, completed: position });
    const seconds = ((row.durationMs ?? 0) / 1000).toFixed(1);
    if (status === 'failed')
      void journal.log(`❌ ${test.id} ${test.name}: FAILED (${seconds} s) ${row.error ?? ''}`.trim(), 'error');
    else if (status === 'flaky')
      void journal.log(`⚠️ ${test.id} ${test.name}: passed on retry ${row.retryCount} (flaky)`, 'warn');
    else if (status === 'passed') void journal.log(`✅ ${test.id} ${test.name}: PASSED (${seconds} s)`, 'success');
  };

  const onMessage = (message: ChildMessage) => {
    const test = 'testId' in message ? progress.get(message.testId) : undefined;
    switch (message.type) {
      case 'begin':
        void journal.log(`Running ${message.total} test(s) on ${job.browser.name} with ${message.workers} worker(s)`);
        break;
      case 'test-begin':
        if (message.retry > 0) void journal.log(`↻ ${message.testId}: retry ${message.retry}`, 'warn');
        else void journal.log(`▶ ${message.testId} ${test?.name ?? ''}`.trim());
        break;
      case 'step':
        void journal.record('step', { testId: message.testId, retry: message.retry, ...message.step });
        break;
      case 'runtime':
        if (!test) break;
        if (message.event.type === 'frame') journal.frame(message.testId, message.event.data);
        else if (message.event.type === 'heal') {
          const heal: Record<string, unknown> = { ...message.event, testId: message.testId, retry: message.retry };
          test.healingEvents.push(heal);
          // Live subscribers get the heal now; its screenshot is served once the test's evidence is stored.
          const { screenshotPath: _local, ...live } = heal;
          void journal.record('heal', { heal: live });
          pending = pending.then(() => rememberHeal(deps, message.testId, message.event, clock));
        } else if (message.event.type === 'network') {
          test.network = message.event.entries;
        } else if (message.event.type === 'step-capture') {
          test.stepCaptures.push({
            step: message.event.step,
            title: message.event.title,
            path: message.event.screenshotPath,
          });
        }
        break;
      case 'attempt':
        if (!test) break;
        test.attempts.push(message);
        if (message.final)
          pending = pending
            .then(() => finishTest(test))
            .catch((error) => logger.error({ err: error }, 'storing a result failed'));
        break;
      case 'end':
        break;
    }
  };

  for (const test of job.refused) {
    await runs.insertResult({
      runId: job.run.id,
      position: position++,
      testId: test.id,
      testName: test.name,
      status: 'failed',
      durationMs: 0,
      error: test.error,
      failureCategory: 'CODE_REFUSED',
      retryCount: 0,
      browser: job.browser.name,
      startedAt: null,
      detail: '{}',
    });
    await deps.tests.recordResult(test.id, 'failed', clock.now().toISOString());
    outcome.failed += 1;
    void journal.log(`⛔ ${test.id} ${test.name}: not run. ${test.error}`, 'error');
  }
  if (job.tests.length === 0) {
    fs.rmSync(dir, { recursive: true, force: true });
    await runs.update(job.run.id, { failed: outcome.failed });
    return outcome;
  }
  try {
    const plan: RunPlan = {
      dir,
      tests: job.tests.map(({ id, spec }) => ({ id, spec })),
      workers: job.workers,
      retries: config.execution.maxRetries,
      testTimeoutMs: config.execution.testTimeoutMs,
      navigationTimeoutMs: config.execution.navigationTimeoutMs,
      baseURL: job.baseURL,
      browser: {
        name: job.browser.name,
        headless: config.browser.headless,
        executablePath: job.browser.executablePath,
      },
      context: job.context,
      screencast: config.execution.screencast,
      healing: await healingMemory(
        deps.healing,
        job.tests.map((test) => test.id),
        config.execution.healing.hintMaxFails,
      ),
      runtimeEnv: runtimeSettings(config),
    };
    const child = runPlaywright(plan, onMessage);
    // Frames are encoded only while someone watches: the runtime looks for this file.
    const live = liveFile(plan);
    let shown = false;
    const showLive = () => {
      const watched = journal.watched();
      if (watched === shown) return;
      shown = watched;
      if (watched) fs.writeFileSync(live, '');
      else fs.rmSync(live, { force: true });
    };
    showLive();
    const watcher = setInterval(showLive, 500);
    void child.exited.finally(() => clearInterval(watcher));
    const onAbort = () => child.abort();
    signal.addEventListener('abort', onAbort, { once: true });
    const exit = await child.exited;
    signal.removeEventListener('abort', onAbort);
    await pending;
    if (signal.aborted) return outcome;
    const unfinished = [...progress.values()].filter(
      (test) => test.attempts.length === 0 || !test.attempts.at(-1)?.final,
    );
    if (!exit.ended) {
      const message = exit.stderrTail || `the test runner stopped (exit ${exit.code ?? exit.signal})`;
      outcome.error = { message, category: /executable|launch/i.test(message) ? 'browser_launch' : 'runner_crash' };
      logger.warn({ runId: job.run.id, exit }, 'test runner ended without finishing');
    }
    for (const test of unfinished) await finishTest(test);
    // Every test failing because the browser would not start is the run failing, not the tests.
    const launchErrors = [...progress.values()].map((test) => test.attempts.at(-1)?.errors[0]?.message ?? '');
    if (
      !outcome.error &&
      launchErrors.length > 0 &&
      launchErrors.every((message) => /browserType\.launch/.test(message))
    ) {
      outcome.error = { message: launchErrors[0]!.split('\n')[0]!, category: 'browser_launch' };
    }
    return outcome;
  } finally {
    await pending.catch(() => undefined);
    // Chromium may still be writing into the directory for a moment after an abort.
    fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  }
}

/**
 * What the runtime remembers per element: the strategy that last found it (unless it kept failing
 * since) and the element's fingerprint, which survives any number of failures.
 */
async function healingMemory(healing: HealingRepository, testIds: string[], maxFails: number) {
  const memory: Record<string, { strategy: string; fingerprint?: unknown }> = {};
  for (const row of await healing.forTests(testIds)) {
    const evidence = row.evidence ? (JSON.parse(row.evidence) as { fingerprint?: unknown }) : {};
    const strategy = row.strategy && row.failCount < maxFails ? row.strategy : undefined;
    if (!strategy && !evidence.fingerprint) continue;
    // 'none' names no strategy: the runtime then just walks its waterfall, fingerprint in hand.
    memory[row.key] = {
      strategy: strategy ?? 'none',
      ...(evidence.fingerprint ? { fingerprint: evidence.fingerprint } : {}),
    };
  }
  return memory;
}

async function rememberHeal(
  deps: ExecutorDeps,
  testId: string,
  event: Extract<ChildMessage, { type: 'runtime' }>['event'],
  clock: Clock,
): Promise<void> {
  if (event.type !== 'heal') return;
  try {
    await deps.healing.record({
      key: event.key,
      testId,
      strategy: event.strategy,
      strategyIndex: event.strategyIndex,
      failed: event.failed === true,
      evidence: JSON.stringify({
        fingerprint: event.after ?? event.before ?? null,
        lastHeal: event.healed ? event : null,
      }),
      at: clock.now().toISOString(),
    });
  } catch (error) {
    deps.logger.warn({ err: error, key: event.key }, 'healing memory could not be stored');
  }
}

/** Settings the runtime helpers read inside the test process. */
function runtimeSettings(config: Config): Record<string, string> {
  const { healing } = config.execution;
  return {
    HEALING_ELEMENT_TIMEOUT: String(healing.elementTimeoutMs),
    HEALING_RETRY_COUNT: String(healing.retryCount),
    HEALING_RETRY_DELAY: String(healing.retryDelayMs),
    HEALING_HINT_MAX_FAILS: String(healing.hintMaxFails),
  };
}
