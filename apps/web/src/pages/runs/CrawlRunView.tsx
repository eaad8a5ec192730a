import { Accordion, Anchor, Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { Loading } from '../../components/PageState';
import { GeneratedTests } from './GeneratedTests';
import { PipelineStages } from './PipelineStages';
import { RunLog } from './RunLog';
import { generatedTestIds, type GraphNode, type Run } from './run-model';
import type { LiveRun } from './use-live-run';
import { useProject } from './use-project';

// The graph library is the heaviest part of the page: only crawls load it.
const SiteGraph = lazy(() => import('./SiteGraph').then((module) => ({ default: module.SiteGraph })));

function Stat({ label, value }: { label: string; value: number | string }) {
  return (
    <Paper withBorder radius="md" p="sm">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz={{ base: 22, sm: 28 }} fw={700}>
        {value}
      </Text>
    </Paper>
  );
}

function PageList({ nodes }: { nodes: GraphNode[] }) {
  return (
    <Table.ScrollContainer minWidth={520} maxHeight={360}>
      <Table verticalSpacing={4} fz="sm" stickyHeader>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Page</Table.Th>
            <Table.Th>URL</Table.Th>
            <Table.Th>Status</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {nodes.map((node) => (
            <Table.Tr key={node.url}>
              <Table.Td>{node.title || '—'}</Table.Td>
              <Table.Td style={{ wordBreak: 'break-all' }}>
                <Anchor href={node.url} target="_blank" rel="noreferrer" size="sm">
                  {node.url}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Badge size="sm" variant="light" color={node.status === 'crawled' ? 'green' : 'gray'}>
                  {node.status}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** A crawl: pipeline stages, the site graph growing page by page, the log, then the drafts it produced. */
export function CrawlRunView({ run, live }: { run: Run; live: LiveRun }) {
  const { nodes, edges } = live.graph;
  const crawled = nodes.filter((node) => node.status === 'crawled').length;
  const pagesFound = Math.max(run.pagesFound ?? 0, crawled);
  const running = run.status === 'running';
  const project = useProject(run.projectId);

  return (
    <Stack gap="xl">
      <PipelineStages run={run} />
      <GeneratedTests run={run} done={live.done} />
      <SimpleGrid cols={3} spacing="sm">
        <Stat label="Pages found" value={pagesFound} />
        <Stat label="Links" value={edges.length} />
        <Stat
          label="Drafts"
          value={running ? '…' : Math.max(live.done?.testsGenerated ?? 0, generatedTestIds(run).length)}
        />
      </SimpleGrid>
      <Stack gap="xs" component="section" aria-labelledby="site-graph-title">
        <Group justify="space-between">
          <Title order={2} size="h4" id="site-graph-title">
            Site graph
          </Title>
          <Text size="xs" c="dimmed">
            Thick border: start page. Dotted: inferred from the URL.
          </Text>
        </Group>
        <Suspense fallback={<Loading label="Loading the graph…" />}>
          <SiteGraph nodes={nodes} edges={edges} live={running} startUrl={project.data?.url} />
        </Suspense>
        {nodes.length > 0 && (
          <Accordion variant="contained">
            <Accordion.Item value="pages">
              <Accordion.Control>All pages ({nodes.length})</Accordion.Control>
              <Accordion.Panel>
                <PageList nodes={nodes} />
              </Accordion.Panel>
            </Accordion.Item>
          </Accordion>
        )}
      </Stack>
      <RunLog logs={live.logs} live={running} />
    </Stack>
  );
}
