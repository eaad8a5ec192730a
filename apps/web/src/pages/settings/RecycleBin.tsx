import { Badge, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { get } from '../../api/client';
import type { ApiResult } from '../../api/types';
import { useSession } from '../../auth/session';
import { EmptyState, QueryState } from '../../components/PageState';
import { formatDateTime } from '../dashboard/format';
import { binnedItems, type BinType } from './binned';
import { BinActions } from './BinActions';
import { RECYCLE_BIN_KEY, type RecycleBinContents } from './queries';

type Filter = 'all' | BinType;
const TYPE_LABEL: Record<BinType, string> = { project: 'Project', test: 'Test', run: 'Run' };

/** Deleted projects, tests and runs: qa leads restore them, admins delete them for good. */
export function RecycleBin() {
  const { can } = useSession();
  const [filter, setFilter] = useState<Filter>('all');
  const bin = useQuery({
    queryKey: RECYCLE_BIN_KEY,
    queryFn: ({ signal }) => get<RecycleBinContents>('/recycle-bin', signal),
  });
  const projects = useQuery({
    queryKey: ['projects'],
    queryFn: ({ signal }) => get<ApiResult<'/projects'>>('/projects', signal),
  });
  const canAct = can('qa_lead');

  return (
    <QueryState query={bin} loadingLabel="Loading the recycle bin…">
      {(contents) => {
        const items = binnedItems(contents);
        if (items.length === 0)
          return (
            <EmptyState title="The recycle bin is empty">
              <Text size="sm" c="dimmed">
                Deleted projects, tests and runs appear here until they are restored or deleted for good.
              </Text>
            </EmptyState>
          );
        const names = new Map<string, string>();
        for (const project of projects.data ?? []) names.set(project.id, project.name);
        for (const item of items) if (item.type === 'project') names.set(item.id, item.name);
        const shown = filter === 'all' ? items : items.filter((item) => item.type === filter);
        const count = (type: BinType) => items.filter((item) => item.type === type).length;

        return (
          <Stack gap="sm">
            <SegmentedControl
              aria-label="Show"
              value={filter}
              onChange={(value) => setFilter(value as Filter)}
              data={[
                { value: 'all', label: `All (${items.length})` },
                { value: 'project', label: `Projects (${count('project')})` },
                { value: 'test', label: `Tests (${count('test')})` },
                { value: 'run', label: `Runs (${count('run')})` },
              ]}
              style={{ alignSelf: 'flex-start', maxWidth: '100%' }}
              size="xs"
            />
            <Table.ScrollContainer minWidth={canAct ? 720 : 560} type="native">
              <Table verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Type</Table.Th>
                    <Table.Th>Name</Table.Th>
                    <Table.Th>Project</Table.Th>
                    <Table.Th>Deleted</Table.Th>
                    {canAct && <Table.Th>Actions</Table.Th>}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {shown.map((item) => (
                    <Table.Tr key={`${item.type}-${item.id}`}>
                      <Table.Td>
                        <Badge variant="light" color="gray" size="sm" miw="max-content">
                          {TYPE_LABEL[item.type]}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" fw={500}>
                          {item.name}
                        </Text>
                        {item.detail && (
                          <Text size="xs" c="dimmed">
                            {item.detail}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{item.projectId ? (names.get(item.projectId) ?? item.projectId) : '—'}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{formatDateTime(item.deletedAt)}</Text>
                      </Table.Td>
                      {canAct && (
                        <Table.Td>
                          <BinActions item={item} />
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Stack>
        );
      }}
    </QueryState>
  );
}
