import { Anchor, Button, Divider, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { EmptyState, ErrorState, Loading } from '../../components/PageState';
import { ResultBadge, Tag } from './TestBadges';
import { ResultEvidence } from './ResultEvidence';
import { formatDate, formatDuration, type Test } from './test-model';
import { healsOf, RUNS_SCANNED, useTestHistory, visualDiffsOf } from './use-test-history';

/** This test's recent results, and the evidence of the one picked. */
export function RunHistory({ test, canAccept }: { test: Test; canAccept: boolean }) {
  const history = useTestHistory(test);
  const [picked, setPicked] = useState<string | undefined>(undefined);

  if (history.isPending && history.entries.length === 0) return <Loading label="Loading run history…" />;
  if (history.error) return <ErrorState error={history.error} onRetry={history.refetch} />;

  const entries = history.entries;
  const selected = entries.find((entry) => entry.run.id === picked) ?? entries[0];

  return (
    <Stack gap="md">
      <Stack gap={2}>
        <Title order={2} size="h4">
          Run history
        </Title>
        <Text size="xs" c="dimmed">
          Last result: <ResultBadge result={test.lastResult} /> · last run {formatDate(test.lastRunAt)}. Results below
          come from the project&apos;s {RUNS_SCANNED} most recent test runs.
        </Text>
      </Stack>
      {entries.length === 0 ? (
        <EmptyState title="No recent results">
          <Text size="sm" c="dimmed">
            {history.scanned === 0
              ? 'This project has no test runs yet.'
              : `This test was not part of the last ${history.scanned} test run${history.scanned === 1 ? '' : 's'}.`}
          </Text>
        </EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={700}>
          <Table
            verticalSpacing="xs"
            highlightOnHover
            aria-label="Results of this test"
            style={{ whiteSpace: 'nowrap' }}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Run</Table.Th>
                <Table.Th>Started</Table.Th>
                <Table.Th>Result</Table.Th>
                <Table.Th>Duration</Table.Th>
                <Table.Th>Browser</Table.Th>
                <Table.Th>Heals</Table.Th>
                <Table.Th>Visual</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Evidence</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map(({ run, result }) => {
                const heals = healsOf(result).filter((heal) => heal.healed || heal.failed).length;
                const regressions = visualDiffsOf(result).filter((diff) => diff.status === 'regression').length;
                return (
                  <Table.Tr
                    key={run.id}
                    onClick={() => setPicked(run.id)}
                    style={{ cursor: 'pointer' }}
                    bg={selected?.run.id === run.id ? 'var(--mantine-primary-color-light)' : undefined}
                  >
                    <Table.Td>
                      <Anchor component={Link} to={`/runs/${encodeURIComponent(run.id)}`} size="sm">
                        {run.id}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatDate(run.startedAt)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <ResultBadge result={result.status} />
                      {result.retryCount > 0 && (
                        <Text size="xs" c="dimmed" span ml={4}>
                          {result.retryCount} retr{result.retryCount === 1 ? 'y' : 'ies'}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatDuration(result.durationMs)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{result.browser ?? run.browser ?? '—'}</Text>
                    </Table.Td>
                    <Table.Td>{heals > 0 ? <Tag color="teal">{heals}</Tag> : <Text size="sm">0</Text>}</Table.Td>
                    <Table.Td>
                      {regressions > 0 ? (
                        <Tag color="red">{regressions} changed</Tag>
                      ) : (
                        <Text size="sm" c="dimmed">
                          —
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="compact-xs"
                        variant={selected?.run.id === run.id ? 'filled' : 'light'}
                        aria-pressed={selected?.run.id === run.id}
                        aria-label={`Show evidence of ${run.id}`}
                        onClick={(event) => {
                          event.stopPropagation();
                          setPicked(run.id);
                        }}
                      >
                        Evidence
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {selected && (
        <>
          <Divider />
          <ResultEvidence testId={test.id} run={selected.run} result={selected.result} canAccept={canAccept} />
        </>
      )}
    </Stack>
  );
}
