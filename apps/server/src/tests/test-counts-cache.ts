import type { TestCounts, TestFilters } from '@sentri/db';

/**
 * Review counts per project, kept for a moment. Counting 100 000 tests takes milliseconds and
 * the dashboard, the review queue and every paged list ask for it; writes through this process
 * drop the entry at once, and the short lifetime bounds what another instance's writes can hide.
 */
export class TestCountsCache {
  readonly #entries = new Map<string, { counts: TestCounts; at: number }>();
  readonly #loading = new Map<string, Promise<TestCounts>>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async get(projectId: string, load: () => Promise<TestCounts>): Promise<TestCounts> {
    const entry = this.#entries.get(projectId);
    if (entry && this.now() - entry.at < this.ttlMs) return entry.counts;
    // Concurrent misses share one query instead of each scanning the index.
    const pending = this.#loading.get(projectId);
    if (pending) return pending;
    const started = this.now();
    const loading = load()
      .then((counts) => {
        this.#entries.set(projectId, { counts, at: started });
        return counts;
      })
      .finally(() => this.#loading.delete(projectId));
    this.#loading.set(projectId, loading);
    return loading;
  }

  invalidate(projectId: string): void {
    this.#entries.delete(projectId);
    this.#loading.delete(projectId);
  }

  /** After a write that touches many projects at once (the stale-test sweep). */
  clear(): void {
    this.#entries.clear();
    this.#loading.clear();
  }
}

/** How many tests match these filters, when the counts alone can say; undefined otherwise. */
export function totalFromCounts(counts: TestCounts, filters: TestFilters): number | undefined {
  const { reviewStatus, category, search, stale } = filters;
  const set = [reviewStatus, category, search, stale || undefined].filter((value) => value !== undefined);
  if (set.length === 0) return counts.total;
  if (set.length > 1) return undefined;
  if (reviewStatus === 'draft' || reviewStatus === 'approved' || reviewStatus === 'rejected')
    return counts[reviewStatus];
  if (reviewStatus !== undefined) return 0;
  if (category) return counts[category];
  if (stale) return counts.stale;
  return undefined;
}
