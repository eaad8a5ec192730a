import { Anchor, Button, Code, Group, Image, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Tag } from './TestBadges';
import { artifactSrc, formatDuration } from './test-model';
import type { HealEvent } from './use-test-history';

/** One locator that did not match as written and how the element was found anyway (or not). */
function HealCard({ heal, index }: { heal: HealEvent; index: number }) {
  const title = `${heal.action ?? 'Step'} “${heal.label ?? 'element'}”`;
  const screenshot = artifactSrc(heal.screenshot);
  return (
    <Paper withBorder p="sm" radius="md">
      <Stack gap={6}>
        <Group gap="xs" justify="space-between" wrap="wrap">
          <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
            {title}
          </Text>
          {heal.failed ? <Tag color="red">Not found</Tag> : <Tag color="teal">Healed</Tag>}
        </Group>
        <Text size="xs" c="dimmed">
          Strategy <Code>{heal.strategy ?? 'none'}</Code>
          {heal.previousStrategy && (
            <>
              {' '}
              (remembered: <Code>{heal.previousStrategy}</Code>)
            </>
          )}
          {heal.score !== undefined && ` · similarity ${Math.round(heal.score * 100)}%`}
          {heal.durationMs !== undefined && ` · ${formatDuration(heal.durationMs)}`}
          {heal.retry ? ` · attempt ${heal.retry + 1}` : ''}
        </Text>
        {(heal.oldLocator || heal.newLocator) && (
          <Stack gap={2}>
            {heal.oldLocator && (
              <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
                Written: <Code>{heal.oldLocator}</Code>
              </Text>
            )}
            {heal.newLocator && (
              <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
                Found as: <Code>{heal.newLocator}</Code>
              </Text>
            )}
          </Stack>
        )}
        {screenshot && (
          <Anchor
            href={screenshot}
            target="_blank"
            rel="noreferrer"
            aria-label={`Open screenshot of heal ${index + 1}`}
          >
            <Image
              src={screenshot}
              alt={`Page when ${title} was healed`}
              radius="sm"
              mah={200}
              fit="contain"
              loading="lazy"
            />
          </Anchor>
        )}
      </Stack>
    </Paper>
  );
}

/**
 * The heals of one result. Every element lookup is reported; only those found another way than
 * written (healed) or not at all (failed) are evidence worth a reviewer's eye. Retries repeat the
 * same lookups, so the final attempt is shown unless asked for all.
 */
export function HealEvents({ heals }: { heals: HealEvent[] }) {
  const [everyAttempt, setEveryAttempt] = useState(false);
  const lastRetry = Math.max(0, ...heals.map((heal) => heal.retry ?? 0));
  const notableAll = heals.filter((heal) => heal.healed || heal.failed);
  const notable = everyAttempt ? notableAll : notableAll.filter((heal) => (heal.retry ?? 0) === lastRetry);
  const plain = heals.filter((heal) => !heal.healed && !heal.failed).length;
  const hidden = notableAll.length - notable.length;
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        Self-healing
      </Title>
      {notableAll.length === 0 ? (
        <Text size="sm" c="dimmed">
          {heals.length === 0
            ? 'No element lookups were reported for this result.'
            : `All ${plain} element lookup${plain === 1 ? '' : 's'} matched as written; nothing needed healing.`}
        </Text>
      ) : (
        <>
          {lastRetry > 0 && (
            <Group gap="xs">
              <Text size="xs" c="dimmed">
                {everyAttempt ? `All ${lastRetry + 1} attempts` : `Final attempt (#${lastRetry + 1})`}
                {hidden > 0 ? ` · ${hidden} more from earlier attempts` : ''}
              </Text>
              <Button size="compact-xs" variant="subtle" onClick={() => setEveryAttempt(!everyAttempt)}>
                {everyAttempt ? 'Show the final attempt only' : 'Show every attempt'}
              </Button>
            </Group>
          )}
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
            {notable.map((heal, index) => (
              <HealCard key={index} heal={heal} index={index} />
            ))}
          </SimpleGrid>
          {plain > 0 && (
            <Text size="xs" c="dimmed">
              {plain} other lookup{plain === 1 ? '' : 's'} matched as written.
            </Text>
          )}
        </>
      )}
    </Stack>
  );
}
