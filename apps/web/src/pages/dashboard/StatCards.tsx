import { Paper, SimpleGrid, Text } from '@mantine/core';
import { formatDuration } from './format';
import type { Dashboard } from './types';

interface Stat {
  label: string;
  value: string;
  hint: string;
}

/** The headline numbers of the workspace. */
export function StatCards({ data }: { data: Dashboard }) {
  const stats: Stat[] = [
    { label: 'Projects', value: String(data.totalProjects), hint: `${data.totalRuns} runs in total` },
    {
      label: 'Tests',
      value: String(data.totalTests),
      hint: `${data.testsByReview.approved} approved · ${data.testsByReview.draft} draft`,
    },
    {
      label: 'Pass rate',
      value: data.passRate === null ? '—' : `${data.passRate}%`,
      hint: data.passRate === null ? 'No completed test runs yet' : 'Last 10 completed test runs',
    },
    { label: 'Average run', value: formatDuration(data.avgRunDurationMs), hint: 'Duration of those runs' },
    {
      label: 'Flaky tests',
      value: String(data.flakyTestCount),
      hint: 'Both passed and failed across runs',
    },
    { label: 'Time to fix', value: formatDuration(data.mttrMs), hint: 'From a failing run to the next pass' },
    {
      label: 'New tests this week',
      value: String(data.testsCreatedThisWeek),
      hint: `${data.testsCreatedToday} today · ${data.testsGeneratedTotal} generated in total`,
    },
    {
      label: 'Runs in progress',
      value: String(data.runsByStatus.running),
      hint: `${data.runsByStatus.failed} failed · ${data.runsByStatus.aborted} aborted`,
    },
  ];
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" component="dl" m={0}>
      {stats.map((stat) => (
        <Paper key={stat.label} withBorder p="sm" radius="md">
          <Text component="dt" size="xs" c="dimmed" tt="uppercase" fw={600}>
            {stat.label}
          </Text>
          <Text component="dd" m={0} fz={24} fw={700} lh={1.3}>
            {stat.value}
          </Text>
          <Text component="dd" m={0} size="xs" c="dimmed">
            {stat.hint}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
