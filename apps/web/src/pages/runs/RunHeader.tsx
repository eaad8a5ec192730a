import { Alert, Anchor, Badge, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useSession } from '../../auth/session';
import { AbortButton } from './AbortButton';
import { useProject } from './use-project';
import { formatDuration, formatTime, humanize, RUN_STATUS_COLOR, RUN_TYPE_LABEL, type Run } from './run-model';

/** Re-renders every `ms` while `active`, for clocks that tick. */
function useNow(active: boolean, ms = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [active, ms]);
  return now;
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}

function LiveBadge({ running, connected }: { running: boolean; connected: boolean }) {
  if (!running) return null;
  return connected ? (
    <Badge color="green" variant="dot">
      Live
    </Badge>
  ) : (
    <Badge color="gray" variant="dot" title="The live connection is down; the page refreshes every few seconds.">
      Refreshing
    </Badge>
  );
}

/** Title, status, what the run is and where it ran, and the abort button for those who may use it. */
export function RunHeader({ run, connected }: { run: Run; connected: boolean }) {
  const { can } = useSession();
  const running = run.status === 'running';
  const now = useNow(running);
  const project = useProject(run.projectId);
  const duration = running ? now - Date.parse(run.startedAt) : run.duration;
  const isTestRun = run.type === 'test_run';

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={4}>
          <Group gap="sm" wrap="wrap">
            <Title order={1} size="h2">
              {RUN_TYPE_LABEL[run.type] ?? humanize(run.type)} {run.id}
            </Title>
            <Badge color={RUN_STATUS_COLOR[run.status] ?? 'gray'} size="lg" variant="light">
              {humanize(run.status)}
            </Badge>
            <LiveBadge running={running} connected={connected} />
          </Group>
          <Text size="sm" c="dimmed">
            Project{' '}
            <Anchor component={Link} to={`/projects/${encodeURIComponent(run.projectId)}`}>
              {project.data?.name ?? run.projectId}
            </Anchor>
          </Text>
        </Stack>
        {running && can('qa_lead') && <AbortButton runId={run.id} type={run.type} />}
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 3, md: isTestRun ? 6 : 3 }} spacing="sm" verticalSpacing="xs">
        <Fact label="Started">{formatTime(run.startedAt)}</Fact>
        <Fact label="Duration">{formatDuration(duration)}</Fact>
        {isTestRun ? (
          <>
            <Fact label="Browser">{run.browser ?? 'chromium'}</Fact>
            <Fact label="Device">{run.device ?? 'Desktop'}</Fact>
            <Fact label="Network">{run.networkCondition ?? 'fast'}</Fact>
            <Fact label="Workers">{run.parallelWorkers ?? 1}</Fact>
          </>
        ) : (
          <Fact label="Finished">{running ? 'In progress' : formatTime(run.finishedAt)}</Fact>
        )}
      </SimpleGrid>
      {run.error && (
        <Alert color={run.status === 'aborted' ? 'orange' : 'red'} title={errorTitle(run)}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {run.error}
          </Text>
        </Alert>
      )}
    </Stack>
  );
}

function errorTitle(run: Run): string {
  if (run.status === 'aborted') return 'Aborted';
  if (run.status === 'interrupted') return 'Interrupted';
  return run.errorCategory ? `The run failed (${humanize(run.errorCategory)})` : 'The run failed';
}
