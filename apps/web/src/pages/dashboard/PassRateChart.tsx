import { LineChart } from '@mantine/charts';
import { Text, VisuallyHidden } from '@mantine/core';
import { formatDateTime, formatShortDateTime } from './format';
import { Panel } from './Panel';
import type { Dashboard } from './types';

/** Pass rate of each of the last 20 test runs, oldest first. */
export function PassRateChart({ history, passRate }: { history: Dashboard['history']; passRate: number | null }) {
  const points = history.map((run, index) => ({
    run: formatShortDateTime(run.date),
    key: `${index}-${run.date}`,
    passRate: Math.round((100 * run.passed) / (run.total || 1)),
    when: formatDateTime(run.date),
    passed: run.passed,
    failed: run.failed,
  }));
  const latest = points.at(-1);

  return (
    <Panel title="Pass rate over time">
      {points.length === 0 ? (
        <Text c="dimmed" size="sm">
          No finished test runs yet. Run a project&apos;s approved tests to see how the pass rate moves.
        </Text>
      ) : (
        <>
          <Text size="sm" c="dimmed">
            Last {points.length} test run{points.length === 1 ? '' : 's'}
            {passRate === null ? '' : ` · ${passRate}% over the last 10 completed`}
          </Text>
          <LineChart
            h={240}
            data={points}
            dataKey="run"
            series={[{ name: 'passRate', label: 'Pass rate', color: 'teal.6' }]}
            unit="%"
            yAxisProps={{ domain: [0, 100], width: 44 }}
            xAxisProps={{ minTickGap: 24, tickMargin: 8 }}
            curveType="monotone"
            connectNulls
            valueFormatter={(value) => `${value}`}
          />
          <VisuallyHidden>
            <ul>
              {points.map((point) => (
                <li key={point.key}>
                  {point.when}: {point.passRate}% ({point.passed} passed, {point.failed} failed)
                </li>
              ))}
            </ul>
          </VisuallyHidden>
          {latest && (
            <Text size="xs" c="dimmed">
              Latest: {latest.passRate}% on {latest.when}
            </Text>
          )}
        </>
      )}
    </Panel>
  );
}
