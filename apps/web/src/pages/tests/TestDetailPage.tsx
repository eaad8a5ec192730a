import { Paper, Stack, Tabs, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams, useSearchParams } from 'react-router';
import { ApiError, get } from '../../api/client';
import type { Project } from '../../api/types';
import { useSession } from '../../auth/session';
import { ErrorState, Loading } from '../../components/PageState';
import { NotFoundPage } from '../NotFoundPage';
import { BaselinesPanel } from './BaselinesPanel';
import { CodePanel } from './CodePanel';
import { RunHistory } from './RunHistory';
import { StepsList } from './StepsList';
import { TestHeader } from './TestHeader';
import { testKeys, type Test } from './test-model';

const TABS = ['code', 'runs', 'baselines'] as const;
type Tab = (typeof TABS)[number];

/** One test: its steps and code (editable by QA leads), its results with heals, and its visual baselines. */
export default function TestDetailPage() {
  const { testId = '' } = useParams();
  const canEdit = useSession().can('qa_lead');
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab') as Tab | null;
  const tab: Tab = requested && TABS.includes(requested) ? requested : 'code';

  const test = useQuery({
    queryKey: testKeys.detail(testId),
    queryFn: ({ signal }) => get<Test>(`/tests/${encodeURIComponent(testId)}`, signal),
  });
  const projectId = test.data?.projectId;
  const project = useQuery({
    queryKey: ['projects', projectId],
    queryFn: ({ signal }) => get<Project>(`/projects/${encodeURIComponent(projectId ?? '')}`, signal),
    enabled: projectId !== undefined,
  });

  if (test.isPending) return <Loading label="Loading test…" />;
  if (test.error instanceof ApiError && test.error.status === 404) return <NotFoundPage what="test" />;
  if (test.error || !test.data)
    return (
      <Stack>
        <Title order={1} size="h2">
          Test
        </Title>
        <ErrorState error={test.error} onRetry={() => void test.refetch()} />
      </Stack>
    );
  const data = test.data;

  return (
    <Stack gap="md">
      <TestHeader test={data} projectName={project.data?.name} canEdit={canEdit} />
      <Tabs
        value={tab}
        onChange={(value) => setParams(value && value !== 'code' ? { tab: value } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="code">Steps &amp; code</Tabs.Tab>
          <Tabs.Tab value="runs">Runs &amp; heals</Tabs.Tab>
          <Tabs.Tab value="baselines">Visual baselines</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="code" pt="md">
          <Stack gap="lg">
            <Paper withBorder p="md" radius="md" component="section" aria-labelledby="steps-title">
              <Title order={2} size="h4" id="steps-title" mb="xs">
                Steps
              </Title>
              <StepsList steps={data.steps} label={`Steps of ${data.name}`} />
            </Paper>
            <CodePanel key={data.id} test={data} canEdit={canEdit} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="runs" pt="md">
          <RunHistory key={data.id} test={data} canAccept={canEdit} />
        </Tabs.Panel>
        <Tabs.Panel value="baselines" pt="md">
          <BaselinesPanel testId={data.id} canEdit={canEdit} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
