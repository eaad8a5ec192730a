import { Anchor, Badge, Button, Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import { formatDuration, humanize, queueOf, RESULT_STATUS_COLOR, type Run, type RunResult } from './run-model';

interface Row {
  testId: string;
  testName: string;
  status: string;
  result?: RunResult;
}

/** Finished results first, in the order they finished, then the tests still running or queued. */
function rowsOf(run: Run, running: Set<string>): Row[] {
  const rows: Row[] = run.results.map((result) => ({ ...result, result }));
  if (run.status !== 'running') return rows;
  const seen = new Set(rows.map((row) => row.testId));
  for (const test of queueOf(run)) {
    if (seen.has(test.id)) continue;
    rows.push({ testId: test.id, testName: test.name, status: running.has(test.id) ? 'running' : 'queued' });
  }
  return rows;
}

export function StatusBadge({ status }: { status: string }) {
  return (
    <Badge color={RESULT_STATUS_COLOR[status] ?? 'gray'} variant="light" style={{ minWidth: 'max-content' }}>
      {humanize(status)}
    </Badge>
  );
}

export function ResultsTable({
  run,
  running,
  selected,
  onSelect,
}: {
  run: Run;
  running: Set<string>;
  selected: string | null;
  onSelect: (testId: string) => void;
}) {
  const rows = rowsOf(run, running);
  return (
    <Stack gap="xs" component="section" aria-labelledby="results-title">
      <Title order={2} size="h4" id="results-title">
        Results
      </Title>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {run.status === 'running' ? 'No test has finished yet.' : 'This run has no results.'}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table highlightOnHover verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Test</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Duration</Table.Th>
                <Table.Th>Retries</Table.Th>
                <Table.Th>Failure category</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Details</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => {
                const isSelected = selected === row.testId;
                return (
                  <Table.Tr key={row.testId} bg={isSelected ? 'var(--mantine-primary-color-light)' : undefined}>
                    <Table.Td>
                      <Anchor component={Link} to={`/tests/${encodeURIComponent(row.testId)}`} size="sm">
                        {row.testName}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {row.testId}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <StatusBadge status={row.status} />
                        {row.result?.visualRegression && (
                          <Badge color="grape" variant="outline" style={{ minWidth: 'max-content' }}>
                            Visual change
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>{row.result ? formatDuration(row.result.durationMs) : '—'}</Table.Td>
                    <Table.Td>{row.result ? row.result.retryCount : '—'}</Table.Td>
                    <Table.Td>
                      {row.result?.failureCategory ? (
                        <Badge color="red" variant="outline">
                          {humanize(row.result.failureCategory)}
                        </Badge>
                      ) : (
                        '—'
                      )}
                    </Table.Td>
                    <Table.Td>
                      {row.result && (
                        <Button
                          size="compact-sm"
                          variant={isSelected ? 'filled' : 'light'}
                          aria-pressed={isSelected}
                          aria-label={`Details of ${row.testName}`}
                          onClick={() => onSelect(row.testId)}
                        >
                          Details
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
