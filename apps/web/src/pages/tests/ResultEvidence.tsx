import { Alert, Anchor, Code, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { Run, RunResult } from '../../api/types';
import { HealEvents } from './HealEvents';
import { ScreenshotCard } from './ScreenshotCard';
import { artifactSrc, formatDuration } from './test-model';
import { healsOf, visualDiffsOf } from './use-test-history';

interface Props {
  testId: string;
  run: Run;
  result: RunResult;
  canAccept: boolean;
}

/** What one run left behind for this test: the error, each step, screenshots against baselines, heals. */
export function ResultEvidence({ testId, run, result, canAccept }: Props) {
  const diffs = visualDiffsOf(result);
  const final = artifactSrc(result.screenshotPath);
  const shots = [
    ...(final ? [{ step: 0, title: 'Final screenshot', src: final }] : []),
    ...result.stepCaptures.flatMap((capture) => {
      const src = artifactSrc(capture.screenshotPath);
      return src ? [{ step: capture.step, title: `Step ${capture.step}: ${capture.title}`, src }] : [];
    }),
  ];
  const links = [
    { label: 'Trace', href: artifactSrc(result.tracePath) },
    { label: 'Video', href: artifactSrc(result.videoPath) },
  ].filter((link) => link.href);

  return (
    <Stack gap="md" component="section" aria-labelledby="evidence-title">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Title order={3} size="h5" id="evidence-title">
          Evidence from{' '}
          <Anchor component={Link} to={`/runs/${encodeURIComponent(run.id)}`} inherit>
            {run.id}
          </Anchor>
        </Title>
        <Group gap="sm">
          {links.map((link) => (
            <Anchor key={link.label} href={link.href} size="sm" download>
              {link.label}
            </Anchor>
          ))}
        </Group>
      </Group>

      {result.error && (
        <Alert
          color="red"
          title={
            result.failureCategory ? `Failed: ${result.failureCategory.toLowerCase().replace(/_/g, ' ')}` : 'Failed'
          }
        >
          <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {result.error}
          </Code>
        </Alert>
      )}

      {result.steps.length > 0 && (
        <Stack gap={4}>
          <Title order={3} size="h5">
            Steps as run
          </Title>
          <List type="ordered" size="sm" spacing={2} withPadding>
            {result.steps.map((step, index) => (
              <List.Item key={index}>
                <Text size="sm" span c={step.error ? 'red' : undefined} style={{ overflowWrap: 'anywhere' }}>
                  {step.title}{' '}
                  <Text span size="xs" c="dimmed">
                    ({formatDuration(step.durationMs)})
                  </Text>
                  {step.error ? ` — ${step.error}` : ''}
                </Text>
              </List.Item>
            ))}
          </List>
        </Stack>
      )}

      {result.attempts.length > 1 && (
        <Text size="sm">
          Attempts:{' '}
          {result.attempts
            .map((attempt) => `#${attempt.retry + 1} ${attempt.status} (${formatDuration(attempt.durationMs)})`)
            .join(' · ')}
        </Text>
      )}

      <Stack gap="xs">
        <Title order={3} size="h5">
          Screenshots
        </Title>
        {shots.length === 0 ? (
          <Text size="sm" c="dimmed">
            No screenshots were captured for this result.
          </Text>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
            {shots.map((shot) => (
              <ScreenshotCard
                key={shot.step}
                testId={testId}
                runId={run.id}
                step={shot.step}
                title={shot.title}
                src={shot.src}
                diff={diffs.find((diff) => diff.step === shot.step)}
                canAccept={canAccept}
              />
            ))}
          </SimpleGrid>
        )}
      </Stack>

      <HealEvents heals={healsOf(result)} />
    </Stack>
  );
}
