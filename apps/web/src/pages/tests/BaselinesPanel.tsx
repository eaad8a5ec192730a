import { Anchor, Button, Group, Image, Modal, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { del, get } from '../../api/client';
import { notifyError, notifySuccess } from '../../app/notify';
import { EmptyState, QueryState } from '../../components/PageState';
import { Tag } from './TestBadges';
import { artifactSrc, formatDate, testKeys, type Baseline } from './test-model';

const stepTitle = (step: number) => (step === 0 ? 'Final screenshot' : `Step ${step}`);

/** The accepted screenshots each run is compared with, per browser and step; QA leads can drop one. */
export function BaselinesPanel({ testId, canEdit }: { testId: string; canEdit: boolean }) {
  const client = useQueryClient();
  const baselines = useQuery({
    queryKey: testKeys.baselines(testId),
    queryFn: ({ signal }) => get<Baseline[]>(`/tests/${encodeURIComponent(testId)}/baselines`, signal),
  });
  const [deleting, setDeleting] = useState<Baseline | null>(null);
  const remove = useMutation({
    mutationFn: (baseline: Baseline) =>
      del(
        `/tests/${encodeURIComponent(testId)}/baselines/${baseline.stepNumber}?browser=${encodeURIComponent(baseline.browser)}`,
      ),
    onSuccess: (_result, baseline) => {
      notifySuccess(
        `${stepTitle(baseline.stepNumber)} baseline (${baseline.browser}) deleted; the next run records a new one.`,
      );
      void client.invalidateQueries({ queryKey: testKeys.baselines(testId) });
    },
    onError: notifyError,
    onSettled: () => setDeleting(null),
  });

  return (
    <Stack gap="sm">
      <Stack gap={2}>
        <Title order={2} size="h4">
          Visual baselines
        </Title>
        <Text size="xs" c="dimmed">
          Each run&apos;s screenshots are compared with these. Accept a new one from a result under Runs &amp; heals.
        </Text>
      </Stack>
      <QueryState query={baselines} loadingLabel="Loading baselines…">
        {(rows) =>
          rows.length === 0 ? (
            <EmptyState title="No baselines yet">
              <Text size="sm" c="dimmed">
                The first run that captures a screenshot records it as the baseline.
              </Text>
            </EmptyState>
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
              {rows.map((baseline) => {
                const title = stepTitle(baseline.stepNumber);
                const src = artifactSrc(baseline.imagePath);
                // The image keeps its address when re-accepted; the timestamp defeats the browser cache.
                const versioned = src && `${src}?v=${encodeURIComponent(baseline.updatedAt)}`;
                return (
                  <Paper key={`${baseline.browser}-${baseline.stepNumber}`} withBorder p="xs" radius="md">
                    <Stack gap={6}>
                      {versioned && (
                        <Anchor
                          href={versioned}
                          target="_blank"
                          rel="noreferrer"
                          aria-label={`Open ${title} baseline (${baseline.browser}) full size`}
                        >
                          <Image
                            src={versioned}
                            alt={`${title} baseline in ${baseline.browser}`}
                            radius="sm"
                            h={160}
                            fit="contain"
                            loading="lazy"
                          />
                        </Anchor>
                      )}
                      <Group gap="xs" justify="space-between">
                        <Text size="sm" fw={500}>
                          {title}
                        </Text>
                        <Tag color="gray" size="sm">
                          {baseline.browser}
                        </Tag>
                      </Group>
                      <Text size="xs" c="dimmed">
                        {baseline.width && baseline.height ? `${baseline.width}×${baseline.height} · ` : ''}
                        updated {formatDate(baseline.updatedAt)}
                      </Text>
                      {canEdit && (
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          onClick={() => setDeleting(baseline)}
                          aria-label={`Delete ${title} baseline (${baseline.browser})`}
                        >
                          Delete baseline
                        </Button>
                      )}
                    </Stack>
                  </Paper>
                );
              })}
            </SimpleGrid>
          )
        }
      </QueryState>
      <Modal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={
          deleting ? `Delete the ${stepTitle(deleting.stepNumber).toLowerCase()} baseline (${deleting.browser})?` : ''
        }
        centered
      >
        <Text size="sm" mb="md">
          The next run of this test records its screenshot as the new baseline, so no regression is reported for it.
        </Text>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={() => setDeleting(null)}>
            Cancel
          </Button>
          <Button color="red" loading={remove.isPending} onClick={() => deleting && remove.mutate(deleting)}>
            Delete baseline
          </Button>
        </Group>
      </Modal>
    </Stack>
  );
}
