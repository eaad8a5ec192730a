import { Alert, Anchor, Button, Group, Text } from '@mantine/core';
import { Link } from 'react-router';
import { generatedTestIds, type Run } from './run-model';
import type { DoneInfo } from './use-live-run';

const SHOWN = 12;

/** The outcome of a crawl or generate run: its drafts and the way to the review queue. */
export function GeneratedTests({ run, done }: { run: Run; done: DoneInfo | null }) {
  if (run.status === 'running') return null;
  const ids = generatedTestIds(run);
  const count = Math.max(ids.length, done?.testsGenerated ?? 0);
  const review = `/projects/${encodeURIComponent(run.projectId)}/review`;

  if (run.status === 'completed_empty' || (run.status === 'completed' && count === 0))
    return (
      <Alert color="gray" title="No new tests">
        Nothing was found that the project does not already test.
      </Alert>
    );
  if (count === 0) return null;
  return (
    <Alert color="green" title={`${count} test${count === 1 ? '' : 's'} generated`}>
      <Group justify="space-between" gap="sm" align="flex-end">
        <Text size="sm">
          They are drafts until approved.{' '}
          {ids.slice(0, SHOWN).map((id, index) => (
            <span key={id}>
              {index > 0 && ', '}
              <Anchor component={Link} to={`/tests/${encodeURIComponent(id)}`} size="sm">
                {id}
              </Anchor>
            </span>
          ))}
          {ids.length > SHOWN && ` and ${ids.length - SHOWN} more`}
        </Text>
        <Button component={Link} to={review} color="green">
          Review them
        </Button>
      </Group>
    </Alert>
  );
}
