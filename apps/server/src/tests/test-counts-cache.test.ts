import { describe, expect, it } from 'vitest';
import type { TestCounts } from '@sentri/db';
import { TestCountsCache, totalFromCounts } from './test-counts-cache.js';

const counts = (total: number): TestCounts => ({
  draft: total,
  approved: 0,
  rejected: 0,
  passed: 0,
  failed: 0,
  api: 0,
  ui: total,
  stale: 0,
  total,
});

describe('TestCountsCache', () => {
  it('answers from memory within its lifetime, reloads after it and after an invalidation', async () => {
    let now = 0;
    let loads = 0;
    const cache = new TestCountsCache(2000, () => now);
    const load = async () => counts(++loads);
    expect((await cache.get('P', load)).total).toBe(1);
    now = 1999;
    expect((await cache.get('P', load)).total).toBe(1);
    now = 2000;
    expect((await cache.get('P', load)).total).toBe(2);
    cache.invalidate('P');
    expect((await cache.get('P', load)).total).toBe(3);
  });

  it('shares one load between concurrent misses', async () => {
    let loads = 0;
    const cache = new TestCountsCache(2000, () => 0);
    const results = await Promise.all(Array.from({ length: 5 }, () => cache.get('P', async () => counts(++loads))));
    expect(loads).toBe(1);
    expect(results.every((result) => result.total === 1)).toBe(true);
  });
});

describe('totalFromCounts', () => {
  const c: TestCounts = {
    draft: 5,
    approved: 3,
    rejected: 2,
    passed: 1,
    failed: 1,
    api: 4,
    ui: 6,
    stale: 7,
    total: 10,
  };
  it('derives single-filter totals and refuses combinations and searches', () => {
    expect(totalFromCounts(c, {})).toBe(10);
    expect(totalFromCounts(c, { reviewStatus: 'approved' })).toBe(3);
    expect(totalFromCounts(c, { reviewStatus: 'unknown' })).toBe(0);
    expect(totalFromCounts(c, { category: 'api' })).toBe(4);
    expect(totalFromCounts(c, { stale: true })).toBe(7);
    expect(totalFromCounts(c, { search: 'x' })).toBeUndefined();
    expect(totalFromCounts(c, { reviewStatus: 'draft', category: 'ui' })).toBeUndefined();
  });
});
