import { Button, Group, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { get } from '../../api/client';
import type { ApiResult, Project } from '../../api/types';
import { QueryState } from '../../components/PageState';
import { projectKeys } from './project-api';

type Traceability = ApiResult<'/projects/{id}/tests/traceability'>;

const STATUSES = [
  { value: '', label: 'All tests' },
  { value: 'approved', label: 'Approved only' },
  { value: 'draft', label: 'Drafts only' },
  { value: 'rejected', label: 'Rejected only' },
];

function ExportCard({ title, children, action }: { title: string; children: ReactNode; action: ReactNode }) {
  return (
    <Paper withBorder p="md">
      <Stack gap="sm" h="100%" justify="space-between">
        <Stack gap={4}>
          <Title order={3} size="h5">
            {title}
          </Title>
          {children}
        </Stack>
        {action}
      </Stack>
    </Paper>
  );
}

/** Downloads go straight to `/api/v1/...`: the session cookie authorises them, no script needed. */
export function ExportsPanel({ project }: { project: Project }) {
  const base = `/api/v1/projects/${encodeURIComponent(project.id)}`;
  const [status, setStatus] = useState('');
  const query = status ? `?status=${status}` : '';
  const traceability = useQuery({
    queryKey: [...projectKeys.one(project.id), 'traceability'],
    queryFn: () => get<Traceability>(`/projects/${encodeURIComponent(project.id)}/tests/traceability`),
  });

  return (
    <Stack gap="lg" maw={960}>
      <Title order={2} size="h3">
        Exports
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <ExportCard
          title="Playwright project"
          action={
            <Group>
              <Button component="a" href={`${base}/export/playwright`} download>
                Download ZIP
              </Button>
            </Group>
          }
        >
          <Text size="sm" c="dimmed">
            The approved tests as a standalone Playwright project: unzip, then <code>npm install</code> and{' '}
            <code>npx playwright test</code>.
          </Text>
        </ExportCard>
        <ExportCard
          title="Test management (CSV)"
          action={
            <Group gap="xs">
              <Button component="a" href={`${base}/tests/export/zephyr${query}`} download variant="light">
                Zephyr Scale CSV
              </Button>
              <Button component="a" href={`${base}/tests/export/testrail${query}`} download variant="light">
                TestRail CSV
              </Button>
            </Group>
          }
        >
          <Text size="sm" c="dimmed">
            Import the test cases, with their steps, into Zephyr Scale or TestRail.
          </Text>
          <Select
            label="Tests to include"
            data={STATUSES}
            value={status}
            onChange={(next) => setStatus(next ?? '')}
            allowDeselect={false}
            maw={260}
          />
        </ExportCard>
      </SimpleGrid>
      <ExportCard
        title="Traceability"
        action={
          <Group>
            <Button
              component="a"
              href={`${base}/tests/traceability`}
              download={`sentri-${project.id}-traceability.json`}
              variant="light"
            >
              Download traceability (JSON)
            </Button>
          </Group>
        }
      >
        <Text size="sm" c="dimmed">
          Which tests cover which linked issue (requirement) key.
        </Text>
        <QueryState query={traceability} loadingLabel="Loading traceability…">
          {(data) => (
            <Text size="sm">
              {data.totalTests} test{data.totalTests === 1 ? '' : 's'} · {data.linkedIssues} linked issue
              {data.linkedIssues === 1 ? '' : 's'} · {data.unlinkedTests} without an issue
            </Text>
          )}
        </QueryState>
      </ExportCard>
    </Stack>
  );
}
