import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { get } from '../../api/client';
import { testKeys, type TestCounts, type TestPage } from '../tests/test-model';

export const PAGE_SIZE = 20;
export type StatusFilter = 'draft' | 'approved' | 'rejected' | 'all';
export type CategoryFilter = 'all' | 'ui' | 'api';

export interface QueueFilters {
  status: StatusFilter;
  category: CategoryFilter;
  stale: boolean;
  search: string;
  page: number;
}

const STATUSES: StatusFilter[] = ['draft', 'approved', 'rejected', 'all'];
const CATEGORIES: CategoryFilter[] = ['all', 'ui', 'api'];

/** The queue's filters live in the address, so a filtered queue can be shared or reloaded. */
export function useQueueFilters(): [QueueFilters, (change: Partial<QueueFilters>) => void] {
  const [params, setParams] = useSearchParams();
  const status = params.get('status') as StatusFilter | null;
  const category = params.get('category') as CategoryFilter | null;
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  const filters: QueueFilters = {
    status: status && STATUSES.includes(status) ? status : 'draft',
    category: category && CATEGORIES.includes(category) ? category : 'all',
    stale: params.get('stale') === 'true',
    search: params.get('search') ?? '',
    page: Number.isNaN(page) || page < 1 ? 1 : page,
  };
  const update = (change: Partial<QueueFilters>) => {
    const next = { ...filters, ...change };
    // Any change of filter starts again at the first page.
    if (!('page' in change)) next.page = 1;
    const query = new URLSearchParams();
    if (next.status !== 'draft') query.set('status', next.status);
    if (next.category !== 'all') query.set('category', next.category);
    if (next.stale) query.set('stale', 'true');
    if (next.search) query.set('search', next.search);
    if (next.page > 1) query.set('page', String(next.page));
    setParams(query, { replace: true });
  };
  return [filters, update];
}

export function useTestPage(projectId: string, filters: QueueFilters) {
  const params: Record<string, string> = {
    page: String(filters.page),
    pageSize: String(PAGE_SIZE),
    reviewStatus: filters.status,
    category: filters.category,
  };
  if (filters.search) params.search = filters.search;
  if (filters.stale) params.stale = 'true';
  return useQuery({
    queryKey: testKeys.list(projectId, params),
    queryFn: ({ signal }) =>
      get<TestPage>(`/projects/${encodeURIComponent(projectId)}/tests?${new URLSearchParams(params)}`, signal),
    placeholderData: keepPreviousData,
  });
}

export function useTestCounts(projectId: string) {
  return useQuery({
    queryKey: testKeys.counts(projectId),
    queryFn: ({ signal }) => get<TestCounts>(`/projects/${encodeURIComponent(projectId)}/tests/counts`, signal),
  });
}
