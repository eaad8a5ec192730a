import { useQueries, useQuery } from '@tanstack/react-query';
import { get } from '../../api/client';
import type { Run, RunResult } from '../../api/types';
import { testKeys, type RunSummary, type Test } from './test-model';

/** How many of the project's latest test runs are searched for this test's results. */
export const RUNS_SCANNED = 10;

export interface HistoryEntry {
  run: Run;
  result: RunResult;
}

/** A heal as the runtime reports it; the API types it as an open object, so it is narrowed here. */
export interface HealEvent {
  action?: string;
  label?: string;
  strategy?: string;
  previousStrategy?: string;
  healed?: boolean;
  failed?: boolean;
  score?: number;
  oldLocator?: string;
  newLocator?: string;
  screenshot?: string;
  durationMs?: number;
  retry?: number;
}

/** One comparison with a baseline (open object in the API types, narrowed here). */
export interface VisualDiff {
  step: number;
  status: 'baseline_created' | 'match' | 'regression' | 'error' | string;
  diffRatio?: number;
  threshold?: number;
  baselinePath?: string;
  diffPath?: string;
  reason?: string;
}

export const healsOf = (result: RunResult) => result.healingEvents as HealEvent[];
export const visualDiffsOf = (result: RunResult) => result.visualDiffs as unknown as VisualDiff[];

/**
 * This test's recent results. The API has no "runs of one test" endpoint, so this reads the
 * project's latest test runs (lean list) and then each of the newest few in full, keeping the
 * results that belong to the test.
 */
export function useTestHistory(test: Test) {
  const runs = useQuery({
    queryKey: [...testKeys.history(test.id), 'runs', test.projectId],
    queryFn: ({ signal }) =>
      get<{ data: RunSummary[] }>(`/projects/${encodeURIComponent(test.projectId)}/runs?page=1&pageSize=40`, signal),
  });
  const candidates = (runs.data?.data ?? [])
    .filter((run) => run.type === 'test_run' || run.type === 'run')
    .slice(0, RUNS_SCANNED);
  const details = useQueries({
    queries: candidates.map((run) => ({
      queryKey: [...testKeys.history(test.id), 'run', run.id, run.status],
      queryFn: ({ signal }: { signal: AbortSignal }) => get<Run>(`/runs/${encodeURIComponent(run.id)}`, signal),
      staleTime: run.status === 'running' ? 0 : 5 * 60_000,
    })),
  });
  const entries: HistoryEntry[] = details.flatMap(({ data: run }) =>
    run ? run.results.filter((result) => result.testId === test.id).map((result) => ({ run, result })) : [],
  );
  return {
    entries,
    isPending: runs.isPending || details.some((detail) => detail.isPending),
    error: runs.error ?? details.find((detail) => detail.error)?.error ?? null,
    refetch: () => void runs.refetch(),
    scanned: candidates.length,
  };
}
