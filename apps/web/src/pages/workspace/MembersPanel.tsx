import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { get } from '../../api/client';
import { useSession } from '../../auth/session';
import { QueryState } from '../../components/PageState';
import { InviteMemberForm } from './InviteMemberForm';
import { MemberRow } from './MemberRow';
import { MEMBERS_KEY, type Member } from './queries';

/** Who is in this workspace; admins add members, change roles and remove people. */
export function MembersPanel() {
  const { can, user } = useSession();
  const isAdmin = can('admin');
  const query = useQuery({
    queryKey: MEMBERS_KEY,
    queryFn: ({ signal }) => get<Member[]>('/workspaces/current/members', signal),
  });

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="members-title">
      <Stack gap="md">
        <Stack gap={2}>
          <Title order={2} size="h4" id="members-title">
            Members
          </Title>
          {!isAdmin && (
            <Text size="sm" c="dimmed">
              Only admins can add members, change roles or remove people.
            </Text>
          )}
        </Stack>
        {isAdmin && <InviteMemberForm />}
        <QueryState query={query} loadingLabel="Loading members…">
          {(members) => {
            const admins = members.filter((member) => member.role === 'admin').length;
            return (
              <Table.ScrollContainer minWidth={isAdmin ? 680 : 520} type="native">
                <Table verticalSpacing="xs" style={{ whiteSpace: 'nowrap' }}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Name</Table.Th>
                      <Table.Th>Email</Table.Th>
                      <Table.Th>Role</Table.Th>
                      <Table.Th>Joined</Table.Th>
                      {isAdmin && <Table.Th>Actions</Table.Th>}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {members.map((member) => (
                      <MemberRow
                        key={member.userId}
                        member={member}
                        isSelf={member.userId === user?.id}
                        canManage={isAdmin}
                        soleAdmin={member.role === 'admin' && admins === 1}
                      />
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            );
          }}
        </QueryState>
      </Stack>
    </Paper>
  );
}
