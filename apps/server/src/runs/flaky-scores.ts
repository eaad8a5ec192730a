/**
 * Flakiness per test over recent finished runs: `round(min(passes, fails) / (passes + fails) × 100)`,
 * 0 for a test that always passes or always fails, up to 50 for a coin flip. A `flaky` result
 * (failed, then passed on retry) counts as one failure and one pass: the retry hid a failure
 * that really happened. Tests seen fewer than twice get no score.
 */
export function computeFlakyScores(results: { testId: string; status: string }[]): Map<string, number> {
  const tally = new Map<string, { passes: number; fails: number }>();
  for (const { testId, status } of results) {
    const entry = tally.get(testId) ?? { passes: 0, fails: 0 };
    if (status === 'passed') entry.passes += 1;
    else if (status === 'failed') entry.fails += 1;
    else if (status === 'flaky') {
      entry.passes += 1;
      entry.fails += 1;
    } else continue;
    tally.set(testId, entry);
  }
  const scores = new Map<string, number>();
  for (const [testId, { passes, fails }] of tally) {
    const total = passes + fails;
    if (total >= 2) scores.set(testId, Math.round((Math.min(passes, fails) / total) * 100));
  }
  return scores;
}
