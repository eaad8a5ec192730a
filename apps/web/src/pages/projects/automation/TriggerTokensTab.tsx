import { Accordion, Button, Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { del, get } from '../../../api/client';
import type { TriggerToken } from '../../../api/types';
import { notifyError, notifySuccess } from '../../../app/notify';
import { useSession } from '../../../auth/session';
import { EmptyState, QueryState } from '../../../components/PageState';
import { CiSnippets } from './CiSnippets';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { CreateTokenModal } from './CreateTokenModal';
import { automationKeys, formatDate, projectPath } from './shared';

const nameOf = (token: TriggerToken) => token.label ?? `Token ${token.id}`;

function TokensTable({ tokens, onRevoke }: { tokens: TriggerToken[]; onRevoke?: (token: TriggerToken) => void }) {
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Label</Table.Th>
            <Table.Th scope="col">Created</Table.Th>
            <Table.Th scope="col">Last used</Table.Th>
            {onRevoke && (
              <Table.Th scope="col">
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tokens.map((token) => (
            <Table.Tr key={token.id}>
              <Table.Td>
                <Text size="sm" fw={500} c={token.label ? undefined : 'dimmed'}>
                  {token.label ?? 'No label'}
                </Text>
                <Text size="xs" c="dimmed">
                  {token.id}
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(token.createdAt)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm" c={token.lastUsedAt ? undefined : 'dimmed'}>
                  {formatDate(token.lastUsedAt, 'Never')}
                </Text>
              </Table.Td>
              {onRevoke && (
                <Table.Td ta="right">
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    onClick={() => onRevoke(token)}
                    aria-label={`Revoke ${nameOf(token)}`}
                  >
                    Revoke
                  </Button>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** CI trigger tokens of a project: who can start runs from CI, and how to wire CI up. */
export function TriggerTokensTab({ projectId }: { projectId: string }) {
  const { can } = useSession();
  const isAdmin = can('admin');
  const client = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<TriggerToken | null>(null);
  const query = useQuery({
    queryKey: automationKeys.triggerTokens(projectId),
    queryFn: ({ signal }) => get<TriggerToken[]>(`${projectPath(projectId)}/trigger-tokens`, signal),
  });
  const revoke = useMutation({
    mutationFn: (token: TriggerToken) =>
      del(`${projectPath(projectId)}/trigger-tokens/${encodeURIComponent(token.id)}`),
    onSuccess: (_result, token) => {
      setRevoking(null);
      client.setQueryData<TriggerToken[]>(automationKeys.triggerTokens(projectId), (current) =>
        current?.filter((entry) => entry.id !== token.id),
      );
      void client.invalidateQueries({ queryKey: automationKeys.triggerTokens(projectId) });
      notifySuccess(`${nameOf(token)} revoked. CI using it is refused from now on.`);
    },
    onError: (error) => {
      setRevoking(null);
      notifyError(error);
    },
  });

  return (
    <Stack gap="xl">
      <Stack component="section" aria-labelledby="trigger-tokens-title" gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Stack gap={2}>
            <Title order={3} size="h4" id="trigger-tokens-title">
              CI trigger tokens
            </Title>
            <Text size="sm" c="dimmed">
              A token lets CI start runs of this project and read their results. Each is shown once, when created.
            </Text>
          </Stack>
          {isAdmin && <Button onClick={() => setCreating(true)}>Create token</Button>}
        </Group>
        <QueryState query={query} loadingLabel="Loading trigger tokens…">
          {(tokens) =>
            tokens.length === 0 ? (
              <EmptyState title="No trigger tokens">
                <Text size="sm" c="dimmed">
                  {isAdmin
                    ? 'Create one to start regression runs from GitHub Actions, GitLab CI or any script.'
                    : 'An admin can create one to start regression runs from CI.'}
                </Text>
              </EmptyState>
            ) : (
              <TokensTable tokens={tokens} onRevoke={isAdmin ? setRevoking : undefined} />
            )
          }
        </QueryState>
      </Stack>

      <Accordion variant="contained" chevronPosition="right">
        <Accordion.Item value="ci">
          <Accordion.Control>Use it in CI</Accordion.Control>
          <Accordion.Panel>
            <CiSnippets projectId={projectId} />
          </Accordion.Panel>
        </Accordion.Item>
      </Accordion>

      {isAdmin && <CreateTokenModal projectId={projectId} opened={creating} onClose={() => setCreating(false)} />}
      <ConfirmDialog
        opened={revoking !== null}
        title="Revoke this token?"
        confirmLabel="Revoke token"
        onConfirm={async () => {
          if (revoking) await revoke.mutateAsync(revoking);
        }}
        onClose={() => setRevoking(null)}
      >
        <strong>{revoking ? nameOf(revoking) : 'The token'}</strong> stops working at once: CI jobs that use it are
        refused until they get a new token.
      </ConfirmDialog>
    </Stack>
  );
}
