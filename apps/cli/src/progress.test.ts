import { describe, expect, it } from 'vitest';
import { LineProgress, progressBar, resultLine } from './progress.js';
import type { Counts } from './run-tally.js';
import { RunTally } from './run-tally.js';

const counts = (overrides: Partial<Counts>): Counts => ({
  passed: 0,
  failed: 0,
  flaky: 0,
  skipped: 0,
  finished: 0,
  total: 10,
  ...overrides,
});

describe('progress output', () => {
  it('prints one plain line per result, with the first line of an error', () => {
    const base = { testId: 'TEST-1', testName: 'Adds a todo', durationMs: 1234, error: null };
    expect(resultLine({ ...base, status: 'passed' })).toBe('✓ TEST-1 Adds a todo (1.2 s)');
    expect(
      resultLine({
        ...base,
        status: 'failed',
        error: '\u001b[31mError: expect(locator).toHaveText(expected)\u001b[39m\n\nExpected: "Groceries"',
      }),
    ).toBe('✗ TEST-1 Adds a todo (1.2 s) — Error: expect(locator).toHaveText(expected)');
    expect(resultLine({ ...base, status: 'flaky', retryCount: 1 })).toBe(
      '~ TEST-1 Adds a todo (1.2 s) — flaky: passed after 1 retry',
    );
    expect(resultLine({ ...base, status: 'skipped', durationMs: null })).toBe('- TEST-1 Adds a todo (skipped)');
  });

  it('draws the bar from the counts', () => {
    expect(progressBar(counts({ passed: 2, failed: 1, finished: 3 }), 12_400)).toBe('[###-------] 3/10  ✓2 ✗1 ~0  12s');
    expect(progressBar(counts({ total: null }), 0)).toBe('[----------] 0/?  ✓0 ✗0 ~0  0s');
  });

  it('shows log lines only when verbose, and polled counts only when they change', () => {
    const lines: string[] = [];
    const out = { isTTY: false, write: (text: string) => lines.push(text) };
    new LineProgress(out, false).log('info', 'hidden');
    const verbose = new LineProgress(out, true);
    verbose.log('info', 'Launching Chromium');
    verbose.counts(counts({ finished: 0 }), 'stream');
    verbose.counts(counts({ passed: 1, finished: 1 }), 'poll');
    verbose.counts(counts({ passed: 1, finished: 1 }), 'poll');
    expect(lines).toEqual(['  Launching Chromium\n', '… 1/10 finished (1 passed, 0 failed)\n']);
  });
});

describe('RunTally', () => {
  it('counts each test once, and lets status counts stand in when there were no results', () => {
    const tally = new RunTally();
    tally.total = 3;
    const result = { testId: 'TEST-1', testName: 'a', status: 'flaky', durationMs: 1, error: null };
    expect(tally.add(result)).toBe(true);
    expect(tally.add(result)).toBe(false);
    expect(tally.counts()).toEqual({ passed: 0, failed: 0, flaky: 1, skipped: 0, finished: 1, total: 3 });

    const polled = new RunTally();
    polled.setFromStatus({ passed: 2, failed: 1, total: 4 });
    expect(polled.counts()).toEqual({ passed: 2, failed: 1, flaky: 0, skipped: 0, finished: 3, total: 4 });
  });
});
