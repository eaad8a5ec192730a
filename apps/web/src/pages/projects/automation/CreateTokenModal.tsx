import { Alert, Button, CopyButton, Group, Modal, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { post } from '../../../api/client';
import type { ApiResult } from '../../../api/types';
import { CiSnippets } from './CiSnippets';
import { automationKeys, problemOf, projectPath } from './shared';

type Created = ApiResult<'/projects/{id}/trigger-tokens', 'post'>;

const MAX_LABEL = 120;

/** The one and only time a token's plaintext is on screen. */
function TokenOnce({ created, projectId }: { created: Created; projectId: string }) {
  return (
    <Stack>
      <Alert color="yellow" title="Copy the token now" role="alert">
        This is the only time the token is shown. Sentri keeps only a hash of it: if you lose it, revoke it and create a
        new one.
      </Alert>
      <Textarea
        label={created.label ? `Trigger token “${created.label}”` : 'Trigger token'}
        value={created.token}
        readOnly
        autosize
        minRows={1}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', wordBreak: 'break-all' } }}
        onFocus={(event) => event.currentTarget.select()}
      />
      <Group>
        <CopyButton value={created.token} timeout={2000}>
          {({ copied, copy }) => (
            <Button onClick={copy} color={copied ? 'teal' : undefined}>
              {copied ? 'Copied' : 'Copy token'}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Text size="sm">
        Store it as the secret <strong>SENTRI_TOKEN</strong> of your CI; the snippets below read it from there.
      </Text>
      <Title order={3} size="h5">
        Use it in CI
      </Title>
      <CiSnippets projectId={projectId} />
    </Stack>
  );
}

/** Create a CI trigger token (admins): an optional label, then the copy-once view of the token. */
export function CreateTokenModal({
  projectId,
  opened,
  onClose,
}: {
  projectId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const client = useQueryClient();
  const [label, setLabel] = useState('');
  const [error, setError] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: () =>
      post<Created>(`${projectPath(projectId)}/trigger-tokens`, label.trim() ? { label: label.trim() } : {}),
    onSuccess: () => void client.invalidateQueries({ queryKey: automationKeys.triggerTokens(projectId) }),
    onError: (caught) => setError(problemOf(caught).message),
  });
  const created = create.data;

  const close = () => {
    setLabel('');
    setError(null);
    create.reset();
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    create.mutate();
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={created ? 'Your new trigger token' : 'Create a trigger token'}
      size={created ? 'xl' : 'md'}
      // The token cannot be shown again: a stray click or Escape must not throw it away.
      closeOnClickOutside={!created}
      closeOnEscape={!created}
    >
      {created ? (
        <Stack>
          <TokenOnce created={created} projectId={projectId} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              I have stored the token
            </Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text size="sm">
              With the token, CI can start runs of this project, follow them, download their reports and export the
              approved tests — nothing else.
            </Text>
            <TextInput
              label="Label"
              description="Optional: where the token is used, e.g. “GitHub Actions”."
              placeholder="GitHub Actions"
              maxLength={MAX_LABEL}
              value={label}
              data-autofocus
              onChange={(event) => setLabel(event.currentTarget.value)}
            />
            {error && (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={close} disabled={create.isPending}>
                Cancel
              </Button>
              <Button type="submit" loading={create.isPending}>
                Create token
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
