import { Box, Group, Text } from '@mantine/core';
import { diffLines } from 'diff';
import { useMemo } from 'react';

interface Line {
  kind: 'added' | 'removed' | 'same';
  text: string;
}

function linesOf(before: string, after: string): Line[] {
  const lines: Line[] = [];
  for (const part of diffLines(before, after)) {
    const kind = part.added ? 'added' : part.removed ? 'removed' : 'same';
    const texts = part.value.replace(/\n$/, '').split('\n');
    for (const text of texts) lines.push({ kind, text });
  }
  return lines;
}

const STYLE: Record<Line['kind'], { bg?: string; sign: string }> = {
  added: { bg: 'var(--mantine-color-green-light)', sign: '+' },
  removed: { bg: 'var(--mantine-color-red-light)', sign: '−' },
  same: { sign: ' ' },
};

/** A line diff of two versions of a test's code: removed lines in red, added in green. */
export function CodeDiff({ before, after, label }: { before: string; after: string; label: string }) {
  const lines = useMemo(() => linesOf(before, after), [before, after]);
  const added = lines.filter((line) => line.kind === 'added').length;
  const removed = lines.filter((line) => line.kind === 'removed').length;

  return (
    <Box>
      <Group gap="sm" mb={4}>
        <Text size="sm" fw={500}>
          {label}
        </Text>
        <Text size="xs" c="green">
          +{added} added
        </Text>
        <Text size="xs" c="red">
          −{removed} removed
        </Text>
      </Group>
      {added + removed === 0 ? (
        <Text size="sm" c="dimmed">
          No differences.
        </Text>
      ) : (
        <Box
          role="region"
          aria-label={label}
          tabIndex={0}
          mah={420}
          style={{
            overflow: 'auto',
            border: '1px solid var(--mantine-color-default-border)',
            borderRadius: 'var(--mantine-radius-sm)',
          }}
        >
          <Box component="pre" m={0} p="xs" fz="xs" ff="monospace" style={{ minWidth: 'fit-content' }}>
            {lines.map((line, index) => (
              <Box
                component="span"
                key={index}
                bg={STYLE[line.kind].bg}
                px={4}
                style={{ display: 'block', whiteSpace: 'pre' }}
              >
                {STYLE[line.kind].sign} {line.text}
              </Box>
            ))}
          </Box>
        </Box>
      )}
    </Box>
  );
}
