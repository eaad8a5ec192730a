import { useMutation, useQueryClient } from '@tanstack/react-query';
import { patch, post } from '../../api/client';
import { notifyError, notifySuccess } from '../../app/notify';
import {
  ACTION_STATUS,
  testKeys,
  type BulkAction,
  type BulkResult,
  type ReviewAction,
  type Test,
  type TestPage,
} from './test-model';

interface ReviewVariables {
  projectId: string;
  testId: string;
  action: ReviewAction;
  name?: string;
}

const DONE: Record<BulkAction, string> = {
  approve: 'Approved',
  reject: 'Rejected',
  restore: 'Moved back to draft',
  delete: 'Moved to the recycle bin',
};

/**
 * Approve / reject / restore one test. The new status shows at once in every cached list and in
 * the test's own page; a failure puts the old status back and says why.
 */
export function useReviewAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ projectId, testId, action }: ReviewVariables) =>
      patch<Test>(`/projects/${encodeURIComponent(projectId)}/tests/${encodeURIComponent(testId)}/${action}`),
    onMutate: async ({ projectId, testId, action }) => {
      await client.cancelQueries({ queryKey: testKeys.lists(projectId) });
      const lists = client.getQueriesData<TestPage>({ queryKey: testKeys.lists(projectId) });
      const detail = client.getQueryData<Test>(testKeys.detail(testId));
      const reviewStatus = ACTION_STATUS[action];
      client.setQueriesData<TestPage>({ queryKey: testKeys.lists(projectId) }, (page) =>
        page
          ? { ...page, data: page.data.map((test) => (test.id === testId ? { ...test, reviewStatus } : test)) }
          : page,
      );
      if (detail) client.setQueryData<Test>(testKeys.detail(testId), { ...detail, reviewStatus });
      return { lists, detail };
    },
    onError: (error, { testId }, context) => {
      context?.lists.forEach(([key, data]) => client.setQueryData(key, data));
      if (context?.detail) client.setQueryData(testKeys.detail(testId), context.detail);
      notifyError(error);
    },
    onSuccess: (test, { action, name }) => {
      client.setQueryData(testKeys.detail(test.id), test);
      notifySuccess(`${DONE[action]}: ${name ?? test.name}`);
    },
    onSettled: (_data, _error, { projectId }) => {
      void client.invalidateQueries({ queryKey: testKeys.lists(projectId) });
      void client.invalidateQueries({ queryKey: testKeys.counts(projectId) });
    },
  });
}

/** One action over many tests of a project (at most 500 per call). */
export function useBulkAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ projectId, testIds, action }: { projectId: string; testIds: string[]; action: BulkAction }) =>
      post<BulkResult>(`/projects/${encodeURIComponent(projectId)}/tests/bulk`, { testIds, action }),
    onSuccess: (result, { action, testIds }) => {
      const count = 'deleted' in result ? result.deleted : result.updated;
      const skipped = testIds.length - count;
      notifySuccess(
        `${DONE[action]}: ${count} test${count === 1 ? '' : 's'}${skipped > 0 ? ` (${skipped} no longer available)` : ''}`,
      );
    },
    onError: notifyError,
    onSettled: () => client.invalidateQueries({ queryKey: testKeys.all }),
  });
}
