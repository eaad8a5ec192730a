import { Anchor, Badge, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { get } from '../../../api/client';
import type { ApiResult } from '../../../api/types';
import { EmptyState, QueryState } from '../../../components/PageState';
import { CHANNEL_NAMES } from './notification-channels';
import { automationKeys, formatDate, projectPath } from './shared';

type Deliveries = ApiResult<'/projects/{id}/notifications/deliveries'>;

const LIMIT = 50;

const formatDuration = (ms: number) => (ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`);

/** Every recent attempt to notify someone (or call CI back), so "why did nobody hear about it?" has an answer. */
export function DeliveriesTable({ projectId }: { projectId: string }) {
  const query = useQuery({
    queryKey: automationKeys.deliveries(projectId),
    queryFn: ({ signal }) =>
      get<Deliveries>(`${projectPath(projectId)}/notifications/deliveries?limit=${LIMIT}`, signal),
  });
  return (
    <Stack component="section" aria-labelledby="deliveries-title" gap="sm">
      <Group justify="space-between" align="baseline" wrap="wrap" gap="xs">
        <Title order={3} size="h4" id="deliveries-title">
          Recent deliveries
        </Title>
        <Text size="sm" c="dimmed">
          The latest {LIMIT} attempts, newest first
        </Text>
      </Group>
      <QueryState query={query} loadingLabel="Loading deliveries…">
        {({ deliveries }) =>
          deliveries.length === 0 ? (
            <EmptyState title="Nothing sent yet">
              <Text size="sm" c="dimmed">
                When a run ends with failures, every notification and CI callback sent for it is listed here with its
                outcome.
              </Text>
            </EmptyState>
          ) : (
            <Table.ScrollContainer minWidth={900}>
              <Table verticalSpacing="sm" highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Sent</Table.Th>
                    <Table.Th scope="col">Run</Table.Th>
                    <Table.Th scope="col">Channel</Table.Th>
                    <Table.Th scope="col">Target</Table.Th>
                    <Table.Th scope="col">Result</Table.Th>
                    <Table.Th scope="col">Took</Table.Th>
                    <Table.Th scope="col">Error</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {deliveries.map((delivery) => (
                    <Table.Tr key={delivery.id}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(delivery.createdAt)}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <Anchor component={Link} to={`/runs/${encodeURIComponent(delivery.runId)}`} size="sm">
                          {delivery.runId}
                        </Anchor>
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {CHANNEL_NAMES[delivery.channel] ?? delivery.channel}
                      </Table.Td>
                      <Table.Td miw={200} maw={320}>
                        <Text size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                          {delivery.target}
                        </Text>
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <Group gap={6} wrap="nowrap">
                          <Badge color={delivery.ok ? 'green' : 'red'} variant="light" miw="max-content">
                            {delivery.ok ? 'Delivered' : 'Failed'}
                          </Badge>
                          {delivery.status !== null && (
                            <Text size="xs" c="dimmed">
                              HTTP {delivery.status}
                            </Text>
                          )}
                        </Group>
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDuration(delivery.durationMs)}</Table.Td>
                      <Table.Td>
                        <Text size="sm" c={delivery.error ? 'red' : 'dimmed'} style={{ overflowWrap: 'anywhere' }}>
                          {delivery.error ?? '—'}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryState>
    </Stack>
  );
}
