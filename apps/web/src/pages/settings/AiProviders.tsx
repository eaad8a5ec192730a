import { Alert, Badge, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { get } from '../../api/client';
import { QueryState } from '../../components/PageState';
import { OllamaCard } from './OllamaCard';
import { ProviderKeyCard } from './ProviderKeyCard';
import { CONFIG_KEY, SETTINGS_KEY, type AiConfig, type Settings } from './queries';

const CLOUD = ['anthropic', 'openai', 'google'] as const;

/** The admin's view of this workspace's AI providers: masked keys, the active one, Ollama. */
export function AiProviders() {
  const settings = useQuery({ queryKey: SETTINGS_KEY, queryFn: ({ signal }) => get<Settings>('/settings', signal) });
  const config = useQuery({ queryKey: CONFIG_KEY, queryFn: ({ signal }) => get<AiConfig>('/config', signal) });
  const catalogue = new Map((config.data?.supportedProviders ?? []).map((provider) => [provider.id, provider]));

  return (
    <QueryState query={settings} loadingLabel="Loading AI provider settings…">
      {(data) => (
        <Stack gap="md">
          <Group gap="xs">
            <Text size="sm">In use:</Text>
            {config.data?.hasProvider ? (
              <>
                <Badge color="green" variant="light">
                  {config.data.providerName}
                </Badge>
                {config.data.model && (
                  <Text size="sm" c="dimmed" ff="monospace">
                    {config.data.model}
                  </Text>
                )}
              </>
            ) : (
              <Badge color="gray" variant="light">
                {config.data ? 'No provider configured' : '…'}
              </Badge>
            )}
          </Group>
          <Alert color="gray" variant="light">
            Keys are stored encrypted and never shown again in full: only their first and last characters. Saving a key
            makes that provider the active one. Keys are not checked against the provider when saved: use “Test
            connection” to try one.
          </Alert>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            {CLOUD.map((id) => (
              <ProviderKeyCard
                key={id}
                provider={id}
                name={catalogue.get(id)?.name ?? id}
                model={catalogue.get(id)?.model}
                docsUrl={catalogue.get(id)?.docsUrl}
                masked={data[id]}
                active={data.activeProvider === id}
              />
            ))}
            <OllamaCard settings={data} active={data.activeProvider === 'local'} />
          </SimpleGrid>
        </Stack>
      )}
    </QueryState>
  );
}
