import { Badge, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { ZoomableImage } from './ImageViewer';
import { visualDiffsOf, type RunResult, type VisualDiff } from './run-model';

const STATUS: Record<string, { label: string; color: string }> = {
  baseline_created: { label: 'New baseline', color: 'blue' },
  match: { label: 'Matches baseline', color: 'green' },
  regression: { label: 'Visual change', color: 'red' },
  error: { label: 'Not compared', color: 'gray' },
};

const percent = (value: number | undefined) => (value === undefined ? '—' : `${(value * 100).toFixed(2)}%`);

/** The screenshot the comparison was made with: step 0 is the final screenshot. */
function actualOf(result: RunResult, diff: VisualDiff): string | null {
  if (diff.step === 0) return result.screenshotPath;
  return result.stepCaptures.find((capture) => capture.step === diff.step)?.screenshotPath ?? null;
}

function Picture({ label, src, alt }: { label: string; src: string | null | undefined; alt: string }) {
  return (
    <Stack gap={4}>
      <Text size="xs" fw={600} c="dimmed" tt="uppercase">
        {label}
      </Text>
      {src ? (
        <ZoomableImage image={{ src, title: alt }} height={160} />
      ) : (
        <Text size="xs" c="dimmed">
          Not available
        </Text>
      )}
    </Stack>
  );
}

function DiffCard({ result, diff }: { result: RunResult; diff: VisualDiff }) {
  const status = STATUS[diff.status] ?? { label: diff.status, color: 'gray' };
  const where = diff.step === 0 ? 'Final screenshot' : `Step ${diff.step}`;
  return (
    <Card withBorder padding="sm">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Group gap="xs">
            <Text fw={600} size="sm">
              {where}
            </Text>
            <Badge color={status.color} variant="light">
              {status.label}
            </Badge>
          </Group>
          {diff.diffRatio !== undefined && (
            <Text size="xs" c="dimmed">
              {percent(diff.diffRatio)} of pixels differ
              {diff.diffPixels !== undefined ? ` (${diff.diffPixels.toLocaleString()} px)` : ''} · threshold{' '}
              {percent(diff.threshold)}
            </Text>
          )}
        </Group>
        {diff.reason && (
          <Text size="xs" c="dimmed">
            {diff.reason}
          </Text>
        )}
        {diff.status === 'baseline_created' ? (
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <Picture label="Baseline (taken in this run)" src={diff.baselinePath} alt={`New baseline of ${where}`} />
          </SimpleGrid>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: diff.diffPath ? 3 : 2 }} spacing="sm">
            <Picture label="Baseline" src={diff.baselinePath} alt={`Baseline of ${where}`} />
            <Picture label="This run" src={actualOf(result, diff)} alt={`This run: ${where}`} />
            {diff.diffPath && <Picture label="Difference" src={diff.diffPath} alt={`Pixels that differ at ${where}`} />}
          </SimpleGrid>
        )}
      </Stack>
    </Card>
  );
}

/**
 * Baseline, this run's screenshot and the difference for each compared screenshot. Changes come
 * first; screenshots that match their baseline are folded away.
 */
export function VisualDiffs({ result }: { result: RunResult }) {
  const diffs = visualDiffsOf(result);
  if (diffs.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No screenshots were compared for this test (only passing tests are compared with their baselines).
      </Text>
    );
  const order = (diff: VisualDiff) => (diff.status === 'regression' ? 0 : 1);
  const shown = diffs.filter((diff) => diff.status !== 'match').sort((a, b) => order(a) - order(b));
  const matching = diffs.filter((diff) => diff.status === 'match');
  return (
    <Stack gap="md">
      {shown.map((diff) => (
        <DiffCard key={diff.step} result={result} diff={diff} />
      ))}
      {matching.length > 0 && (
        <details open={shown.length === 0 && matching.length === 1}>
          <summary style={{ cursor: 'pointer' }}>
            <Text span size="sm">
              {matching.length} screenshot{matching.length === 1 ? ' matches its' : 's match their'} baseline
              {matching.length === 1 ? '' : 's'}
            </Text>
          </summary>
          <Stack gap="md" mt="sm">
            {matching.map((diff) => (
              <DiffCard key={diff.step} result={result} diff={diff} />
            ))}
          </Stack>
        </details>
      )}
    </Stack>
  );
}
