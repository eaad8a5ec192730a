import { Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { del } from '../../api/client';
import { notifySuccess } from '../../app/notify';
import { ConfirmButton } from '../../components/ConfirmDialog';
import type { Cleared } from './queries';

interface Clearable {
  path: string;
  title: string;
  summary: string;
  noun: [singular: string, plural: string];
  lost: ReactNode[];
  kept: string;
}

const CLEARABLE: Clearable[] = [
  {
    path: '/data/runs',
    title: 'Run history',
    summary: 'Every crawl and test run of this workspace, with logs and evidence.',
    noun: ['run', 'runs'],
    lost: [
      'every run of every project, including runs still in progress and runs in the recycle bin',
      'their step logs, screenshots, videos and traces',
      'the pass-rate history, recent runs and defect figures on the dashboard',
    ],
    kept: 'Projects and tests stay as they are.',
  },
  {
    path: '/data/healing',
    title: 'Self-healing history',
    summary: 'Which alternative selectors worked when a test’s own selector failed.',
    noun: ['healing entry', 'healing entries'],
    lost: ['every recorded healing attempt of every test', 'the healing figures on the dashboard'],
    kept: 'Tests keep their code; the next run heals from scratch.',
  },
  {
    path: '/data/activities',
    title: 'Activity log',
    summary: 'Who did what and when in this workspace.',
    noun: ['activity', 'activities'],
    lost: ['the whole activity log of this workspace'],
    kept: 'Clearing the log is not itself recorded.',
  },
];

/** Admin-only bulk clean-up: each clear says exactly what goes, and asks first. */
export function DataManagement() {
  const client = useQueryClient();
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        These clear data for the whole workspace, for every member. They cannot be undone and do not go through the
        recycle bin.
      </Text>
      {CLEARABLE.map((item) => (
        <Paper key={item.path} withBorder p="md" radius="md" component="section" aria-label={item.title}>
          <Group justify="space-between" align="center" gap="sm">
            <Stack gap={2} style={{ flex: '1 1 260px' }}>
              <Title order={2} size="h5">
                {item.title}
              </Title>
              <Text size="sm" c="dimmed">
                {item.summary}
              </Text>
            </Stack>
            <ConfirmButton
              label={`Clear ${item.title.toLowerCase()}`}
              title={`Clear the ${item.title.toLowerCase()}?`}
              confirmLabel={`Delete ${item.noun[1]} permanently`}
              onConfirm={async () => {
                const result = await del<Cleared>(item.path);
                notifySuccess(`Cleared ${result.cleared} ${item.noun[result.cleared === 1 ? 0 : 1]}.`);
                await client.invalidateQueries();
              }}
            >
              <Stack gap="xs">
                <Text size="sm">This permanently deletes, for everyone in this workspace:</Text>
                <List size="sm" spacing={4}>
                  {item.lost.map((line, index) => (
                    <List.Item key={index}>{line}</List.Item>
                  ))}
                </List>
                <Text size="sm">{item.kept}</Text>
                <Text size="sm" fw={600}>
                  This cannot be undone.
                </Text>
              </Stack>
            </ConfirmButton>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
