import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { get } from '../../api/client';
import { QueryState } from '../../components/PageState';
import { CONFIG_KEY, type AiConfig } from './queries';

/** What a non-admin may know about the AI provider: which one, never its key. */
export function AiProviderSummary() {
  const query = useQuery({ queryKey: CONFIG_KEY, queryFn: ({ signal }) => get<AiConfig>('/config', signal) });
  return (
    <QueryState query={query} loadingLabel="Loading the AI provider…">
      {(config) => (
        <Paper withBorder p="md" radius="md">
          <Stack gap="xs">
            <Title order={2} size="h4">
              AI provider
            </Title>
            {config.hasProvider ? (
              <Group gap="xs">
                <Badge color="green" variant="light">
                  Active
                </Badge>
                <Text fw={600}>{config.providerName}</Text>
                {config.model && (
                  <Text size="sm" c="dimmed" ff="monospace">
                    {config.model}
                  </Text>
                )}
              </Group>
            ) : (
              <Text size="sm">
                No AI provider is configured. Sentri still crawls and writes tests with its built-in generator; ask an
                admin to add a provider for AI-written tests and fixes.
              </Text>
            )}
          </Stack>
        </Paper>
      )}
    </QueryState>
  );
}
