import { Anchor, Table, Text, Tooltip } from '@mantine/core';
import { Link } from 'react-router';
import { formatDateTime, formatRelative, runTypeLabel } from './format';
import { Panel } from './Panel';
import { RunStatusBadge } from './RunStatusBadge';
import type { Dashboard } from './types';

/** The 8 newest runs of any kind. */
export function RecentRuns({ runs }: { runs: Dashboard['recentRuns'] }) {
  return (
    <Panel title="Recent runs">
      {runs.length === 0 ? (
        <Text c="dimmed" size="sm">
          No runs yet. Crawl a project or run its tests to see them here.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640} type="native">
          <Table verticalSpacing="xs" highlightOnHover style={{ whiteSpace: 'nowrap' }}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Run</Table.Th>
                <Table.Th>Project</Table.Th>
                <Table.Th>Type</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Results</Table.Th>
                <Table.Th>Started</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {runs.map((run) => (
                <Table.Tr key={run.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/runs/${encodeURIComponent(run.id)}`} size="sm" ff="monospace">
                      {run.id}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/projects/${encodeURIComponent(run.projectId)}`} size="sm">
                      {run.projectName ?? run.projectId}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{runTypeLabel(run.type)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <RunStatusBadge status={run.status} />
                  </Table.Td>
                  <Table.Td>
                    <Results run={run} />
                  </Table.Td>
                  <Table.Td>
                    <Tooltip label={formatDateTime(run.startedAt)}>
                      <Text size="sm" component="time" dateTime={run.startedAt}>
                        {formatRelative(run.startedAt)}
                      </Text>
                    </Tooltip>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Panel>
  );
}

function Results({ run }: { run: Dashboard['recentRuns'][number] }) {
  if (run.total === null) return <Text size="sm">—</Text>;
  return (
    <Text size="sm">
      <Text span c="green.8" fw={600}>
        {run.passed ?? 0} passed
      </Text>
      {' · '}
      <Text span c={run.failed ? 'red.8' : undefined} fw={run.failed ? 600 : undefined}>
        {run.failed ?? 0} failed
      </Text>
      {' · '}
      {run.total} total
    </Text>
  );
}
