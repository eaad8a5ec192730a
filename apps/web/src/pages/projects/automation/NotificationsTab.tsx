import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { get } from '../../../api/client';
import type { ApiResult, Notifications } from '../../../api/types';
import { useSession } from '../../../auth/session';
import { EmptyState, QueryState } from '../../../components/PageState';
import { DeliveriesTable } from './DeliveriesTable';
import { CHANNEL_FIELDS } from './notification-channels';
import { NotificationsForm } from './NotificationsForm';
import { automationKeys, projectPath } from './shared';

type Current = ApiResult<'/projects/{id}/notifications'>;

/** The channels as a viewer sees them: webhook URLs arrive already redacted by the server. */
function ChannelsView({ settings }: { settings: Notifications }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="notifications-view-title">
      <Stack>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={3} size="h4" id="notifications-view-title">
            Failure notifications
          </Title>
          <Badge color={settings.enabled ? 'green' : 'gray'} variant="light">
            {settings.enabled ? 'On' : 'Off'}
          </Badge>
        </Group>
        <Stack gap="sm" component="dl" m={0}>
          {CHANNEL_FIELDS.map(({ field, label }) => (
            <div key={field}>
              <Text component="dt" size="xs" c="dimmed" tt="uppercase" fw={600}>
                {label}
              </Text>
              <Text
                component="dd"
                m={0}
                size="sm"
                ff={settings[field] ? 'monospace' : undefined}
                c={settings[field] ? undefined : 'dimmed'}
                style={{ overflowWrap: 'anywhere' }}
              >
                {settings[field] ?? 'Not used'}
              </Text>
            </div>
          ))}
        </Stack>
      </Stack>
    </Paper>
  );
}

/** Where a project's failure notifications go, and what became of the latest ones. */
export function NotificationsTab({ projectId }: { projectId: string }) {
  const { can } = useSession();
  const canEdit = can('qa_lead');
  const query = useQuery({
    queryKey: automationKeys.notifications(projectId),
    queryFn: ({ signal }) => get<Current>(`${projectPath(projectId)}/notifications`, signal),
  });
  return (
    <Stack gap="xl">
      <QueryState query={query} loadingLabel="Loading notification settings…">
        {({ notifications }) =>
          canEdit ? (
            <NotificationsForm
              key={notifications ? `${notifications.id}:${notifications.updatedAt}` : 'new'}
              projectId={projectId}
              settings={notifications}
            />
          ) : notifications ? (
            <ChannelsView settings={notifications} />
          ) : (
            <EmptyState title="No notifications">
              <Text size="sm" c="dimmed">
                Nobody is told when runs of this project fail. A QA lead or admin can set up Teams, Slack, a webhook or
                e-mail.
              </Text>
            </EmptyState>
          )
        }
      </QueryState>
      <DeliveriesTable projectId={projectId} />
    </Stack>
  );
}
