import { Box, Button, Code, CopyButton, Group, Stack, Tabs, Text } from '@mantine/core';
import { useMemo } from 'react';
import { ciSnippets } from './ci-snippets';

/** The CI snippets for this server and project, each with a Copy button. They never contain a token. */
export function CiSnippets({ projectId }: { projectId: string }) {
  const snippets = useMemo(() => ciSnippets(window.location.origin, projectId), [projectId]);
  return (
    <Tabs defaultValue="github" keepMounted={false}>
      <Tabs.List aria-label="CI systems">
        {snippets.map((snippet) => (
          <Tabs.Tab key={snippet.id} value={snippet.id}>
            {snippet.label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {snippets.map((snippet) => (
        <Tabs.Panel key={snippet.id} value={snippet.id} pt="sm">
          <Stack gap="xs">
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
              <Text size="sm" c="dimmed">
                {snippet.hint}
              </Text>
              <CopyButton value={snippet.code} timeout={2000}>
                {({ copied, copy }) => (
                  <Button
                    size="xs"
                    variant={copied ? 'filled' : 'light'}
                    color={copied ? 'teal' : undefined}
                    onClick={copy}
                    aria-label={copied ? 'Copied' : `Copy the ${snippet.label} snippet`}
                    style={{ flexShrink: 0 }}
                  >
                    {copied ? 'Copied' : 'Copy'}
                  </Button>
                )}
              </CopyButton>
            </Group>
            <Box role="region" aria-label={`${snippet.label} snippet`} tabIndex={0} style={{ overflowX: 'auto' }}>
              <Code block>{snippet.code}</Code>
            </Box>
          </Stack>
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}
