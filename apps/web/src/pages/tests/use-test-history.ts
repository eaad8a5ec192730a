import { useQuery } from '@tanstack/react-query';
import { get } from '../../api/client';
import type { ApiResult, Run, RunResult } from '../../api/types';
import { testKeys, type Test } from './test-model';

/** How many of this test's latest results the history shows. */
export const HISTORY_LIMIT = 20;

/** One row of the history: a result of this test and the run it came from (lean, no evidence). */
export type HistoryEntry = ApiResult<'/tests/{testId}/results'>[number];

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

/** This test's latest results across runs, newest first, in one request. */
export function useTestHistory(test: Test) {
  const history = useQuery({
    queryKey: [...testKeys.history(test.id), 'results', HISTORY_LIMIT],
    queryFn: ({ signal }) =>
      get<HistoryEntry[]>(`/tests/${encodeURIComponent(test.id)}/results?limit=${HISTORY_LIMIT}`, signal),
    // A run still going adds results as it goes: look again while one is in the list.
    refetchInterval: (query) => (query.state.data?.some((entry) => entry.runStatus === 'running') ? 5_000 : false),
  });
  return {
    entries: history.data ?? [],
    isPending: history.isPending,
    error: history.error,
    refetch: () => void history.refetch(),
  };
}

/**
 * The full result behind one history row (steps, heals, screenshots of every step), read from
 * the run only for the row being looked at.
 */
export function useResultEvidence(testId: string, entry: HistoryEntry | undefined) {
  const run = useQuery({
    queryKey: [...testKeys.history(testId), 'run', entry?.runId, entry?.runStatus],
    queryFn: ({ signal }) => get<Run>(`/runs/${encodeURIComponent(entry?.runId ?? '')}`, signal),
    enabled: entry !== undefined,
    staleTime: entry?.runStatus === 'running' ? 0 : 5 * 60_000,
  });
  const result = run.data?.results.find((candidate) => candidate.testId === testId);
  return { run: run.data, result, isPending: entry !== undefined && run.isPending, error: run.error };
}
