import { Badge, Table, Text } from '@mantine/core';
import { formatDuration, type NetworkEntry } from './run-model';

const MAX_ROWS = 300;

function statusColor(entry: NetworkEntry): string {
  if (entry.failure || entry.status === null) return 'red';
  if (entry.status >= 500) return 'red';
  if (entry.status >= 400) return 'orange';
  if (entry.status >= 300) return 'blue';
  return 'green';
}

/** The requests the test's page made (final attempt). */
export function NetworkTable({ entries }: { entries: NetworkEntry[] }) {
  if (entries.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No requests were recorded for this test.
      </Text>
    );
  const shown = entries.slice(0, MAX_ROWS);
  return (
    <>
      <Table.ScrollContainer minWidth={640} maxHeight={420}>
        <Table striped verticalSpacing={4} fz="xs" stickyHeader>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Method</Table.Th>
              <Table.Th>URL</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Time</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((entry, index) => (
              <Table.Tr key={index}>
                <Table.Td ff="monospace">{entry.method}</Table.Td>
                <Table.Td style={{ wordBreak: 'break-all' }}>
                  {entry.url}
                  {entry.failure && (
                    <Text size="xs" c="red">
                      {entry.failure}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Badge size="sm" variant="light" color={statusColor(entry)}>
                    {entry.status ?? 'failed'}
                  </Badge>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDuration(entry.durationMs)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {entries.length > MAX_ROWS && (
        <Text size="xs" c="dimmed">
          Showing the first {MAX_ROWS} of {entries.length} requests.
        </Text>
      )}
    </>
  );
}
