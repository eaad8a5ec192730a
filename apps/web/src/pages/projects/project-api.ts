import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ApiError, get } from '../../api/client';
import type { ApiResult, Project } from '../../api/types';

/** Query keys of the project pages; everything about one project lives under `projectKeys.one(id)`. */
export const projectKeys = {
  all: ['projects'] as const,
  one: (id: string) => ['projects', id] as const,
  counts: (id: string) => ['projects', id, 'counts'] as const,
  runs: (id: string, page: number, pageSize: number) => ['projects', id, 'runs', page, pageSize] as const,
};

export type TestCounts = ApiResult<'/projects/{id}/tests/counts'>;
type RunsAnswer = ApiResult<'/projects/{id}/runs'>;
/** The paged form of `GET /projects/:id/runs` (the route also answers a flat array without `page`). */
type PagedRuns = Extract<RunsAnswer, { data: unknown }>;
export type RunSummary = PagedRuns['data'][number];
/** `meta` is typed as an open object; the server fills it as API.md §1.7 describes. */
export interface PageMeta {
  total: number;
  page: number;
  pageSize: number;
  hasMore: boolean;
}

export const useProjects = () => useQuery({ queryKey: projectKeys.all, queryFn: () => get<Project[]>('/projects') });

export const useProject = (id: string) =>
  useQuery({ queryKey: projectKeys.one(id), queryFn: () => get<Project>(`/projects/${encodeURIComponent(id)}`) });

export const useTestCounts = (id: string) =>
  useQuery({
    queryKey: projectKeys.counts(id),
    queryFn: () => get<TestCounts>(`/projects/${encodeURIComponent(id)}/tests/counts`),
  });

export function useProjectRuns(id: string, page: number, pageSize: number) {
  return useQuery({
    queryKey: projectKeys.runs(id, page, pageSize),
    queryFn: async () => {
      const answer = await get<RunsAnswer>(
        `/projects/${encodeURIComponent(id)}/runs?page=${page}&pageSize=${pageSize}`,
      );
      if (Array.isArray(answer)) {
        return { data: answer, meta: { total: answer.length, page: 1, pageSize: answer.length, hasMore: false } };
      }
      return { data: answer.data, meta: answer.meta as unknown as PageMeta };
    },
    placeholderData: keepPreviousData,
    // While a run is in progress its status and counts change: keep the list fresh.
    refetchInterval: (query) => (query.state.data?.data.some((run) => run.status === 'running') ? 5_000 : false),
  });
}

export const isNotFound = (error: unknown) => error instanceof ApiError && error.status === 404;

/**
 * The server names the offending field of a 400 (`body.url`, `body.credentials.password`, …);
 * this gives the last segment so the message can sit next to that input.
 */
export function fieldOf(error: unknown): string | null {
  if (!(error instanceof ApiError)) return null;
  const field = error.body.field;
  if (typeof field !== 'string' || !field.startsWith('body.')) return null;
  return field.split('.').pop() ?? null;
}

export const projectPath = (id: string, tab?: string) => `/projects/${encodeURIComponent(id)}${tab ? `/${tab}` : ''}`;
