import { Group, RingProgress, SimpleGrid, Stack, Text } from '@mantine/core';
import { Panel } from './Panel';
import type { Dashboard } from './types';

/**
 * Self-healing's memory: each element a test acts on is remembered with the locator strategy that
 * last found it. The ring is the share of remembered elements found on their latest run.
 */
export function HealingStats({ data }: { data: Dashboard }) {
  const { healingEntries, healingSuccesses, testsAutoFixed } = data;
  const rate = healingEntries === 0 ? null : Math.round((100 * healingSuccesses) / healingEntries);
  return (
    <Panel title="Self-healing">
      <Group gap="lg" wrap="nowrap" align="center">
        <RingProgress
          size={110}
          thickness={10}
          roundCaps
          sections={rate === null ? [] : [{ value: rate, color: 'teal' }]}
          label={
            <Text ta="center" fw={700} size="lg">
              {rate === null ? '—' : `${rate}%`}
            </Text>
          }
          aria-label={rate === null ? 'No elements remembered yet' : `${rate}% of remembered elements were found`}
        />
        <SimpleGrid cols={1} spacing={6} component="dl" m={0} style={{ flex: 1 }}>
          <Fact label="Elements remembered" value={healingEntries} />
          <Fact label="Found on their latest run" value={healingSuccesses} />
          <Fact label="Tests fixed automatically" value={testsAutoFixed} />
        </SimpleGrid>
      </Group>
      {healingEntries === 0 && (
        <Text size="xs" c="dimmed">
          When a selector stops matching during a run, Sentri tries alternatives and records what worked.
        </Text>
      )}
    </Panel>
  );
}

function Fact({ label, value }: { label: string; value: number }) {
  return (
    <Stack gap={0}>
      <Text component="dt" size="xs" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} fw={600}>
        {value}
      </Text>
    </Stack>
  );
}
