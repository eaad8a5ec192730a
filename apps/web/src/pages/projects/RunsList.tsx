import { Anchor, Badge, Group, Pagination, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { EmptyState, QueryState } from '../../components/PageState';
import { formatDate, formatDuration, runStatusColor, runStatusLabel, runTypeLabel } from './format';
import { useProjectRuns, type RunSummary } from './project-api';

export function RunStatusBadge({ status }: { status: string }) {
  return (
    <Badge color={runStatusColor(status)} variant={status === 'running' ? 'filled' : 'light'}>
      {runStatusLabel(status)}
    </Badge>
  );
}

/** What a run produced, in a few words: results for test runs, pages for crawls. */
function outcome(run: RunSummary): string {
  if ((run.status === 'failed' || run.status === 'interrupted') && run.error) return run.error;
  if (run.type === 'crawl' && run.pagesFound !== null) {
    return `${run.pagesFound} page${run.pagesFound === 1 ? '' : 's'}`;
  }
  if (run.total !== null && run.total > 0) {
    const flaky = run.flaky ? `, ${run.flaky} flaky` : '';
    return `${run.passed ?? 0} passed, ${run.failed ?? 0} failed${flaky} of ${run.total}`;
  }
  return run.error ?? '—';
}

/** A project's runs, newest first, paged by the API; each links to its live/detail view. */
export function RunsList({ projectId, pageSize = 10 }: { projectId: string; pageSize?: number }) {
  const [page, setPage] = useState(1);
  const runs = useProjectRuns(projectId, page, pageSize);
  return (
    <QueryState query={runs} loadingLabel="Loading runs…">
      {({ data, meta }) =>
        data.length === 0 && page === 1 ? (
          <EmptyState title="No runs yet">
            <Text size="sm" c="dimmed">
              Crawl the app or generate tests to get drafts to review, then run the approved ones.
            </Text>
          </EmptyState>
        ) : (
          <Stack gap="sm">
            <Table.ScrollContainer minWidth={720}>
              <Table verticalSpacing="xs" highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Run</Table.Th>
                    <Table.Th>Type</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <Table.Th>Outcome</Table.Th>
                    <Table.Th>Started</Table.Th>
                    <Table.Th>Duration</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.map((run) => (
                    <Table.Tr key={run.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/runs/${encodeURIComponent(run.id)}`} fw={500}>
                          {run.id}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{runTypeLabel(run.type)}</Text>
                        {run.browser && (
                          <Text size="xs" c="dimmed">
                            {[run.browser, run.device, run.networkCondition !== 'fast' ? run.networkCondition : null]
                              .filter(Boolean)
                              .join(' · ')}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <RunStatusBadge status={run.status} />
                      </Table.Td>
                      <Table.Td maw={280}>
                        <Text size="sm" lineClamp={2}>
                          {outcome(run)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{formatDate(run.startedAt)}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{run.status === 'running' ? 'running…' : formatDuration(run.duration)}</Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {meta.total > meta.pageSize && (
              <Group justify="space-between">
                <Text size="sm" c="dimmed">
                  {meta.total} runs
                </Text>
                <Pagination
                  size="sm"
                  total={Math.ceil(meta.total / meta.pageSize)}
                  value={page}
                  onChange={setPage}
                  getControlProps={(control) => ({ 'aria-label': `${control} page of runs` })}
                  getItemProps={(item) => ({ 'aria-label': `Runs page ${item}` })}
                />
              </Group>
            )}
          </Stack>
        )
      }
    </QueryState>
  );
}
