import { Badge, Card, Code, Grid, Group, Stack, Text } from '@mantine/core';
import { ZoomableImage } from './ImageViewer';
import { formatDuration, healsOf, type HealEvent, type RunResult } from './run-model';

function verdict(heal: HealEvent): { label: string; color: string } {
  if (heal.failed) return { label: 'Not found', color: 'red' };
  if (heal.healed) return { label: 'Healed', color: 'grape' };
  return { label: 'Found as written', color: 'green' };
}

function Fingerprint({ label, value }: { label: string; value: unknown }) {
  if (!value) return null;
  return (
    <details>
      <summary style={{ cursor: 'pointer', fontSize: 'var(--mantine-font-size-xs)' }}>{label}</summary>
      <Code block fz="xs" mah={200} style={{ overflow: 'auto' }}>
        {JSON.stringify(value, null, 2)}
      </Code>
    </details>
  );
}

/** How the self-healing helpers found each element, with the evidence they kept. */
export function HealingEvents({ result }: { result: RunResult }) {
  const heals = healsOf(result);
  if (heals.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No element needed healing in this test.
      </Text>
    );
  return (
    <Stack gap="sm">
      {heals.map((heal, index) => {
        const { label, color } = verdict(heal);
        const what = [heal.action, heal.label].filter(Boolean).join(' ') || heal.key || `Element ${index + 1}`;
        return (
          <Card key={`${heal.key ?? ''}-${index}`} withBorder padding="sm">
            <Grid gap="sm">
              <Grid.Col span={{ base: 12, sm: heal.screenshot ? 8 : 12 }}>
                <Stack gap={6}>
                  <Group gap="xs">
                    <Text fw={600} size="sm">
                      {what}
                    </Text>
                    <Badge color={color} variant="light">
                      {label}
                    </Badge>
                    {heal.retry !== undefined && heal.retry > 0 && (
                      <Badge color="yellow" variant="outline">
                        Retry {heal.retry}
                      </Badge>
                    )}
                  </Group>
                  <Text size="xs">
                    Strategy <Code>{heal.strategy ?? '—'}</Code>
                    {heal.previousStrategy && (
                      <>
                        {' '}
                        (remembered: <Code>{heal.previousStrategy}</Code>)
                      </>
                    )}
                    {heal.score !== undefined && ` · similarity ${Math.round(heal.score * 100)}%`}
                    {heal.durationMs !== undefined && ` · ${formatDuration(heal.durationMs)}`}
                  </Text>
                  {(heal.oldLocator || heal.newLocator) && (
                    <Text size="xs" style={{ wordBreak: 'break-all' }}>
                      <Code>{heal.oldLocator ?? '—'}</Code> → <Code>{heal.newLocator ?? '—'}</Code>
                    </Text>
                  )}
                  <Fingerprint label="Element before" value={heal.before} />
                  <Fingerprint label="Element found" value={heal.after} />
                </Stack>
              </Grid.Col>
              {heal.screenshot && (
                <Grid.Col span={{ base: 12, sm: 4 }}>
                  <ZoomableImage image={{ src: heal.screenshot, title: `Page when healing ${what}` }} height={120} />
                </Grid.Col>
              )}
            </Grid>
          </Card>
        );
      })}
    </Stack>
  );
}
