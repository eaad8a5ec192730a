import { Badge, Box, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { get } from '../../api/client';
import { QueryState } from '../../components/PageState';
import { formatDuration } from '../dashboard/format';
import { SYSTEM_KEY, type SystemInfo } from './queries';

/** What this Sentri instance is, what it can reach, and how much this workspace holds. */
export function SystemInfoPanel() {
  const query = useQuery({ queryKey: SYSTEM_KEY, queryFn: ({ signal }) => get<SystemInfo>('/system', signal) });
  return (
    <QueryState query={query} loadingLabel="Loading system information…">
      {(system) => (
        <Stack gap="md">
          <WorkspaceCounts system={system} />
          <Paper withBorder p="md" radius="md">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm" component="dl" m={0}>
              <Fact label="Sentri version">
                <Text ff="monospace">{system.version}</Text>
              </Fact>
              <Fact label="Database">
                <Text>{system.database.dialect === 'postgres' ? 'PostgreSQL' : 'SQLite'}</Text>
              </Fact>
              <Fact label="Browser for runs">
                <Stack gap={2}>
                  <Badge color={system.browser.found ? 'green' : 'red'} variant="light">
                    {system.browser.found ? `${system.browser.engine} found` : `${system.browser.engine} not found`}
                  </Badge>
                  {system.browser.executablePath && (
                    <Text size="xs" c="dimmed" ff="monospace" style={{ wordBreak: 'break-all' }}>
                      {system.browser.executablePath}
                    </Text>
                  )}
                  {!system.browser.found && (
                    <Text size="xs" c="red.8">
                      Crawls and runs cannot start until a browser is installed on the server.
                    </Text>
                  )}
                </Stack>
              </Fact>
              <Fact label="Browsers installed">
                <Group gap={6}>
                  {system.browsers.map((browser) => (
                    <Badge key={browser.engine} color={browser.found ? 'green' : 'gray'} variant="light">
                      {browser.engine}: {browser.found ? 'yes' : 'no'}
                    </Badge>
                  ))}
                </Group>
              </Fact>
              <Fact label="Playwright">
                <Text ff="monospace">{system.playwrightVersion ?? 'unknown'}</Text>
              </Fact>
              <Fact label="Uptime">
                <Text>{formatDuration(system.uptime * 1000)}</Text>
              </Fact>
              <Fact label="Node.js">
                <Text ff="monospace">{system.nodeVersion}</Text>
              </Fact>
              <Fact label="Platform">
                <Text ff="monospace">{system.platform}</Text>
              </Fact>
              <Fact label="Job queue">
                <Text>{system.queue.mode}</Text>
              </Fact>
              <Fact label="Live events">
                <Text>{system.events.mode}</Text>
              </Fact>
              <Fact label="Memory in use">
                <Text>{system.memoryMB} MB</Text>
              </Fact>
            </SimpleGrid>
          </Paper>
        </Stack>
      )}
    </QueryState>
  );
}

/** The live data of this workspace (the Data tab clears runs, activities and healing entries). */
function WorkspaceCounts({ system }: { system: SystemInfo }) {
  const counts = [
    { label: 'Projects', value: system.projects },
    { label: 'Tests', value: system.tests, detail: `${system.approvedTests} approved · ${system.draftTests} draft` },
    { label: 'Runs', value: system.runs },
    { label: 'Activities', value: system.activities },
    { label: 'Healing entries', value: system.healingEntries },
    { label: 'Active schedules', value: system.activeSchedules },
  ];
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="workspace-counts">
      <Title order={2} size="h5" id="workspace-counts" mb="sm">
        This workspace
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="md" verticalSpacing="sm" component="dl" m={0}>
        {counts.map((count) => (
          <Fact key={count.label} label={count.label}>
            <Text fw={600}>{count.value.toLocaleString()}</Text>
            {count.detail && (
              <Text size="xs" c="dimmed">
                {count.detail}
              </Text>
            )}
          </Fact>
        ))}
      </SimpleGrid>
    </Paper>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Box component="dd" m={0} fz="sm">
        {children}
      </Box>
    </div>
  );
}
