import { Anchor, Button, Group, Image, Paper, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { post } from '../../api/client';
import type { ApiResult } from '../../api/types';
import { notifyError, notifySuccess } from '../../app/notify';
import { Tag } from './TestBadges';
import { testKeys } from './test-model';
import type { VisualDiff } from './use-test-history';

type Accepted = ApiResult<'/tests/{testId}/baselines/{stepNumber}/accept', 'post'>;

const DIFF_LABEL: Record<string, { color: string; label: string }> = {
  match: { color: 'green', label: 'Matches baseline' },
  regression: { color: 'red', label: 'Visual regression' },
  baseline_created: { color: 'blue', label: 'Became the baseline' },
  error: { color: 'gray', label: 'Not compared' },
};

interface Props {
  testId: string;
  runId: string;
  step: number;
  title: string;
  src: string;
  diff: VisualDiff | undefined;
  canAccept: boolean;
}

/** One screenshot of a result, how it compared with its baseline, and "make this the baseline". */
export function ScreenshotCard({ testId, runId, step, title, src, diff, canAccept }: Props) {
  const client = useQueryClient();
  const accept = useMutation({
    mutationFn: () =>
      post<Accepted>(`/tests/${encodeURIComponent(testId)}/baselines/${step}/accept`, {
        runId,
      }),
    onSuccess: (result) => {
      notifySuccess(`${title} (${result.browser}) is now the baseline.`);
      void client.invalidateQueries({ queryKey: testKeys.baselines(testId) });
    },
    onError: notifyError,
  });
  const status = diff ? DIFF_LABEL[diff.status] : undefined;
  const diffSrc = diff?.diffPath?.startsWith('/api/v1/artifacts/') ? diff.diffPath : undefined;

  return (
    <Paper withBorder p="xs" radius="md">
      <Stack gap={6}>
        <Anchor href={src} target="_blank" rel="noreferrer" aria-label={`Open ${title} full size`}>
          <Image src={src} alt={`${title}, run ${runId}`} radius="sm" h={160} fit="contain" loading="lazy" />
        </Anchor>
        <Group gap="xs" justify="space-between" wrap="wrap">
          <Text size="sm" fw={500} lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
            {title}
          </Text>
          {status && (
            <Tag color={status.color} size="sm">
              {status.label}
              {diff?.status === 'regression' && diff.diffRatio !== undefined
                ? ` ${(diff.diffRatio * 100).toFixed(2)}%`
                : ''}
            </Tag>
          )}
        </Group>
        {diffSrc && (
          <Anchor href={diffSrc} target="_blank" rel="noreferrer" size="xs">
            Open the difference image of {title}
          </Anchor>
        )}
        {canAccept && diff?.status !== 'match' && diff?.status !== 'baseline_created' && (
          <Button
            size="xs"
            variant="light"
            loading={accept.isPending}
            onClick={() => accept.mutate()}
            aria-label={`Accept ${title} of run ${runId} as baseline`}
          >
            Accept as baseline
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
