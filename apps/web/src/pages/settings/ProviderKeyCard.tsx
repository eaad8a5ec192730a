import { Anchor, Badge, Button, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { del, messageOf, post } from '../../api/client';
import { notifyError, notifySuccess } from '../../app/notify';
import { ConfirmButton } from '../../components/ConfirmDialog';
import { CONFIG_KEY, SETTINGS_KEY, type ProviderCheck, type SaveSettingsResult } from './queries';

interface Props {
  provider: 'anthropic' | 'openai' | 'google';
  name: string;
  model: string | undefined;
  docsUrl: string | undefined;
  /** The key as the API shows it: "" when unset, otherwise masked. */
  masked: string;
  active: boolean;
}

/** One cloud provider: its masked key, a field to replace it, and the switch to use it. */
export function ProviderKeyCard({ provider, name, model, docsUrl, masked, active }: Props) {
  const client = useQueryClient();
  const [apiKey, setApiKey] = useState('');
  const [baseUrl, setBaseUrl] = useState('');
  const hasKey = masked !== '';
  const refresh = () =>
    Promise.all([SETTINGS_KEY, CONFIG_KEY].map((queryKey) => client.invalidateQueries({ queryKey })));

  const save = useMutation({
    mutationFn: (body: Record<string, string>) => post<SaveSettingsResult>('/settings', body),
    onSuccess: async (result) => {
      setApiKey('');
      setBaseUrl('');
      // A test of the previous key says nothing about the new one.
      check.reset();
      notifySuccess(result.message);
      await refresh();
    },
    onError: notifyError,
  });

  // One tiny request to the vendor with the saved key; the outcome stays on the card.
  const check = useMutation({
    mutationFn: () => post<ProviderCheck>(`/settings/${provider}/test`),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: Record<string, string> = { provider, apiKey: apiKey.trim() };
    if (baseUrl.trim()) body.baseUrl = baseUrl.trim();
    save.mutate(body);
  };
  const keyTooShort = apiKey.trim().length > 0 && apiKey.trim().length < 10;

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={name}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Title order={2} size="h4">
            {name}
          </Title>
          {active && <Badge color="green">Active</Badge>}
        </Group>
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            Saved key:
          </Text>
          {hasKey ? (
            <Text size="sm" ff="monospace" aria-label={`Saved ${name} key, masked`}>
              {masked}
            </Text>
          ) : (
            <Text size="sm">none</Text>
          )}
        </Group>
        {model && (
          <Text size="xs" c="dimmed">
            Default model: <code>{model}</code>
          </Text>
        )}
        <form onSubmit={submit}>
          <Stack gap="xs">
            <PasswordInput
              label={hasKey ? `Replace the ${name} key` : `${name} API key`}
              placeholder="Paste the key"
              value={apiKey}
              onChange={(event) => setApiKey(event.currentTarget.value)}
              autoComplete="off"
              error={keyTooShort ? 'A key has at least 10 characters.' : undefined}
              description={
                docsUrl ? (
                  <Anchor href={docsUrl} target="_blank" rel="noreferrer" size="xs">
                    Where to get a key
                  </Anchor>
                ) : undefined
              }
            />
            {provider === 'openai' && (
              <TextInput
                label="Base URL (optional)"
                description="For an OpenAI-compatible gateway; leave empty for OpenAI itself."
                placeholder="https://gateway.example.com/v1"
                value={baseUrl}
                onChange={(event) => setBaseUrl(event.currentTarget.value)}
              />
            )}
            <Group gap="xs">
              <Button
                type="submit"
                loading={save.isPending && save.variables?.apiKey !== '__use_existing__'}
                disabled={apiKey.trim().length < 10}
              >
                Save and use
              </Button>
              {hasKey && !active && (
                <Button
                  variant="light"
                  loading={save.isPending && save.variables?.apiKey === '__use_existing__'}
                  onClick={() => save.mutate({ provider, apiKey: '__use_existing__' })}
                >
                  Use saved key
                </Button>
              )}
              {hasKey && (
                <Button variant="default" loading={check.isPending} onClick={() => check.mutate()}>
                  Test connection
                </Button>
              )}
              {hasKey && (
                <ConfirmButton
                  label="Remove key"
                  ariaLabel={`Remove the ${name} key`}
                  title={`Remove the ${name} key?`}
                  confirmLabel="Remove key"
                  onConfirm={async () => {
                    await del(`/settings/${provider}`);
                    notifySuccess(`The ${name} key was removed.`);
                    await refresh();
                  }}
                >
                  <Text size="sm">
                    The saved key is deleted from this workspace.
                    {active ? ' AI generation and fixes stop using this provider until another one is set.' : ''} A key
                    set in the server&apos;s environment, if any, is used instead.
                  </Text>
                </ConfirmButton>
              )}
            </Group>
            <CheckOutcome result={check.data} error={check.error} pending={check.isPending} />
          </Stack>
        </form>
      </Stack>
    </Paper>
  );
}

/** What the last connection test found; a live region, so the outcome is announced. */
function CheckOutcome({ result, error, pending }: { result?: ProviderCheck; error: unknown; pending: boolean }) {
  let text = '';
  let ok = false;
  if (pending) text = 'Testing the connection…';
  else if (error) text = messageOf(error);
  else if (result?.ok) {
    ok = true;
    text = `Connected: ${result.model} answered in ${result.latencyMs} ms.`;
  } else if (result) text = `Failed (${result.category.replace(/_/g, ' ')}): ${result.error}`;
  return (
    <Text
      size="sm"
      role="status"
      c={pending ? 'dimmed' : ok ? 'green.8' : 'red.8'}
      style={{ overflowWrap: 'anywhere' }}
    >
      {text}
    </Text>
  );
}
