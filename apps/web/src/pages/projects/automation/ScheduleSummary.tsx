import { Badge, Code, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Schedule } from '../../../api/types';
import { browserTimeZone, describeCron } from './schedule-presets';
import { formatDate, formatDateIn } from './shared';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Stack>
  );
}

/** The saved schedule at a glance; the next run in the user's time and in the schedule's own zone. */
export function ScheduleSummary({ schedule }: { schedule: Schedule }) {
  const sameZone = schedule.timezone === browserTimeZone();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="schedule-summary-title">
      <Stack>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={3} size="h4" id="schedule-summary-title">
            Current schedule
          </Title>
          <Badge color={schedule.enabled ? 'green' : 'gray'} variant="light">
            {schedule.enabled ? 'Enabled' : 'Paused'}
          </Badge>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="md">
          <Fact label="Runs">
            {describeCron(schedule.cronExpr)} · <Code>{schedule.cronExpr}</Code>
          </Fact>
          <Fact label="Time zone">{schedule.timezone}</Fact>
          <Fact label={schedule.enabled ? 'Next run' : 'Next run (if enabled)'}>
            {schedule.nextRunAt ? (
              <Stack gap={0}>
                <Text size="sm" c={schedule.enabled ? undefined : 'dimmed'}>
                  {formatDate(schedule.nextRunAt)}{' '}
                  <Text span size="xs" c="dimmed">
                    (your time)
                  </Text>
                </Text>
                <Text size="sm" c="dimmed">
                  {formatDateIn(schedule.nextRunAt, schedule.timezone)}{' '}
                  <Text span size="xs">
                    ({sameZone ? 'schedule zone, same as yours' : `in ${schedule.timezone}`})
                  </Text>
                </Text>
              </Stack>
            ) : (
              <Text size="sm" c="dimmed">
                None within the next year
              </Text>
            )}
          </Fact>
          <Fact label="Last run">{formatDate(schedule.lastRunAt, 'Not yet')}</Fact>
        </SimpleGrid>
        {!schedule.enabled && (
          <Text size="sm" c="dimmed">
            This schedule is paused: it starts no runs until it is enabled again.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
