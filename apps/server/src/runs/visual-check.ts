import type { ArtifactStore, Clock } from '@sentri/core';
import type { BaselinesRepository } from '@sentri/db';
import { pngSize, type ImageComparer } from '@sentri/engine';
import { artifactUrl, type ResultArtifacts } from './run-view.js';

export interface VisualDiff {
  step: number;
  status: 'baseline_created' | 'match' | 'regression' | 'error';
  diffPixels?: number;
  totalPixels?: number;
  diffRatio?: number;
  threshold?: number;
  baselinePath?: string;
  diffPath?: string;
  reason?: string;
}

export interface VisualDeps {
  comparer: ImageComparer;
  artifacts: ArtifactStore;
  baselines: BaselinesRepository;
  clock: Clock;
  threshold: number;
  pixelTolerance: number;
}

export const baselineKey = (testId: string, browser: string, step: number) =>
  `baselines/${testId}/${browser}/step-${step}.png`;

/**
 * Compares one screenshot of a run with the accepted baseline of its (test, step, browser); the
 * first screenshot ever taken becomes the baseline. The comparison runs on a worker thread, so
 * a run's images never block the API. A regression keeps a diff image next to the run's evidence.
 */
export async function checkVisual(
  deps: VisualDeps,
  input: { runId: string; testId: string; browser: string; step: number; screenshotKey: string },
): Promise<VisualDiff> {
  const { runId, testId, browser, step, screenshotKey } = input;
  const current = await deps.artifacts.get(screenshotKey);
  if (!current) return { step, status: 'error', reason: 'screenshot missing' };
  const baseline = await deps.baselines.find(testId, step, browser);
  const stored = baseline ? await deps.artifacts.get(baseline.imagePath) : undefined;
  if (!baseline || !stored) {
    const key = baselineKey(testId, browser, step);
    await deps.artifacts.put(key, current);
    const { width, height } = pngSize(Buffer.from(current));
    await deps.baselines.upsert(
      { testId, stepNumber: step, browser, imagePath: key, width, height },
      deps.clock.now().toISOString(),
    );
    return { step, status: 'baseline_created', baselinePath: artifactUrl(key) };
  }
  // A stable page renders the same bytes every time: nothing to decode or compare.
  if (Buffer.from(stored).equals(Buffer.from(current))) {
    const { width, height } = pngSize(Buffer.from(current));
    return {
      step,
      status: 'match',
      diffPixels: 0,
      totalPixels: width * height,
      diffRatio: 0,
      threshold: deps.threshold,
      baselinePath: artifactUrl(baseline.imagePath),
    };
  }
  const result = await deps.comparer.compare(Buffer.from(stored), Buffer.from(current), {
    threshold: deps.threshold,
    pixelTolerance: deps.pixelTolerance,
  });
  if (result.status === 'error')
    return { step, status: 'error', reason: result.reason, baselinePath: artifactUrl(baseline.imagePath) };
  const diff: VisualDiff = {
    step,
    status: result.status,
    diffPixels: result.diffPixels,
    totalPixels: result.totalPixels,
    diffRatio: result.diffRatio,
    threshold: result.threshold,
    baselinePath: artifactUrl(baseline.imagePath),
  };
  if (result.status === 'regression' && result.diffPng) {
    const key = `runs/${runId}/${testId}/diff-${step}.png`;
    await deps.artifacts.put(key, result.diffPng);
    diff.diffPath = artifactUrl(key);
  }
  return diff;
}

/** The final screenshot is step 0; per-step captures keep their numbers. Failure screenshots are never compared. */
export async function visualDiffs(
  deps: VisualDeps,
  target: { runId: string; testId: string; browser: string },
  artifacts: ResultArtifacts,
): Promise<VisualDiff[]> {
  const shots = [
    ...(artifacts.screenshot ? [{ step: 0, key: artifacts.screenshot }] : []),
    ...(artifacts.stepScreenshots ?? []).map(({ step, key }) => ({ step, key })),
  ];
  const diffs: VisualDiff[] = [];
  for (const shot of shots) {
    diffs.push(
      await checkVisual(deps, { ...target, step: shot.step, screenshotKey: shot.key }).catch((error: Error) => ({
        step: shot.step,
        status: 'error' as const,
        reason: error.message,
      })),
    );
  }
  return diffs;
}
