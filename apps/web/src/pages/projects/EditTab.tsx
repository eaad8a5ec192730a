import { Alert, Button, Group, Modal, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { del, messageOf, patch } from '../../api/client';
import type { ApiResult, Project } from '../../api/types';
import { notifySuccess } from '../../app/notify';
import { useSession } from '../../auth/session';
import { projectKeys } from './project-api';
import { ProjectForm, projectBody } from './ProjectForm';

/** Rename, move, rotate sign-in credentials, visual-regression policy; and deletion for admins. */
export function EditTab({ project }: { project: Project }) {
  const client = useQueryClient();
  const { can } = useSession();
  return (
    <Stack gap="xl" maw={720}>
      <Stack gap="sm">
        <Title order={2} size="h3">
          Project settings
        </Title>
        <ProjectForm
          // A saved project remounts the form, so it shows what the server stored.
          key={project.updatedAt}
          project={project}
          submitLabel="Save changes"
          onSubmit={async (values) => {
            const updated = await patch<Project>(
              `/projects/${encodeURIComponent(project.id)}`,
              projectBody(values, project),
            );
            client.setQueryData(projectKeys.one(project.id), updated);
            void client.invalidateQueries({ queryKey: projectKeys.all, exact: true });
            notifySuccess('Project saved.');
          }}
        />
      </Stack>
      {can('admin') && <DeleteProject project={project} />}
    </Stack>
  );
}

type DeleteResult = ApiResult<'/projects/{id}', 'delete'>;

function DeleteProject({ project }: { project: Project }) {
  const [opened, { open, close }] = useDisclosure(false);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const client = useQueryClient();
  const navigate = useNavigate();

  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      const result = await del<DeleteResult>(`/projects/${encodeURIComponent(project.id)}`);
      notifySuccess(
        `“${project.name}” moved to the recycle bin with ${result.deletedTests} test(s) and ${result.deletedRuns} run(s).`,
      );
      client.removeQueries({ queryKey: projectKeys.one(project.id) });
      await client.invalidateQueries({ queryKey: projectKeys.all, exact: true });
      navigate('/projects', { replace: true });
    } catch (caught) {
      setError(messageOf(caught));
      setBusy(false);
    }
  };

  const dismiss = () => {
    close();
    setTyped('');
    setError(null);
  };

  return (
    <Paper withBorder p="md" style={{ borderColor: 'var(--mantine-color-red-6)' }}>
      <Stack gap="sm">
        <Title order={3} size="h4">
          Delete project
        </Title>
        <Text size="sm">
          Moves the project, its tests and its runs to the recycle bin. Its schedule and CI trigger tokens are destroyed
          and are not restored with it.
        </Text>
        <Group>
          <Button color="red" variant="light" onClick={open}>
            Delete project…
          </Button>
        </Group>
      </Stack>
      <Modal opened={opened} onClose={dismiss} title={`Delete “${project.name}”?`}>
        <Stack>
          <Text size="sm">
            Type the project name to confirm. Running crawls or test runs must finish (or be aborted) first.
          </Text>
          <TextInput
            label="Project name"
            value={typed}
            onChange={(event) => setTyped(event.currentTarget.value)}
            autoComplete="off"
            data-autofocus
          />
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={dismiss}>
              Cancel
            </Button>
            <Button color="red" loading={busy} disabled={typed.trim() !== project.name} onClick={() => void remove()}>
              Delete project
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
