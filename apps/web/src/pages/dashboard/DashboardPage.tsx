import '@mantine/charts/styles.css';
import { Button, Grid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { get } from '../../api/client';
import { useSession } from '../../auth/session';
import { EmptyState, QueryState } from '../../components/PageState';
import { CoverageByUrl } from './CoverageByUrl';
import { DefectChart } from './DefectChart';
import { FlakyTests } from './FlakyTests';
import { HealingStats } from './HealingStats';
import { PassRateChart } from './PassRateChart';
import { RecentRuns } from './RecentRuns';
import { StatCards } from './StatCards';
import type { Dashboard } from './types';

export const DASHBOARD_KEY = ['dashboard'] as const;

/** The workspace at a glance: how healthy the tests are and what happened lately. */
export default function DashboardPage() {
  const query = useQuery({
    queryKey: DASHBOARD_KEY,
    queryFn: ({ signal }) => get<Dashboard>('/dashboard', signal),
    // While something runs, keep the numbers moving.
    refetchInterval: (current) => (current.state.data?.runsByStatus.running ? 10_000 : false),
  });

  return (
    <Stack gap="lg">
      <Title order={1}>Dashboard</Title>
      <QueryState query={query} loadingLabel="Loading the dashboard…">
        {(data) => (data.totalProjects === 0 ? <NewWorkspace /> : <DashboardView data={data} />)}
      </QueryState>
    </Stack>
  );
}

function NewWorkspace() {
  const { can } = useSession();
  return (
    <EmptyState title="No projects yet">
      <Text c="dimmed" size="sm">
        Sentri crawls your app, writes Playwright tests for it, runs them and heals them when the UI changes. Add the
        app you want to test to get started.
      </Text>
      {can('qa_lead') ? (
        <Button component={Link} to="/projects">
          Create your first project
        </Button>
      ) : (
        <Text size="sm">Ask a QA lead or an admin of this workspace to add a project.</Text>
      )}
    </EmptyState>
  );
}

function DashboardView({ data }: { data: Dashboard }) {
  return (
    <Stack gap="md">
      <StatCards data={data} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <PassRateChart history={data.history} passRate={data.passRate} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <DefectChart breakdown={data.defectBreakdown} />
        </Grid.Col>
        <Grid.Col span={12}>
          <RecentRuns runs={data.recentRuns} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <FlakyTests tests={data.topFlakyTests} flakyTestCount={data.flakyTestCount} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <HealingStats data={data} />
        </Grid.Col>
        <Grid.Col span={12}>
          <CoverageByUrl testsByUrl={data.testsByUrl} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
