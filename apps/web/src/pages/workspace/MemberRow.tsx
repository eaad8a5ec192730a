import { Badge, Group, Select, Table, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { del, patch } from '../../api/client';
import type { WorkspaceRole } from '../../api/types';
import { notifyError, notifySuccess } from '../../app/notify';
import { ME_KEY } from '../../auth/session';
import { formatDateTime } from '../dashboard/format';
import { ConfirmButton, ConfirmDialog } from '../../components/ConfirmDialog';
import { MEMBERS_KEY, ROLES, roleLabel, type Member } from './queries';

interface Props {
  member: Member;
  isSelf: boolean;
  canManage: boolean;
  /** The only admin: the server refuses to demote or remove them, so the UI says why up front. */
  soleAdmin: boolean;
}

export function MemberRow({ member, isSelf, canManage, soleAdmin }: Props) {
  const client = useQueryClient();
  const [pendingRole, setPendingRole] = useState<WorkspaceRole | null>(null);
  const who = isSelf ? 'yourself' : member.name || member.email;

  const afterChange = async () => {
    await client.invalidateQueries({ queryKey: MEMBERS_KEY });
    // Changing your own role or leaving changes what the whole dashboard lets you do.
    if (isSelf) await client.invalidateQueries({ queryKey: ME_KEY });
  };
  const setRole = useMutation({
    mutationFn: (role: WorkspaceRole) =>
      patch(`/workspaces/current/members/${encodeURIComponent(member.userId)}`, { role }),
    onSuccess: async (_result, role) => {
      notifySuccess(
        `${isSelf ? 'You are' : `${member.name || member.email} is`} now ${roleLabel(role).toLowerCase()}.`,
      );
      await afterChange();
    },
  });

  const chooseRole = (value: string | null) => {
    const role = value as WorkspaceRole | null;
    if (!role || role === member.role) return;
    if (isSelf && member.role === 'admin') setPendingRole(role);
    else setRole.mutate(role, { onError: notifyError });
  };

  return (
    <Table.Tr>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          <Text size="sm" fw={500}>
            {member.name || '—'}
          </Text>
          {isSelf && (
            <Badge size="xs" variant="outline" miw="max-content">
              You
            </Badge>
          )}
        </Group>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{member.email}</Text>
      </Table.Td>
      <Table.Td>
        {canManage ? (
          <Select
            aria-label={`Role of ${member.name || member.email}`}
            data={ROLES.map(({ value, label }) => ({ value, label }))}
            value={member.role}
            onChange={chooseRole}
            allowDeselect={false}
            disabled={setRole.isPending}
            size="xs"
            w={130}
          />
        ) : (
          <Badge
            variant="light"
            miw="max-content"
            color={member.role === 'admin' ? 'grape' : member.role === 'qa_lead' ? 'blue' : 'gray'}
          >
            {roleLabel(member.role)}
          </Badge>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm">{formatDateTime(member.joinedAt)}</Text>
      </Table.Td>
      {canManage && (
        <Table.Td>
          <ConfirmButton
            label={isSelf ? 'Leave' : 'Remove'}
            ariaLabel={isSelf ? 'Leave this workspace' : `Remove ${member.name || member.email}`}
            buttonProps={{ size: 'xs', variant: 'subtle' }}
            title={isSelf ? 'Leave this workspace?' : `Remove ${member.name || member.email}?`}
            confirmLabel={isSelf ? 'Leave workspace' : 'Remove member'}
            onConfirm={async () => {
              await del(`/workspaces/current/members/${encodeURIComponent(member.userId)}`);
              notifySuccess(isSelf ? 'You left the workspace.' : `${member.name || member.email} was removed.`);
              if (isSelf) await client.resetQueries();
              else await afterChange();
            }}
          >
            <Text size="sm">
              {isSelf
                ? 'You lose access to this workspace’s projects, tests and runs until an admin adds you again.'
                : `${member.name || member.email} loses access to this workspace. Their account, and what they did here, stay.`}
              {soleAdmin && ' This is the only admin: the server will refuse until another member is made admin.'}
            </Text>
          </ConfirmButton>
          <ConfirmDialog
            opened={pendingRole !== null}
            onClose={() => setPendingRole(null)}
            title="Change your own role?"
            confirmLabel={`Make ${who} ${pendingRole ? roleLabel(pendingRole).toLowerCase() : ''}`}
            color="orange"
            onConfirm={() => setRole.mutateAsync(pendingRole ?? member.role)}
          >
            <Text size="sm">
              You will no longer be an admin of this workspace, and cannot undo this yourself: another admin has to
              promote you again.
              {soleAdmin && ' You are the only admin, so the server will refuse until another member is made admin.'}
            </Text>
          </ConfirmDialog>
        </Table.Td>
      )}
    </Table.Tr>
  );
}
