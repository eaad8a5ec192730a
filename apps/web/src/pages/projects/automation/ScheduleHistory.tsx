import { Anchor, Badge, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { get } from '../../../api/client';
import type { ApiResult } from '../../../api/types';
import { EmptyState, QueryState } from '../../../components/PageState';
import { automationKeys, formatDate, projectPath } from './shared';

type History = ApiResult<'/projects/{id}/schedule/history'>;
type Tick = History['ticks'][number];

interface OutcomeView {
  label: string;
  color: string;
  /** Why, in words, when the outcome is not "started". */
  reason?: string;
  alarm?: boolean;
}

const OUTCOMES: Record<string, OutcomeView> = {
  started: { label: 'Started', color: 'green' },
  skipped_active: { label: 'Skipped', color: 'yellow', reason: 'A run of this project was still in progress.' },
  skipped_no_tests: { label: 'Skipped', color: 'yellow', reason: 'The project had no approved tests to run.' },
  skipped_no_project: { label: 'Skipped', color: 'yellow', reason: 'The project no longer exists.' },
  missed: { label: 'Missed', color: 'red', reason: 'No Sentri scheduler was running at the due time.', alarm: true },
  failed: { label: 'Failed to start', color: 'red', alarm: true },
  claimed: { label: 'Starting…', color: 'blue' },
};

/** Server details quote ISO timestamps; show them in the user's time like every other date here. */
const readableDetail = (detail: string) =>
  detail.replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z/g, (iso) => formatDate(iso));

const outcomeOf = (tick: Tick): OutcomeView =>
  OUTCOMES[tick.outcome] ?? { label: tick.outcome.replace(/_/g, ' '), color: 'gray' };

function TickDetail({ tick, view }: { tick: Tick; view: OutcomeView }) {
  const runLink = tick.runId && (
    <Anchor component={Link} to={`/runs/${encodeURIComponent(tick.runId)}`} size="sm">
      {tick.outcome === 'started' ? `Open run ${tick.runId}` : `The run in progress: ${tick.runId}`}
    </Anchor>
  );
  return (
    <Stack gap={2}>
      {view.reason && !(view.alarm && tick.detail) && <Text size="sm">{view.reason}</Text>}
      {tick.detail && (view.alarm || !view.reason) && (
        <Text size="sm" c={view.alarm ? undefined : 'dimmed'} style={{ overflowWrap: 'anywhere' }}>
          {readableDetail(tick.detail)}
        </Text>
      )}
      {runLink}
      {!view.reason && !tick.detail && !runLink && (
        <Text size="sm" c="dimmed">
          —
        </Text>
      )}
    </Stack>
  );
}

/** What became of the latest due times of the schedule: started, skipped and why, or missed. */
export function ScheduleHistory({ projectId }: { projectId: string }) {
  const query = useQuery({
    queryKey: automationKeys.scheduleHistory(projectId),
    queryFn: ({ signal }) => get<History>(`${projectPath(projectId)}/schedule/history`, signal),
  });
  return (
    <Stack component="section" aria-labelledby="schedule-history-title" gap="sm">
      <Group justify="space-between" align="baseline" wrap="wrap" gap="xs">
        <Title order={3} size="h4" id="schedule-history-title">
          Schedule history
        </Title>
        <Text size="sm" c="dimmed">
          The latest due times, newest first
        </Text>
      </Group>
      <QueryState query={query} loadingLabel="Loading the schedule history…">
        {({ ticks }) =>
          ticks.length === 0 ? (
            <EmptyState title="Nothing has been due yet">
              <Text size="sm" c="dimmed">
                Each time the schedule comes due, this lists whether a run started, was skipped (and why) or was missed.
              </Text>
            </EmptyState>
          ) : (
            <Table.ScrollContainer minWidth={820}>
              <Table verticalSpacing="sm" striped={false} highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Due at</Table.Th>
                    <Table.Th scope="col">Outcome</Table.Th>
                    <Table.Th scope="col">Details</Table.Th>
                    <Table.Th scope="col">Recorded</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {ticks.map((tick) => {
                    const view = outcomeOf(tick);
                    return (
                      <Table.Tr key={tick.dueAt} bg={view.alarm ? 'var(--mantine-color-red-light)' : undefined}>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(tick.dueAt)}</Table.Td>
                        <Table.Td>
                          <Badge color={view.color} variant={view.alarm ? 'filled' : 'light'} miw="max-content">
                            {view.label}
                          </Badge>
                        </Table.Td>
                        <Table.Td miw={280}>
                          <TickDetail tick={tick} view={view} />
                        </Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>
                          <Text size="sm" c="dimmed">
                            {formatDate(tick.recordedAt)}
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryState>
    </Stack>
  );
}
