import { Autocomplete, Badge, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { del, get, post } from '../../api/client';
import { notifyError, notifySuccess } from '../../app/notify';
import { ConfirmButton } from '../../components/ConfirmDialog';
import {
  CONFIG_KEY,
  OLLAMA_STATUS_KEY,
  SETTINGS_KEY,
  type OllamaStatus,
  type SaveSettingsResult,
  type Settings,
} from './queries';

/** A local Ollama server: where it is, which model, and whether it answers right now. */
export function OllamaCard({ settings, active }: { settings: Settings; active: boolean }) {
  const client = useQueryClient();
  const [baseUrl, setBaseUrl] = useState(settings.ollamaBaseUrl);
  const [model, setModel] = useState(settings.ollamaModel);
  const status = useQuery({
    queryKey: OLLAMA_STATUS_KEY,
    queryFn: ({ signal }) => get<OllamaStatus>('/ollama/status', signal),
    staleTime: 30_000,
  });
  const refresh = () =>
    Promise.all(
      [SETTINGS_KEY, CONFIG_KEY, OLLAMA_STATUS_KEY].map((queryKey) => client.invalidateQueries({ queryKey })),
    );

  const save = useMutation({
    mutationFn: () =>
      post<SaveSettingsResult>('/settings', { provider: 'local', baseUrl: baseUrl.trim(), model: model.trim() }),
    onSuccess: async (result) => {
      notifySuccess(result.message);
      await refresh();
    },
    onError: notifyError,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label="Ollama (local)">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Title order={2} size="h4">
            Ollama (local)
          </Title>
          {active && <Badge color="green">Active</Badge>}
          {!active && settings.ollamaConfigured && <Badge color="gray">Configured</Badge>}
        </Group>
        <StatusLine status={status.data} checking={status.isFetching} error={status.error} />
        <form onSubmit={submit}>
          <Stack gap="xs">
            <TextInput
              label="Server address"
              placeholder="http://localhost:11434"
              value={baseUrl}
              onChange={(event) => setBaseUrl(event.currentTarget.value)}
            />
            <Autocomplete
              label="Model"
              placeholder="mistral:7b"
              value={model}
              onChange={setModel}
              data={status.data?.availableModels ?? []}
            />
            <Group gap="xs">
              <Button type="submit" loading={save.isPending}>
                Save and use Ollama
              </Button>
              <Button variant="default" onClick={() => void status.refetch()} loading={status.isFetching}>
                Check connection
              </Button>
              {settings.ollamaConfigured && (
                <ConfirmButton
                  label="Disable"
                  ariaLabel="Disable Ollama"
                  title="Disable Ollama?"
                  confirmLabel="Disable Ollama"
                  onConfirm={async () => {
                    await del('/settings/local');
                    notifySuccess('Ollama was disabled.');
                    await refresh();
                  }}
                >
                  <Text size="sm">
                    Sentri stops using the Ollama server for this workspace. The address and model are kept, so you can
                    turn it back on later.
                  </Text>
                </ConfirmButton>
              )}
            </Group>
          </Stack>
        </form>
      </Stack>
    </Paper>
  );
}

function StatusLine({ status, checking, error }: { status?: OllamaStatus; checking: boolean; error: unknown }) {
  if (!status) {
    return (
      <Text size="sm" c="dimmed" role="status">
        {checking ? 'Checking the Ollama server…' : error ? 'The status could not be read.' : ''}
      </Text>
    );
  }
  return (
    <Stack gap={4} role="status">
      <Group gap="xs">
        <Badge color={status.ok ? 'green' : 'red'} variant="light">
          {status.ok ? 'Reachable' : 'Not reachable'}
        </Badge>
        {status.ok && status.model && (
          <Text size="sm">
            Model <code>{status.model}</code>
          </Text>
        )}
      </Group>
      {!status.ok && status.error && (
        <Text size="sm" c="red.8">
          {status.error}
        </Text>
      )}
      {status.availableModels && status.availableModels.length > 0 && (
        <Text size="xs" c="dimmed">
          Installed models: {status.availableModels.join(', ')}
        </Text>
      )}
    </Stack>
  );
}
