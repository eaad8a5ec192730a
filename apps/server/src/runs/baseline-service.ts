import { AppError, type ArtifactStore, type Clock } from '@sentri/core';
import type { BaselineRow, BaselinesRepository, RunsRepository, TestsRepository } from '@sentri/db';
import { pngSize } from '@sentri/engine';
import type { ActivityLog } from '../activities/activity-log.js';
import type { Principal, WorkspaceScope } from '../auth/access.js';
import type { Config } from '../config/index.js';
import { artifactUrl, type ResultDetail } from './run-view.js';
import { baselineKey } from './visual-check.js';

const ENGINES = ['chromium', 'firefox', 'webkit'];

interface BaselineDeps {
  config: Config;
  tests: TestsRepository;
  runs: RunsRepository;
  baselines: BaselinesRepository;
  artifacts: ArtifactStore;
  activity: ActivityLog;
  clock: Clock;
}

const toView = (row: BaselineRow) => ({ ...row, imagePath: artifactUrl(row.imagePath) });

/** Visual baselines of a test (API.md §4.11): list, accept a run's screenshot, delete. */
export class BaselineService {
  constructor(private readonly deps: BaselineDeps) {}

  /** chromium / firefox / webkit, any case; anything else is the default engine. */
  browserOf(...candidates: unknown[]): string {
    for (const candidate of candidates) {
      if (typeof candidate !== 'string' || !candidate) continue;
      const name = candidate.toLowerCase();
      return ENGINES.includes(name) ? name : this.deps.config.browser.defaultEngine;
    }
    return 'chromium';
  }

  async list(scope: WorkspaceScope, testId: string, browser: unknown) {
    await this.test(scope, testId);
    const rows = await this.deps.baselines.list(testId, browser === undefined ? undefined : this.browserOf(browser));
    return rows.map(toView);
  }

  async accept(
    actor: Principal,
    scope: WorkspaceScope,
    testId: string,
    stepParam: string,
    query: unknown,
    body: unknown,
  ) {
    const test = await this.test(scope, testId);
    const step = stepNumber(stepParam);
    const input = (body ?? {}) as { runId?: unknown; browser?: unknown };
    if (typeof input.runId !== 'string' || !input.runId)
      throw new AppError('REQUEST_VALIDATION_FAILED', 'runId is required', { field: 'body.runId' });
    const run = await this.deps.runs.findLive(scope.id, input.runId);
    if (!run || run.projectId !== test.projectId) throw new AppError('RUN_NOT_FOUND', 'run not found');
    const result = (await this.deps.runs.results(run.id)).find((row) => row.testId === testId);
    if (!result) throw new AppError('ARTIFACT_NOT_FOUND', 'test result not found on run');
    const artifacts = (JSON.parse(result.detail) as Partial<ResultDetail>).artifacts ?? {};
    const source =
      step === 0 ? artifacts.screenshot : artifacts.stepScreenshots?.find((capture) => capture.step === step)?.key;
    if (!source) throw new AppError('ARTIFACT_NOT_FOUND', 'screenshot not captured for that step');
    const image = await this.deps.artifacts.get(source);
    if (!image) throw new AppError('ARTIFACT_NOT_FOUND', 'screenshot file missing on disk');
    const browser = this.browserOf((query as { browser?: unknown } | undefined)?.browser, input.browser, run.browser);
    const key = baselineKey(testId, browser, step);
    await this.deps.artifacts.put(key, image);
    const { width, height } = pngSize(Buffer.from(image));
    await this.deps.baselines.upsert(
      { testId, stepNumber: step, browser, imagePath: key, width, height },
      this.deps.clock.now().toISOString(),
    );
    await this.deps.activity.record(actor, {
      type: 'test.baseline_accept',
      workspaceId: scope.id,
      projectId: test.projectId,
      testId,
      testName: test.name,
      detail: `Step ${step} (${browser}) from ${run.id}`,
    });
    return { ok: true as const, baselinePath: artifactUrl(key), testId, browser, stepNumber: step };
  }

  async remove(scope: WorkspaceScope, testId: string, stepParam: string, query: unknown, body: unknown) {
    await this.test(scope, testId);
    const step = stepNumber(stepParam);
    const browser = this.browserOf(
      (query as { browser?: unknown } | undefined)?.browser,
      (body as { browser?: unknown } | undefined)?.browser,
    );
    const deleted = await this.deps.baselines.remove(testId, step, browser);
    await this.deps.artifacts.delete(baselineKey(testId, browser, step));
    return { ok: true as const, deleted, browser };
  }

  private async test(scope: WorkspaceScope, testId: string) {
    const test = await this.deps.tests.findLive(scope.id, testId);
    if (!test) throw new AppError('TEST_NOT_FOUND', 'test not found');
    return test;
  }
}

/** A step number as the upstream parsed it: the leading integer, which must be ≥ 0. */
function stepNumber(raw: string): number {
  const value = Number.parseInt(raw, 10);
  if (!Number.isInteger(value) || value < 0)
    throw new AppError('REQUEST_VALIDATION_FAILED', 'invalid stepNumber', { field: 'params.stepNumber' });
  return value;
}
