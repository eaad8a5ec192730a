import { Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { get, patch } from '../../api/client';
import { notifyError, notifySuccess } from '../../app/notify';
import { ME_KEY, useSession } from '../../auth/session';
import { QueryState } from '../../components/PageState';
import { formatDateTime } from '../dashboard/format';
import { WORKSPACE_KEY, type Workspace } from './queries';

/** Name and slug of the current workspace; admins can change both. */
export function WorkspaceDetails() {
  const { can } = useSession();
  const query = useQuery({
    queryKey: WORKSPACE_KEY,
    queryFn: ({ signal }) => get<Workspace>('/workspaces/current', signal),
  });
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="workspace-details-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="workspace-details-title">
          Details
        </Title>
        <QueryState query={query} loadingLabel="Loading the workspace…">
          {(workspace) =>
            can('admin') ? (
              <RenameForm key={workspace.updatedAt} workspace={workspace} />
            ) : (
              <Stack gap={4}>
                <Text fw={600} size="lg">
                  {workspace.name}
                </Text>
                <Text size="sm" c="dimmed">
                  Slug <code>{workspace.slug}</code> · created {formatDateTime(workspace.createdAt)}
                </Text>
                <Text size="sm" c="dimmed">
                  Only admins can rename the workspace.
                </Text>
              </Stack>
            )
          }
        </QueryState>
      </Stack>
    </Paper>
  );
}

function RenameForm({ workspace }: { workspace: Workspace }) {
  const client = useQueryClient();
  const [name, setName] = useState(workspace.name);
  const [slug, setSlug] = useState(workspace.slug);
  const changes: { name?: string; slug?: string } = {};
  if (name.trim() && name.trim() !== workspace.name) changes.name = name.trim();
  if (slug.trim() && slug.trim() !== workspace.slug) changes.slug = slug.trim();
  const dirty = Object.keys(changes).length > 0;

  const save = useMutation({
    mutationFn: () => patch<Workspace>('/workspaces/current', changes),
    onSuccess: async (updated) => {
      client.setQueryData(WORKSPACE_KEY, updated);
      notifySuccess('Workspace updated.');
      // The header and navigation show the workspace name from the session.
      await client.invalidateQueries({ queryKey: ME_KEY });
    },
    onError: notifyError,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (dirty) save.mutate();
  };

  return (
    <form onSubmit={submit}>
      <Stack gap="xs">
        <Group align="flex-start" gap="sm" grow preventGrowOverflow={false} wrap="wrap">
          <TextInput
            label="Name"
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            maxLength={100}
            required
            error={name.trim() ? undefined : 'A workspace needs a name.'}
            miw={220}
          />
          <TextInput
            label="Slug"
            description="Lower-case letters, digits and dashes"
            value={slug}
            onChange={(event) => setSlug(event.currentTarget.value)}
            maxLength={50}
            miw={220}
          />
        </Group>
        <Group gap="xs">
          <Button type="submit" disabled={!dirty} loading={save.isPending}>
            Save
          </Button>
          {dirty && (
            <Button
              variant="default"
              onClick={() => {
                setName(workspace.name);
                setSlug(workspace.slug);
              }}
            >
              Discard changes
            </Button>
          )}
        </Group>
        <Text size="xs" c="dimmed">
          Created {formatDateTime(workspace.createdAt)}
        </Text>
      </Stack>
    </form>
  );
}
