import { Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { get } from '../../../api/client';
import type { ApiResult } from '../../../api/types';
import { useSession } from '../../../auth/session';
import { EmptyState, QueryState } from '../../../components/PageState';
import { ScheduleForm } from './ScheduleForm';
import { ScheduleHistory } from './ScheduleHistory';
import { ScheduleSummary } from './ScheduleSummary';
import { automationKeys, projectPath } from './shared';

type Current = ApiResult<'/projects/{id}/schedule'>;

/** The project's recurring regression run: what is set, a form to change it, and what each due time became. */
export function ScheduleTab({ projectId }: { projectId: string }) {
  const { can } = useSession();
  const canEdit = can('qa_lead');
  const query = useQuery({
    queryKey: automationKeys.schedule(projectId),
    queryFn: ({ signal }) => get<Current>(`${projectPath(projectId)}/schedule`, signal),
  });
  return (
    <Stack gap="xl">
      <QueryState query={query} loadingLabel="Loading the schedule…">
        {({ schedule }) => (
          <Stack>
            {schedule ? (
              <ScheduleSummary schedule={schedule} />
            ) : (
              <EmptyState title="No schedule">
                <Text size="sm" c="dimmed">
                  {canEdit
                    ? 'Run the approved tests of this project automatically: pick when below.'
                    : 'This project has no recurring run. A QA lead or admin can set one up.'}
                </Text>
              </EmptyState>
            )}
            {canEdit && (
              <ScheduleForm
                key={schedule ? `${schedule.id}:${schedule.updatedAt}` : 'new'}
                projectId={projectId}
                schedule={schedule}
              />
            )}
          </Stack>
        )}
      </QueryState>
      <ScheduleHistory projectId={projectId} />
    </Stack>
  );
}
