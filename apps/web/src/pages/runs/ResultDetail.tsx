import { Alert, Anchor, Badge, CloseButton, Code, Group, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { ConsoleLogs, EvidencePanel } from './EvidencePanel';
import { HealingEvents } from './HealingEvents';
import { NetworkTable } from './NetworkTable';
import { formatDuration, humanize, networkOf, visualDiffsOf, type RunResult } from './run-model';
import { StatusBadge } from './ResultsTable';
import { StepTimeline } from './StepTimeline';
import { VisualDiffs } from './VisualDiffs';

const count = (n: number) => (n > 0 ? ` (${n})` : '');

/** Everything one result left behind: error, step pictures, trace, video, logs, requests, diffs, heals. */
export function ResultDetail({ result, onClose }: { result: RunResult; onClose: () => void }) {
  const network = networkOf(result);
  const diffs = visualDiffsOf(result);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="result-detail-title">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={4}>
            <Title order={2} size="h4" id="result-detail-title">
              {result.testName}
            </Title>
            <Group gap="xs">
              <StatusBadge status={result.status} />
              {result.failureCategory && (
                <Badge color="red" variant="outline">
                  {humanize(result.failureCategory)}
                </Badge>
              )}
              {result.visualRegression && (
                <Badge color="grape" variant="outline">
                  Visual change
                </Badge>
              )}
              <Text size="sm" c="dimmed">
                {formatDuration(result.durationMs)}
                {result.retryCount > 0 ? ` · ${result.retryCount} retr${result.retryCount === 1 ? 'y' : 'ies'}` : ''}
                {result.browser ? ` · ${result.browser}` : ''}
              </Text>
              <Anchor component={Link} to={`/tests/${encodeURIComponent(result.testId)}`} size="sm">
                Open test {result.testId}
              </Anchor>
            </Group>
          </Stack>
          <CloseButton aria-label="Close result details" onClick={onClose} />
        </Group>

        {result.error && (
          <Alert color={result.status === 'skipped' ? 'gray' : 'red'} title="Error">
            <Code block fz="xs" style={{ whiteSpace: 'pre-wrap', background: 'transparent', padding: 0 }}>
              {result.error}
            </Code>
          </Alert>
        )}

        <Tabs defaultValue="steps" keepMounted={false}>
          <Tabs.List style={{ overflowX: 'auto', flexWrap: 'nowrap' }}>
            <Tabs.Tab value="steps">Steps{count(result.stepCaptures.length || result.steps.length)}</Tabs.Tab>
            <Tabs.Tab value="evidence">Trace &amp; video</Tabs.Tab>
            <Tabs.Tab value="console">Console{count(result.consoleLogs.length)}</Tabs.Tab>
            <Tabs.Tab value="network">Network{count(network.length)}</Tabs.Tab>
            <Tabs.Tab value="visual">Visual{count(diffs.length)}</Tabs.Tab>
            <Tabs.Tab value="healing">Healing{count(result.healingEvents.length)}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="steps" pt="md">
            <StepTimeline result={result} />
          </Tabs.Panel>
          <Tabs.Panel value="evidence" pt="md">
            <EvidencePanel result={result} />
          </Tabs.Panel>
          <Tabs.Panel value="console" pt="md">
            <ConsoleLogs lines={result.consoleLogs} />
          </Tabs.Panel>
          <Tabs.Panel value="network" pt="md">
            <NetworkTable entries={network} />
          </Tabs.Panel>
          <Tabs.Panel value="visual" pt="md">
            <VisualDiffs result={result} />
          </Tabs.Panel>
          <Tabs.Panel value="healing" pt="md">
            <HealingEvents result={result} />
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </Paper>
  );
}
