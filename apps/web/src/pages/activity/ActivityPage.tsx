import { Group, Select, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { del, get } from '../../api/client';
import type { ApiResult } from '../../api/types';
import { notifySuccess } from '../../app/notify';
import { useSession } from '../../auth/session';
import { QueryState } from '../../components/PageState';
import { ConfirmButton } from '../../components/ConfirmDialog';
import { ActivityFilters } from './ActivityFilters';
import { ActivityTable } from './ActivityTable';

type Activities = ApiResult<'/activities'>;
type Cleared = ApiResult<'/data/activities', 'delete'>;
const LIMITS = ['50', '200', '500', '1000'];

/** The workspace's audit trail: who did what, to which project, when. */
export default function ActivityPage() {
  const { can } = useSession();
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  const type = params.get('type') ?? '';
  const projectId = params.get('projectId') ?? '';
  const limit = LIMITS.includes(params.get('limit') ?? '') ? (params.get('limit') as string) : '200';

  const setParam = (name: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  const search = new URLSearchParams({ limit });
  if (type) search.set('type', type);
  if (projectId) search.set('projectId', projectId);
  const query = useQuery({
    queryKey: ['activities', { type, projectId, limit }],
    queryFn: ({ signal }) => get<Activities>(`/activities?${search.toString()}`, signal),
  });
  const filtered = Boolean(type || projectId);
  const logIsEmpty = !filtered && query.data?.length === 0;

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="center" gap="sm">
        <Title order={1}>Activity</Title>
        {can('admin') && !logIsEmpty && (
          <ConfirmButton
            label="Clear activity log"
            title="Clear the activity log?"
            confirmLabel="Delete the activity log"
            onConfirm={async () => {
              const result = await del<Cleared>('/data/activities');
              notifySuccess(`Cleared ${result.cleared} ${result.cleared === 1 ? 'activity' : 'activities'}.`);
              await client.invalidateQueries({ queryKey: ['activities'] });
              await client.invalidateQueries({ queryKey: ['dashboard'] });
            }}
          >
            <Text size="sm">
              This permanently deletes the whole activity log of this workspace, for every member — not only the entries
              shown by the current filter. Projects, tests and runs are not affected. This cannot be undone.
            </Text>
          </ConfirmButton>
        )}
      </Group>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <ActivityFilters
          type={type}
          projectId={projectId}
          seenTypes={query.data?.map((activity) => activity.type) ?? []}
          onType={(value) => setParam('type', value)}
          onProject={(value) => setParam('projectId', value)}
        />
        <Select
          label="Entries"
          data={LIMITS.map((value) => ({ value, label: `Latest ${value}` }))}
          value={limit}
          onChange={(value) => setParam('limit', value === '200' ? null : value)}
          allowDeselect={false}
          w={140}
        />
      </Group>
      <QueryState query={query} loadingLabel="Loading activity…">
        {(activities) => <ActivityTable activities={activities} filtered={filtered} limit={Number(limit)} />}
      </QueryState>
    </Stack>
  );
}
