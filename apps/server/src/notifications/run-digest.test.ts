import { describe, expect, it } from 'vitest';
import { buildRunDigest, formatDuration, truncate, type RunDigestInput } from './run-digest.js';

const NOW = new Date('2025-03-04T05:06:07.890Z');

function input(overrides: Partial<RunDigestInput> = {}, run: Partial<RunDigestInput['run']> = {}): RunDigestInput {
  return {
    run: {
      id: 'RUN-7',
      projectId: 'PRJ-1',
      status: 'completed',
      passed: 3,
      failed: 2,
      total: 5,
      duration: 42_000,
      ...run,
    },
    projectName: 'Shop',
    failedTestNames: ['Checkout works', 'Login works'],
    appUrl: 'https://qa.example.com/sentri',
    now: NOW,
    ...overrides,
  };
}

describe('buildRunDigest', () => {
  it('carries the run counts, the names, a deep link and the time', () => {
    expect(buildRunDigest(input())).toEqual({
      runId: 'RUN-7',
      projectId: 'PRJ-1',
      projectName: 'Shop',
      status: 'completed',
      passed: 3,
      failed: 2,
      total: 5,
      durationMs: 42_000,
      failingTests: ['Checkout works', 'Login works'],
      moreFailing: false,
      detailUrl: 'https://qa.example.com/sentri/runs/RUN-7',
      timestamp: '2025-03-04T05:06:07.890Z',
    });
  });

  it('lists at most ten failing tests and says there are more', () => {
    const names = Array.from({ length: 12 }, (_, index) => `Test ${index + 1}`);
    const digest = buildRunDigest(input({ failedTestNames: names }, { failed: 12, total: 20 }));
    expect(digest.failingTests).toEqual(names.slice(0, 10));
    expect(digest.moreFailing).toBe(true);
  });

  it('knows there are more when only ten names were handed over but more tests failed', () => {
    const names = Array.from({ length: 10 }, (_, index) => `Test ${index + 1}`);
    expect(buildRunDigest(input({ failedTestNames: names }, { failed: 11 })).moreFailing).toBe(true);
    expect(buildRunDigest(input({ failedTestNames: names }, { failed: 10 })).moreFailing).toBe(false);
  });

  it('reads missing counts as zero and a missing duration as unknown', () => {
    const digest = buildRunDigest(input({}, { passed: null, failed: null, total: null, duration: null }));
    expect([digest.passed, digest.failed, digest.total, digest.durationMs]).toEqual([0, 0, 0, null]);
  });

  it('does not double the slash when the app URL ends with one', () => {
    expect(buildRunDigest(input({ appUrl: 'http://localhost:3000/' })).detailUrl).toBe(
      'http://localhost:3000/runs/RUN-7',
    );
  });
});

describe('formatDuration', () => {
  it.each([
    [42_000, '42s'],
    [185_000, '3m 5s'],
    [3_720_000, '1h 2m'],
    [0, '0s'],
    [250, '<1s'],
    [59_600, '1m 0s'],
    [null, '—'],
  ])('%s ms reads %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('truncate', () => {
  it('keeps short text and marks the cut of long text without splitting an emoji', () => {
    expect(truncate('short', 10)).toBe('short');
    expect(truncate('abcdefghijk', 5)).toBe('abcd…');
    const cut = truncate('abc🔴def', 5);
    expect(cut).toBe('abc…');
    expect(cut.length).toBeLessThanOrEqual(5);
  });
});
