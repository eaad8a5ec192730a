import { Anchor, Badge, Table, Text, Tooltip } from '@mantine/core';
import { Link } from 'react-router';
import type { ApiResult } from '../../api/types';
import { EmptyState } from '../../components/PageState';
import { formatDateTime, formatRelative } from '../dashboard/format';
import { activityLabel, activityStatusColor } from './activity-types';

type Activity = ApiResult<'/activities'>[number];

/** The log itself: type, who, project, what, when. */
export function ActivityTable({
  activities,
  filtered,
  limit,
}: {
  activities: Activity[];
  filtered: boolean;
  limit: number;
}) {
  if (activities.length === 0)
    return (
      <EmptyState title={filtered ? 'No matching activity' : 'No activity yet'}>
        <Text size="sm" c="dimmed">
          {filtered
            ? 'Nothing in the log matches these filters. Clear a filter to see more.'
            : 'Creating projects, crawling, running and reviewing tests are all recorded here.'}
        </Text>
      </EmptyState>
    );

  return (
    <>
      <Table.ScrollContainer minWidth={760} type="native">
        <Table verticalSpacing="xs" striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Type</Table.Th>
              <Table.Th>Who</Table.Th>
              <Table.Th>Project</Table.Th>
              <Table.Th>Detail</Table.Th>
              <Table.Th>When</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {activities.map((activity) => (
              <Table.Tr key={activity.id}>
                <Table.Td>
                  <Badge
                    variant="light"
                    color={activityStatusColor(activity.status)}
                    size="sm"
                    tt="none"
                    miw="max-content"
                    title={activity.status === 'completed' ? activity.type : `${activity.type} (${activity.status})`}
                  >
                    {activityLabel(activity.type)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c={activity.userName ? undefined : 'dimmed'}>
                    {activity.userName ?? 'Sentri (automatic)'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {activity.projectId ? (
                    <Anchor component={Link} to={`/projects/${encodeURIComponent(activity.projectId)}`} size="sm">
                      {activity.projectName ?? activity.projectId}
                    </Anchor>
                  ) : (
                    <Text size="sm">{activity.projectName ?? '—'}</Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Detail activity={activity} />
                </Table.Td>
                <Table.Td>
                  <Tooltip label={formatDateTime(activity.createdAt)}>
                    <Text size="sm" component="time" dateTime={activity.createdAt} style={{ whiteSpace: 'nowrap' }}>
                      {formatRelative(activity.createdAt)}
                    </Text>
                  </Tooltip>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {activities.length >= limit && (
        <Text size="xs" c="dimmed">
          Showing the latest {limit} entries. Narrow the filters or show more to see older ones.
        </Text>
      )}
    </>
  );
}

function Detail({ activity }: { activity: Activity }) {
  return (
    <Text size="sm">
      {activity.testId && (
        <>
          <Anchor component={Link} to={`/tests/${encodeURIComponent(activity.testId)}`} size="sm">
            {activity.testName ?? activity.testId}
          </Anchor>
          {activity.detail ? ' — ' : ''}
        </>
      )}
      {activity.detail ?? (activity.testId ? '' : '—')}
    </Text>
  );
}
