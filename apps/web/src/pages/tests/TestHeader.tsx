import { Anchor, Breadcrumbs, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { post } from '../../api/client';
import type { ApiResult } from '../../api/types';
import { notifyError } from '../../app/notify';
import { ResultBadge, ReviewStatusBadge, Tag } from './TestBadges';
import { formatDate, type Test } from './test-model';
import { useReviewAction } from './use-test-mutations';

type Started = ApiResult<'/tests/{testId}/run', 'post'>;

interface Props {
  test: Test;
  projectName: string | undefined;
  canEdit: boolean;
}

/** Name, where the test lives, its state at a glance, and what a QA lead can do with it. */
export function TestHeader({ test, projectName, canEdit }: Props) {
  const navigate = useNavigate();
  const review = useReviewAction();
  const run = useMutation({
    mutationFn: () => post<Started>(`/tests/${encodeURIComponent(test.id)}/run`),
    onSuccess: ({ runId }) => navigate(`/runs/${encodeURIComponent(runId)}`),
    onError: notifyError,
  });
  const decide = (action: 'approve' | 'reject' | 'restore') =>
    review.mutate({ projectId: test.projectId, testId: test.id, action, name: test.name });
  const project = `/projects/${encodeURIComponent(test.projectId)}`;

  return (
    <Stack gap="xs">
      <Breadcrumbs separator="›" aria-label="Breadcrumb" styles={{ root: { flexWrap: 'wrap' } }}>
        <Anchor component={Link} to={project} size="sm">
          {projectName ?? 'Project'}
        </Anchor>
        <Anchor component={Link} to={`${project}/review`} size="sm">
          Review queue
        </Anchor>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Title order={1} size="h2" style={{ overflowWrap: 'anywhere', flex: '1 1 320px' }}>
          {test.name}
        </Title>
        {canEdit && (
          <Group gap="xs" wrap="wrap">
            <Button onClick={() => run.mutate()} loading={run.isPending}>
              Run this test
            </Button>
            {test.reviewStatus !== 'approved' && (
              <Button color="green" autoContrast onClick={() => decide('approve')} loading={review.isPending}>
                Approve
              </Button>
            )}
            {test.reviewStatus !== 'rejected' && (
              <Button color="red" variant="light" onClick={() => decide('reject')} loading={review.isPending}>
                Reject
              </Button>
            )}
            {test.reviewStatus !== 'draft' && (
              <Button variant="default" onClick={() => decide('restore')} loading={review.isPending}>
                Back to draft
              </Button>
            )}
          </Group>
        )}
      </Group>
      <Group gap="xs" wrap="wrap">
        <ReviewStatusBadge status={test.reviewStatus} />
        <ResultBadge result={test.lastResult} />
        <Tag color="gray">{test.priority} priority</Tag>
        <Tag color="gray">{test.type}</Tag>
        {test.isApiTest && <Tag color="grape">API</Tag>}
        {test.isStale && <Tag color="orange">Stale</Tag>}
        {test.qualityScore !== null && (
          <Tag color={test.qualityScore < 50 ? 'red' : 'blue'}>Quality {Math.round(test.qualityScore)}</Tag>
        )}
        {test.flakyScore > 0 && (
          <Tag color={test.flakyScore >= 30 ? 'red' : 'yellow'}>Flaky {Math.round(test.flakyScore)}</Tag>
        )}
      </Group>
      {test.description && (
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {test.description}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {test.id} · created {formatDate(test.createdAt)} · updated {formatDate(test.updatedAt)}
        {test.reviewedAt ? ` · reviewed ${formatDate(test.reviewedAt)}` : ''}
        {test.modelUsed ? ` · written by ${test.modelUsed}` : ''}
      </Text>
    </Stack>
  );
}
