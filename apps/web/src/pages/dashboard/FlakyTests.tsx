import { Anchor, Group, Progress, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { Panel } from './Panel';
import type { Dashboard } from './types';

/** Approved tests that flip between passing and failing, worst first. */
export function FlakyTests({ tests, flakyTestCount }: { tests: Dashboard['topFlakyTests']; flakyTestCount: number }) {
  return (
    <Panel title="Flaky tests">
      {tests.length === 0 ? (
        <Text c="dimmed" size="sm">
          {flakyTestCount === 0
            ? 'No flaky tests: every test passes or fails consistently.'
            : `${flakyTestCount} test${flakyTestCount === 1 ? '' : 's'} both passed and failed, but none of the approved ones are scored as flaky yet.`}
        </Text>
      ) : (
        <Stack gap="sm" component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
          {tests.map((test) => (
            <Stack key={test.testId} gap={4} component="li">
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Anchor component={Link} to={`/tests/${encodeURIComponent(test.testId)}`} size="sm" lineClamp={1}>
                  {test.name}
                </Anchor>
                <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {test.flakyScore}% flaky
                </Text>
              </Group>
              <Progress
                value={test.flakyScore}
                color={test.flakyScore >= 40 ? 'red' : 'orange'}
                size="sm"
                aria-label={`Flakiness of ${test.name}`}
              />
            </Stack>
          ))}
        </Stack>
      )}
    </Panel>
  );
}
