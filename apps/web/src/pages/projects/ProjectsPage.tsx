import {
  Anchor,
  Badge,
  Button,
  Center,
  Group,
  Modal,
  Pagination,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { post } from '../../api/client';
import type { Project } from '../../api/types';
import { notifySuccess } from '../../app/notify';
import { useSession } from '../../auth/session';
import { QueryState } from '../../components/PageState';
import { formatDate } from './format';
import { projectKeys, projectPath, useProjects } from './project-api';
import { ProjectForm, projectBody } from './ProjectForm';

/** `GET /projects` is not paged by the API; long lists are paged here. */
const PAGE_SIZE = 20;

export default function ProjectsPage() {
  const { can } = useSession();
  const projects = useProjects();
  const [opened, { open, close }] = useDisclosure(false);
  const canCreate = can('qa_lead');

  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>Projects</Title>
        {canCreate && <Button onClick={open}>New project</Button>}
      </Group>
      <QueryState query={projects} loadingLabel="Loading projects…">
        {(list) =>
          list.length === 0 ? (
            <Center py="xl">
              <Stack align="center" gap="xs" maw={420} ta="center">
                <Title order={2} size="h4">
                  No projects yet
                </Title>
                <Text c="dimmed" size="sm">
                  A project is a web app Sentri crawls and tests. Add its URL to get started.
                </Text>
                {canCreate ? (
                  <Button onClick={open}>Create your first project</Button>
                ) : (
                  <Text size="sm">Ask a QA lead or an admin of this workspace to add one.</Text>
                )}
              </Stack>
            </Center>
          ) : (
            <ProjectTable projects={list} />
          )
        }
      </QueryState>
      {canCreate && <NewProjectModal opened={opened} onClose={close} />}
    </Stack>
  );
}

function ProjectTable({ projects }: { projects: Project[] }) {
  const [filter, setFilter] = useState('');
  const [page, setPage] = useState(1);
  const needle = filter.trim().toLowerCase();
  const shown = needle
    ? projects.filter((project) => `${project.name} ${project.url} ${project.id}`.toLowerCase().includes(needle))
    : projects;
  const pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
  const current = Math.min(page, pages);
  const rows = shown.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE);

  return (
    <Stack>
      {projects.length > 5 && (
        <TextInput
          label="Filter projects"
          placeholder="Name or URL"
          maw={360}
          value={filter}
          onChange={(event) => {
            setFilter(event.currentTarget.value);
            setPage(1);
          }}
        />
      )}
      <Table.ScrollContainer minWidth={640}>
        <Table striped highlightOnHover verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>URL</Table.Th>
              <Table.Th>Sign-in</Table.Th>
              <Table.Th>Created</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((project) => (
              <Table.Tr key={project.id}>
                <Table.Td>
                  <Anchor component={Link} to={projectPath(project.id)} fw={500}>
                    {project.name}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {project.id}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Anchor href={project.url} target="_blank" rel="noreferrer noopener" size="sm">
                    {project.url}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  {project.credentials ? (
                    <Badge variant="light">Configured</Badge>
                  ) : (
                    <Text size="sm" c="dimmed">
                      None
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatDate(project.createdAt)}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {shown.length === 0 && (
        <Text c="dimmed" size="sm">
          No project matches “{filter}”.
        </Text>
      )}
      {pages > 1 && (
        <Pagination
          total={pages}
          value={current}
          onChange={setPage}
          getControlProps={(control) => ({ 'aria-label': `${control} page` })}
          getItemProps={(item) => ({ 'aria-label': `Page ${item}` })}
        />
      )}
    </Stack>
  );
}

function NewProjectModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const client = useQueryClient();
  const navigate = useNavigate();
  return (
    <Modal opened={opened} onClose={onClose} title="New project" size="lg">
      {/* Mounted only while open, so every opening starts from an empty form. */}
      {opened && (
        <ProjectForm
          submitLabel="Create project"
          onCancel={onClose}
          onSubmit={async (values) => {
            const project = await post<Project>('/projects', projectBody(values));
            client.setQueryData(projectKeys.one(project.id), project);
            await client.invalidateQueries({ queryKey: projectKeys.all, exact: true });
            notifySuccess(`Project “${project.name}” created.`);
            onClose();
            navigate(projectPath(project.id));
          }}
        />
      )}
    </Modal>
  );
}
