import { describe, expect, it } from 'vitest';
import { computeFlakyScores } from './flaky-scores.js';
import { finalStatus, type Attempt } from './result-builder.js';

const attempt = (status: Attempt['status'], retry = 0): Attempt => ({
  type: 'attempt',
  testId: 'TC-1',
  retry,
  final: true,
  status,
  durationMs: 10,
  startedAt: new Date(0).toISOString(),
  errors: [],
  attachments: [],
  steps: [],
  output: [],
});

describe('flaky scores', () => {
  it('scores min(passes, fails) / total over recent results, 0 to 50', () => {
    const scores = computeFlakyScores([
      ...['passed', 'failed', 'passed', 'failed'].map((status) => ({ testId: 'coin', status })),
      ...['passed', 'passed', 'passed'].map((status) => ({ testId: 'solid', status })),
      ...['failed', 'failed'].map((status) => ({ testId: 'broken', status })),
      ...['passed', 'passed', 'passed', 'failed'].map((status) => ({ testId: 'shaky', status })),
    ]);
    expect(Object.fromEntries(scores)).toEqual({ coin: 50, solid: 0, broken: 0, shaky: 25 });
  });

  it('counts a pass on retry as the failure it hid, and ignores skips and single sightings', () => {
    const scores = computeFlakyScores([
      { testId: 'retried', status: 'flaky' },
      { testId: 'retried', status: 'passed' },
      { testId: 'once', status: 'passed' },
      { testId: 'skipped', status: 'skipped' },
      { testId: 'skipped', status: 'skipped' },
    ]);
    // flaky = 1 pass + 1 fail, plus a pass: min(2, 1) / 3.
    expect(Object.fromEntries(scores)).toEqual({ retried: 33 });
  });
});

describe('final status of a test', () => {
  it('is flaky when it passed only after a failed attempt', () => {
    expect(finalStatus([attempt('passed')])).toBe('passed');
    expect(finalStatus([attempt('failed'), attempt('passed', 1)])).toBe('flaky');
    expect(finalStatus([attempt('failed'), attempt('timedOut', 1)])).toBe('failed');
    expect(finalStatus([attempt('interrupted')])).toBe('skipped');
    expect(finalStatus([])).toBe('skipped');
  });
});
