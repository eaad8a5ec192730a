import { Anchor, Center, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** The centred card every signed-out page uses. */
export function AuthFrame({ title, children, footer }: { title: string; children: ReactNode; footer?: ReactNode }) {
  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={420}>
        <Stack gap="md">
          <Text fw={700} c="indigo" size="lg">
            <Anchor component={Link} to="/" underline="never">
              Sentri
            </Anchor>
          </Text>
          <Title order={1} size="h2">
            {title}
          </Title>
          {children}
          {footer && (
            <Text size="sm" c="dimmed">
              {footer}
            </Text>
          )}
        </Stack>
      </Paper>
    </Center>
  );
}
