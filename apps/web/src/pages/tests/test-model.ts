export { describeStep } from '@sentri/core/test-steps';
import type { ApiResult } from '../../api/types';

/** Shapes of tests and what hangs off them, read from the generated API types. */
export type Test = ApiResult<'/tests/{testId}'>;
export type TestStep = Test['steps'][number];
export type ReviewStatus = Test['reviewStatus'];
export type ReviewAction = 'approve' | 'reject' | 'restore';
export type TestPage = Extract<ApiResult<'/projects/{id}/tests'>, { data: unknown }>;
export type TestCounts = ApiResult<'/projects/{id}/tests/counts'>;
export type Baseline = ApiResult<'/tests/{testId}/baselines'>[number];
export type BulkAction = ReviewAction | 'delete';
export type BulkResult = ApiResult<'/projects/{id}/tests/bulk', 'post'>;
export type RunSummary = Extract<ApiResult<'/projects/{id}/runs'>, { data: unknown }>['data'][number];

/** Query keys of this area; every key starts with `tests` so one invalidation refreshes them all. */
export const testKeys = {
  all: ['tests'] as const,
  detail: (testId: string) => ['tests', 'detail', testId] as const,
  lists: (projectId: string) => ['tests', 'list', projectId] as const,
  list: (projectId: string, params: Record<string, string>) => ['tests', 'list', projectId, params] as const,
  counts: (projectId: string) => ['tests', 'counts', projectId] as const,
  baselines: (testId: string) => ['tests', 'baselines', testId] as const,
  history: (testId: string) => ['tests', 'history', testId] as const,
};

export const REVIEW_LABEL: Record<ReviewStatus, string> = {
  draft: 'Draft',
  approved: 'Approved',
  rejected: 'Rejected',
};

/** What each review action turns a test into. */
export const ACTION_STATUS: Record<ReviewAction, ReviewStatus> = {
  approve: 'approved',
  reject: 'rejected',
  restore: 'draft',
};

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '—' : date.toLocaleString();
}

export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}

/** Only web addresses become links; anything else (a `javascript:` URL in AI output) stays text. */
export function webHref(url: string | null | undefined): string | undefined {
  return url && /^https?:\/\//i.test(url) ? url : undefined;
}

/** Evidence is only ever shown from the API's own artifact route (heal events pass through test output). */
export function artifactSrc(url: unknown): string | undefined {
  return typeof url === 'string' && url.startsWith('/api/v1/artifacts/') ? url : undefined;
}
