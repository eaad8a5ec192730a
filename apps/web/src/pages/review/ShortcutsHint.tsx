import { Group, Kbd, Text } from '@mantine/core';

const SHORTCUTS: [keys: string[], what: string, qaLeadOnly?: boolean][] = [
  [['j', 'k'], 'next / previous'],
  [['a'], 'approve', true],
  [['r'], 'reject', true],
  [['Enter', 'o'], 'open'],
  [['/'], 'search'],
  [['Esc'], 'clear selection'],
];

/** A one-line reminder of the queue's keys (they do nothing while typing in a field). */
export function ShortcutsHint({ canReview }: { canReview: boolean }) {
  return (
    <Group gap="md" role="note" aria-label="Keyboard shortcuts" visibleFrom="sm" wrap="wrap">
      <Text size="xs" c="dimmed" fw={500}>
        Keyboard shortcuts
      </Text>
      {SHORTCUTS.filter(([, , qaLeadOnly]) => canReview || !qaLeadOnly).map(([keys, what]) => (
        <Group key={what} gap={4} wrap="nowrap">
          {keys.map((key) => (
            <Kbd key={key} size="xs">
              {key}
            </Kbd>
          ))}
          <Text size="xs" c="dimmed">
            {what}
          </Text>
        </Group>
      ))}
    </Group>
  );
}
