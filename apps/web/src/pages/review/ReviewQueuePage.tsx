import { Anchor, Box, Drawer, Grid, Group, Loader, Pagination, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, get } from '../../api/client';
import type { Project } from '../../api/types';
import { useSession } from '../../auth/session';
import { EmptyState, ErrorState, Loading } from '../../components/PageState';
import { NotFoundPage } from '../NotFoundPage';
import { ACTION_STATUS, type BulkAction, type ReviewAction } from '../tests/test-model';
import { useBulkAction, useReviewAction } from '../tests/use-test-mutations';
import { BulkActionBar } from './BulkActionBar';
import { ReviewFilters } from './ReviewFilters';
import { ReviewTable } from './ReviewTable';
import { ShortcutsHint } from './ShortcutsHint';
import { TestPreview } from './TestPreview';
import { useQueueHotkeys } from './use-queue-hotkeys';
import { PAGE_SIZE, useQueueFilters, useTestCounts, useTestPage, type QueueFilters } from './use-review-queue';

/** Where a QA lead works through generated drafts: filter, preview, approve or reject — by mouse or keyboard. */
export default function ReviewQueuePage() {
  const { projectId = '' } = useParams();
  const navigate = useNavigate();
  const canReview = useSession().can('qa_lead');
  const project = useQuery({
    queryKey: ['projects', projectId],
    queryFn: ({ signal }) => get<Project>(`/projects/${encodeURIComponent(projectId)}`, signal),
  });
  const [filters, setFilters] = useQueueFilters();
  const page = useTestPage(projectId, filters);
  const counts = useTestCounts(projectId);
  const review = useReviewAction();
  const bulk = useBulkAction();

  const [checked, setChecked] = useState<Set<string>>(new Set());
  // The focused row: by id, falling back to the same position when that test leaves the page.
  const [focus, setFocus] = useState<{ id?: string; index: number; closed?: boolean }>({ index: 0 });
  const searchRef = useRef<HTMLInputElement>(null);
  // Side by side from the lg breakpoint; on narrower screens the preview opens as a bottom sheet.
  const wide = useMediaQuery('(min-width: 75em)', true, { getInitialValueInEffect: false });
  const [sheet, setSheet] = useState(false);
  const rowRefs = useRef(new Map<string, HTMLTableRowElement>());

  const tests = page.data?.data ?? [];
  const focused = focus.closed
    ? undefined
    : (tests.find((test) => test.id === focus.id) ?? tests[Math.min(focus.index, tests.length - 1)]);
  const focusedIndex = focused ? tests.indexOf(focused) : -1;

  const changeFilters = (change: Partial<QueueFilters>, index = 0) => {
    setChecked(new Set());
    setFocus({ index });
    setFilters(change);
  };

  const focusRow = (index: number) => {
    const test = tests[index];
    if (!test) return;
    setFocus({ id: test.id, index });
    rowRefs.current.get(test.id)?.focus();
  };

  const move = (delta: 1 | -1) => {
    const next = focusedIndex + delta;
    if (next >= 0 && next < tests.length) return focusRow(next);
    if (delta === 1 && page.data?.meta.hasMore) changeFilters({ page: filters.page + 1 }, 0);
    if (delta === -1 && next < 0 && filters.page > 1) changeFilters({ page: filters.page - 1 }, PAGE_SIZE - 1);
  };

  const act = (action: ReviewAction, advance: boolean) => {
    if (!focused) return;
    if (focused.reviewStatus !== ACTION_STATUS[action])
      review.mutate({ projectId, testId: focused.id, action, name: focused.name });
    // Move on to the next test, which stays focused whether or not the decided one leaves the list.
    const next = tests[focusedIndex + 1] ?? tests[focusedIndex - 1];
    if (advance && next) {
      setFocus({ id: next.id, index: focusedIndex + 1 });
      rowRefs.current.get(next.id)?.focus();
    }
  };

  const runBulk = (action: BulkAction) =>
    bulk.mutate({ projectId, testIds: [...checked], action }, { onSuccess: () => setChecked(new Set()) });

  useQueueHotkeys({
    move,
    approve: canReview ? () => act('approve', true) : undefined,
    reject: canReview ? () => act('reject', true) : undefined,
    open: () => focused && navigate(`/tests/${encodeURIComponent(focused.id)}`),
    escape: () => (checked.size > 0 ? setChecked(new Set()) : setFocus({ index: focusedIndex, closed: true })),
    searchRef,
  });

  if (project.error instanceof ApiError && project.error.status === 404) return <NotFoundPage what="project" />;

  const totalPages = Math.max(1, Math.ceil((page.data?.meta.total ?? 0) / PAGE_SIZE));
  const filtered = filters.status !== 'all' || filters.category !== 'all' || filters.stale || filters.search !== '';

  return (
    <Stack gap="md">
      <Stack gap={2}>
        <Anchor component={Link} to={`/projects/${encodeURIComponent(projectId)}`} size="sm">
          {project.data?.name ?? 'Project'}
        </Anchor>
        <Group gap="sm" align="center">
          <Title order={1} size="h2">
            Review queue
          </Title>
          {page.isFetching && !page.isPending && <Loader size="xs" role="status" aria-label="Refreshing" />}
        </Group>
        <Text size="sm" c="dimmed">
          Generated and hand-written tests wait here as drafts; only approved tests run in regression.
        </Text>
      </Stack>

      <ReviewFilters filters={filters} counts={counts.data} onChange={changeFilters} searchRef={searchRef} />
      <ShortcutsHint canReview={canReview} />

      {canReview && checked.size > 0 && (
        <BulkActionBar
          count={checked.size}
          busy={bulk.isPending}
          onAction={runBulk}
          onClear={() => setChecked(new Set())}
        />
      )}

      {page.isPending ? (
        <Loading label="Loading tests…" />
      ) : page.error ? (
        <ErrorState error={page.error} onRetry={() => void page.refetch()} />
      ) : tests.length === 0 ? (
        <EmptyState title={filtered ? 'No tests match these filters' : 'No tests yet'}>
          <Text size="sm" c="dimmed">
            {filtered
              ? 'Try another status or clear the search.'
              : 'Crawl the project or write a test, and it will wait here for review.'}
          </Text>
        </EmptyState>
      ) : (
        <Grid gap="md" align="flex-start">
          <Grid.Col span={wide ? 8 : 12}>
            <Stack gap="sm">
              <ReviewTable
                tests={tests}
                checked={canReview ? checked : undefined}
                onCheck={
                  canReview
                    ? (ids, on) =>
                        setChecked((current) => {
                          const next = new Set(current);
                          ids.forEach((id) => (on ? next.add(id) : next.delete(id)));
                          return next;
                        })
                    : undefined
                }
                focusedId={focused?.id}
                onFocus={(id) => setFocus({ id, index: tests.findIndex((test) => test.id === id) })}
                onOpen={(id) => navigate(`/tests/${encodeURIComponent(id)}`)}
                onPick={() => setSheet(!wide)}
                rowRefs={rowRefs}
              />
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Text size="xs" c="dimmed">
                  {page.data?.meta.total ?? 0} test{page.data?.meta.total === 1 ? '' : 's'}
                </Text>
                {totalPages > 1 && (
                  <Box component="nav" aria-label="Pages">
                    <Pagination
                      size="sm"
                      total={totalPages}
                      value={filters.page}
                      onChange={(value) => changeFilters({ page: value })}
                      getControlProps={(control) => ({ 'aria-label': `${control} page` })}
                    />
                  </Box>
                )}
              </Group>
            </Stack>
          </Grid.Col>
          {wide && (
            <Grid.Col span={4}>
              <Box pos="sticky" top={72}>
                <TestPreview
                  test={focused}
                  busy={review.isPending}
                  onAction={canReview ? (action) => act(action, false) : undefined}
                />
              </Box>
            </Grid.Col>
          )}
        </Grid>
      )}
      {!wide && (
        <Drawer
          opened={sheet && focused !== undefined}
          onClose={() => setSheet(false)}
          position="bottom"
          size="auto"
          title="Test preview"
          styles={{ content: { height: 'auto', maxHeight: '85dvh' } }}
        >
          <TestPreview
            test={focused}
            busy={review.isPending}
            onAction={
              canReview
                ? (action) => {
                    act(action, false);
                    setSheet(false);
                  }
                : undefined
            }
          />
        </Drawer>
      )}
    </Stack>
  );
}
