import { Button, Group, Select, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { post } from '../../api/client';
import type { WorkspaceRole } from '../../api/types';
import { notifyError, notifySuccess } from '../../app/notify';
import { MEMBERS_KEY, ROLES, roleLabel, type Member } from './queries';

/** Adds an existing Sentri user to this workspace by e-mail. */
export function InviteMemberForm() {
  const client = useQueryClient();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<WorkspaceRole>('viewer');

  const add = useMutation({
    mutationFn: () => post<Member>('/workspaces/current/members', { email: email.trim(), role }),
    onSuccess: async (member) => {
      notifySuccess(`${member.name || member.email} joined as ${roleLabel(member.role).toLowerCase()}.`);
      setEmail('');
      await client.invalidateQueries({ queryKey: MEMBERS_KEY });
    },
    onError: notifyError,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (email.trim()) add.mutate();
  };

  return (
    <form onSubmit={submit} aria-label="Add a member">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          label="Email"
          type="email"
          placeholder="colleague@example.com"
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          required
          autoComplete="off"
          style={{ flex: '1 1 240px' }}
        />
        <Select
          label="Role"
          data={ROLES.map(({ value, label }) => ({ value, label }))}
          value={role}
          onChange={(value) => value && setRole(value as WorkspaceRole)}
          allowDeselect={false}
          w={{ base: '100%', xs: 150 }}
        />
        <Button type="submit" loading={add.isPending} disabled={!email.trim()}>
          Add member
        </Button>
      </Group>
      <Text size="xs" c="dimmed" mt={6}>
        They need a Sentri account first; no invitation e-mail is sent. {roleLabel(role)}:{' '}
        {ROLES.find((entry) => entry.value === role)?.description.toLowerCase()}.
      </Text>
    </form>
  );
}
