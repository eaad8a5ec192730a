import { Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { QueryState } from '../../components/PageState';
import { useTestCounts, type TestCounts } from './project-api';
import { RunsList } from './RunsList';

const TILES: { key: keyof TestCounts; label: string; hint: string; color?: string }[] = [
  { key: 'draft', label: 'Draft', hint: 'waiting for review', color: 'yellow' },
  { key: 'approved', label: 'Approved', hint: 'run in regression' },
  { key: 'rejected', label: 'Rejected', hint: 'kept out of runs' },
  { key: 'passed', label: 'Passing', hint: 'approved, last run passed', color: 'green' },
  { key: 'failed', label: 'Failing', hint: 'approved, last run failed', color: 'red' },
  { key: 'stale', label: 'Stale', hint: 'approved, not run lately', color: 'orange' },
];

function CountTiles({ counts }: { counts: TestCounts }) {
  return (
    <SimpleGrid cols={{ base: 2, xs: 3, md: 6 }} spacing="sm">
      {TILES.map((tile) => (
        <Paper key={tile.key} withBorder p="sm" radius="md">
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {tile.label}
          </Text>
          <Text fz={28} fw={700} c={counts[tile.key] > 0 ? tile.color : undefined} lh={1.2}>
            {counts[tile.key]}
          </Text>
          <Text size="xs" c="dimmed">
            {tile.hint}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

/** Test counts by review state and result, the way to the review queue, and recent runs. */
export function OverviewTab({ projectId }: { projectId: string }) {
  const counts = useTestCounts(projectId);
  const reviewPath = `/projects/${encodeURIComponent(projectId)}/review`;
  return (
    <Stack gap="lg">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h3">
            Tests
          </Title>
          <Button component={Link} to={reviewPath} variant="light">
            Review tests
          </Button>
        </Group>
        <QueryState query={counts} loadingLabel="Loading test counts…">
          {(data) => (
            <Stack gap="xs">
              <CountTiles counts={data} />
              <Text size="sm" c="dimmed">
                {data.total === 0
                  ? 'No tests yet. Crawl the app or generate tests from a description to create drafts.'
                  : `${data.total} test${data.total === 1 ? '' : 's'} in all (${data.ui} UI, ${data.api} API).`}
              </Text>
            </Stack>
          )}
        </QueryState>
      </Stack>
      <Stack gap="sm">
        <Title order={2} size="h3">
          Recent runs
        </Title>
        <RunsList projectId={projectId} />
      </Stack>
    </Stack>
  );
}
