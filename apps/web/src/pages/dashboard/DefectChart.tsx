import { DonutChart } from '@mantine/charts';
import { Box, ColorSwatch, Group, Stack, Text } from '@mantine/core';
import { Panel } from './Panel';
import type { Dashboard } from './types';

const CATEGORIES = [
  { key: 'SELECTOR_ISSUE', label: 'Selector not found', color: 'orange.6' },
  { key: 'ASSERTION_FAIL', label: 'Assertion failed', color: 'red.6' },
  { key: 'TIMEOUT', label: 'Timeout', color: 'yellow.6' },
  { key: 'NAVIGATION_FAIL', label: 'Navigation failed', color: 'grape.6' },
  { key: 'UNKNOWN', label: 'Other', color: 'gray.6' },
] as const;

/** Why tests fail: failed results classified by their error. */
export function DefectChart({ breakdown }: { breakdown: Dashboard['defectBreakdown'] }) {
  const cells = CATEGORIES.map((category) => ({
    name: category.label,
    value: breakdown[category.key],
    color: category.color,
  }));
  const total = cells.reduce((sum, cell) => sum + cell.value, 0);

  return (
    <Panel title="Defect categories">
      {total === 0 ? (
        <Text c="dimmed" size="sm">
          No failed results to classify.
        </Text>
      ) : (
        <Group align="center" justify="center" gap="lg" wrap="wrap">
          {/* The list beside it carries the numbers; the chart is one picture of them. */}
          <Box role="img" aria-label={`Chart of ${total} failures by category`}>
            <DonutChart
              data={cells.filter((cell) => cell.value > 0)}
              size={160}
              thickness={26}
              chartLabel={total}
              tooltipDataSource="segment"
              accessibilityLayer={false}
            />
          </Box>
          <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Failures by category">
            {cells.map((cell) => (
              <Group key={cell.name} component="li" gap="xs" wrap="nowrap">
                <ColorSwatch color={`var(--mantine-color-${cell.color.replace('.', '-')})`} size={12} aria-hidden />
                <Text size="sm" style={{ flex: 1 }}>
                  {cell.name}
                </Text>
                <Text size="sm" fw={600}>
                  {cell.value}
                </Text>
              </Group>
            ))}
          </Stack>
        </Group>
      )}
    </Panel>
  );
}
