/** One finished test, as the `result` event and the snapshot's `results[]` carry it. */
export interface TestResult {
  testId: string;
  testName: string;
  status: 'passed' | 'failed' | 'flaky' | 'skipped' | (string & {});
  durationMs: number | null;
  error: string | null;
  retryCount?: number;
}

export interface Counts {
  passed: number;
  failed: number;
  flaky: number;
  skipped: number;
  /** Tests that have finished so far. */
  finished: number;
  /** Tests in the run; null until the server said. */
  total: number | null;
}

/**
 * What we know of the run's progress. From the event stream it counts results one by one (a
 * test reported twice — by a snapshot and by its own event — counts once); while polling, the
 * status answer's counts replace it wholesale.
 */
export class RunTally {
  private readonly seen = new Map<string, string>();
  private polled: Omit<Counts, 'total'> | null = null;
  total: number | null = null;

  /** Records a result; false when this test was already counted. */
  add(result: TestResult): boolean {
    if (this.seen.has(result.testId)) return false;
    this.seen.set(result.testId, result.status);
    this.polled = null;
    return true;
  }

  /** Counts from the status endpoint, which knows passed and failed but not flaky or skipped. */
  setFromStatus(status: { passed: number; failed: number; total: number; flaky?: number; skipped?: number }): void {
    const flaky = status.flaky ?? 0;
    const skipped = status.skipped ?? 0;
    this.total = status.total;
    // Per-test results we already saw are at least as precise as the status counts.
    if (this.seen.size >= status.passed + status.failed + flaky + skipped && this.seen.size > 0) return;
    this.polled = {
      passed: status.passed,
      failed: status.failed,
      flaky,
      skipped,
      finished: status.passed + status.failed + flaky + skipped,
    };
  }

  counts(): Counts {
    if (this.polled) return { ...this.polled, total: this.total };
    const counts: Counts = { passed: 0, failed: 0, flaky: 0, skipped: 0, finished: this.seen.size, total: this.total };
    for (const status of this.seen.values()) {
      if (status === 'passed' || status === 'failed' || status === 'flaky' || status === 'skipped') counts[status] += 1;
    }
    return counts;
  }
}
