import { Anchor, Badge, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import type { Project, WorkspaceRole } from '../../api/types';
import { useSession } from '../../auth/session';
import { ErrorState, Loading } from '../../components/PageState';
import { NotFoundPage } from '../NotFoundPage';
import { NotificationsTab } from './automation/NotificationsTab';
import { ScheduleTab } from './automation/ScheduleTab';
import { TriggerTokensTab } from './automation/TriggerTokensTab';
import { CrawlPanel } from './CrawlPanel';
import { EditTab } from './EditTab';
import { ExportsPanel } from './ExportsPanel';
import { GeneratePanel } from './GeneratePanel';
import { OverviewTab } from './OverviewTab';
import { isNotFound, projectPath, useProject } from './project-api';
import { RunPanel } from './RunPanel';

interface TabDef {
  value: string;
  label: string;
  /** Minimum role to see the tab at all: a viewer sees no form they cannot submit. */
  role?: WorkspaceRole;
  render: (project: Project) => ReactNode;
}

const TABS: TabDef[] = [
  { value: 'overview', label: 'Overview', render: (project) => <OverviewTab projectId={project.id} /> },
  { value: 'crawl', label: 'Crawl', role: 'qa_lead', render: (project) => <CrawlPanel project={project} /> },
  { value: 'generate', label: 'Generate', role: 'qa_lead', render: (project) => <GeneratePanel project={project} /> },
  { value: 'run', label: 'Run', role: 'qa_lead', render: (project) => <RunPanel project={project} /> },
  { value: 'schedule', label: 'Schedule', render: (project) => <ScheduleTab projectId={project.id} /> },
  {
    value: 'notifications',
    label: 'Notifications',
    render: (project) => <NotificationsTab projectId={project.id} />,
  },
  { value: 'ci', label: 'CI', render: (project) => <TriggerTokensTab projectId={project.id} /> },
  { value: 'exports', label: 'Exports', render: (project) => <ExportsPanel project={project} /> },
  { value: 'edit', label: 'Edit', role: 'qa_lead', render: (project) => <EditTab project={project} /> },
];

/** `/projects/:projectId/<tab>`: one project, its tabs addressed by the path so each can be linked. */
export default function ProjectPage() {
  const params = useParams();
  const projectId = params.projectId ?? '';
  const requested = (params['*'] ?? '').split('/')[0] || 'overview';
  const { can } = useSession();
  const navigate = useNavigate();
  const project = useProject(projectId);

  const tabs = TABS.filter((tab) => !tab.role || can(tab.role));
  const active = tabs.find((tab) => tab.value === requested);

  if (project.isPending) return <Loading label="Loading project…" />;
  if (isNotFound(project.error)) return <NotFoundPage what="project" />;
  if (project.error || !project.data)
    return <ErrorState error={project.error} onRetry={() => void project.refetch()} />;
  // An unknown tab, or one this role may not use, falls back to the overview.
  if (!active) return <Navigate to={projectPath(projectId)} replace />;

  const data = project.data;
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Anchor component={Link} to="/projects" size="sm">
          ← Projects
        </Anchor>
        <Group gap="sm" align="center" wrap="wrap">
          <Title order={1} style={{ overflowWrap: 'anywhere' }}>
            {data.name}
          </Title>
          <Badge variant="outline" color="gray">
            {data.id}
          </Badge>
          {data.credentials && <Badge variant="light">Sign-in configured</Badge>}
        </Group>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          <Anchor href={data.url} target="_blank" rel="noreferrer noopener">
            {data.url}
          </Anchor>
        </Text>
      </Stack>
      <Tabs
        value={active.value}
        onChange={(value) => value && navigate(projectPath(projectId, value === 'overview' ? undefined : value))}
        keepMounted={false}
        // On a phone the tab row scrolls sideways instead of wrapping into a ragged block.
        styles={{ list: { flexWrap: 'nowrap', overflowX: 'auto', scrollbarWidth: 'thin' }, tab: { flexShrink: 0 } }}
      >
        <Tabs.List aria-label="Project sections">
          {tabs.map((tab) => (
            <Tabs.Tab key={tab.value} value={tab.value}>
              {tab.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tabs.map((tab) => (
          <Tabs.Panel key={tab.value} value={tab.value} pt="lg">
            {tab.render(data)}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
