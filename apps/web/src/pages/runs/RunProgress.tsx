import { Group, Progress, Stack, Text } from '@mantine/core';
import type { Run } from './run-model';

const SECTIONS = [
  { status: 'passed', color: 'green', label: 'passed' },
  { status: 'flaky', color: 'yellow', label: 'flaky' },
  { status: 'failed', color: 'red', label: 'failed' },
  { status: 'skipped', color: 'gray', label: 'skipped' },
] as const;

/** Finished tests out of all queued ones, split by outcome, moving as results arrive. */
export function RunProgress({ run }: { run: Run }) {
  const total = Math.max(run.total ?? run.testQueue.length, run.results.length);
  const finished = run.results.length;
  const counts = Object.fromEntries(
    SECTIONS.map(({ status }) => [status, run.results.filter((result) => result.status === status).length]),
  ) as Record<(typeof SECTIONS)[number]['status'], number>;
  const percent = total > 0 ? Math.round((finished / total) * 100) : 0;

  return (
    <Stack gap={6}>
      <Group justify="space-between" gap="xs">
        <Text size="sm" fw={600} id="run-progress-label">
          {finished} of {total} test{total === 1 ? '' : 's'} finished
        </Text>
        <Group gap="sm">
          {SECTIONS.filter(({ status }) => counts[status] > 0).map(({ status, color, label }) => (
            <Text key={status} size="sm" c={color === 'gray' ? 'dimmed' : color}>
              {counts[status]} {label}
            </Text>
          ))}
        </Group>
      </Group>
      <Progress.Root
        size="lg"
        role="progressbar"
        aria-labelledby="run-progress-label"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={finished}
      >
        {SECTIONS.map(({ status, color }) =>
          counts[status] > 0 ? (
            <Progress.Section
              key={status}
              withAria={false}
              value={total > 0 ? (counts[status] / total) * 100 : 0}
              color={color}
              animated={run.status === 'running'}
              striped={run.status === 'running'}
            />
          ) : null,
        )}
      </Progress.Root>
      <Text size="xs" c="dimmed">
        {percent}% complete
        {run.retryCount > 0 ? ` · ${run.retryCount} retr${run.retryCount === 1 ? 'y' : 'ies'}` : ''}
      </Text>
    </Stack>
  );
}
