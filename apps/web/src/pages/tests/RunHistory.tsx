import { Anchor, Button, Divider, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { EmptyState, ErrorState, Loading } from '../../components/PageState';
import { ResultBadge, Tag } from './TestBadges';
import { ResultEvidence } from './ResultEvidence';
import { formatDate, formatDuration, type Test } from './test-model';
import { HISTORY_LIMIT, useResultEvidence, useTestHistory, type HistoryEntry } from './use-test-history';

/** This test's recent results, and the evidence of the one picked. */
export function RunHistory({ test, canAccept }: { test: Test; canAccept: boolean }) {
  const history = useTestHistory(test);
  const [picked, setPicked] = useState<string | undefined>(undefined);
  const entries = history.entries;
  const selected = entries.find((entry) => entry.runId === picked) ?? entries[0];

  if (history.isPending && entries.length === 0) return <Loading label="Loading run history…" />;
  if (history.error) return <ErrorState error={history.error} onRetry={history.refetch} />;

  return (
    <Stack gap="md">
      <Stack gap={2}>
        <Title order={2} size="h4">
          Run history
        </Title>
        <Text size="xs" c="dimmed">
          Last result: <ResultBadge result={test.lastResult} /> · last run {formatDate(test.lastRunAt)}. Below: this
          test&apos;s {HISTORY_LIMIT} most recent results, newest first.
        </Text>
      </Stack>
      {entries.length === 0 ? (
        <EmptyState title="No recent results">
          <Text size="sm" c="dimmed">
            This test has not been run yet.
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
              {entries.map((entry) => {
                const { runId } = entry;
                const heals = entry.healCount + entry.healFailures;
                const isSelected = selected?.runId === runId;
                return (
                  <Table.Tr
                    key={runId}
                    onClick={() => setPicked(runId)}
                    style={{ cursor: 'pointer' }}
                    bg={isSelected ? 'var(--mantine-primary-color-light)' : undefined}
                  >
                    <Table.Td>
                      <Anchor component={Link} to={`/runs/${encodeURIComponent(runId)}`} size="sm">
                        {runId}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatDate(entry.startedAt)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <ResultBadge result={entry.status} />
                      {entry.retryCount > 0 && (
                        <Text size="xs" c="dimmed" span ml={4}>
                          {entry.retryCount} retr{entry.retryCount === 1 ? 'y' : 'ies'}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatDuration(entry.durationMs)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {entry.browser ?? '—'}
                        {entry.device ? ` · ${entry.device}` : ''}
                      </Text>
                    </Table.Td>
                    <Table.Td>{heals > 0 ? <Tag color="teal">{heals}</Tag> : <Text size="sm">0</Text>}</Table.Td>
                    <Table.Td>
                      {entry.visualRegression ? (
                        <Tag color="red">changed</Tag>
                      ) : (
                        <Text size="sm" c="dimmed">
                          —
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="compact-xs"
                        variant={isSelected ? 'filled' : 'light'}
                        aria-pressed={isSelected}
                        aria-label={`Show evidence of ${runId}`}
                        onClick={(event) => {
                          event.stopPropagation();
                          setPicked(runId);
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
          <SelectedEvidence testId={test.id} entry={selected} canAccept={canAccept} />
        </>
      )}
    </Stack>
  );
}

/** The evidence of the picked row, read from its run when it is picked. */
function SelectedEvidence({ testId, entry, canAccept }: { testId: string; entry: HistoryEntry; canAccept: boolean }) {
  const evidence = useResultEvidence(testId, entry);
  if (evidence.isPending) return <Loading label={`Loading the evidence of ${entry.runId}…`} />;
  if (evidence.error) return <ErrorState error={evidence.error} />;
  if (!evidence.run || !evidence.result) {
    return (
      <Text size="sm" c="dimmed">
        The evidence of {entry.runId} is no longer available.
      </Text>
    );
  }
  return <ResultEvidence testId={testId} run={evidence.run} result={evidence.result} canAccept={canAccept} />;
}
