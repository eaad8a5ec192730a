import { Anchor, Button, Code, Group, Paper, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { StepsList } from '../tests/StepsList';
import { ResultBadge, ReviewStatusBadge } from '../tests/TestBadges';
import { formatDate, webHref, type ReviewAction, type Test } from '../tests/test-model';

interface Props {
  test: Test | undefined;
  /** Absent for members who may only read. */
  onAction?(action: ReviewAction): void;
  busy: boolean;
}

/** What the reviewer is deciding on: the focused test's steps, where it came from, and the verdict buttons. */
export function TestPreview({ test, onAction, busy }: Props) {
  if (!test)
    return (
      <Paper withBorder p="md" radius="md">
        <Text size="sm" c="dimmed">
          Select a test to preview its steps.
        </Text>
      </Paper>
    );

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="preview-title">
      <Stack gap="sm">
        <Stack gap={4}>
          <Title order={2} size="h4" id="preview-title" style={{ overflowWrap: 'anywhere' }}>
            {test.name}
          </Title>
          <Group gap="xs">
            <ReviewStatusBadge status={test.reviewStatus} />
            <ResultBadge result={test.lastResult} />
            <Text size="xs" c="dimmed">
              {test.type} · {test.priority} priority
            </Text>
          </Group>
          {webHref(test.sourceUrl) ? (
            <Anchor
              href={webHref(test.sourceUrl)}
              target="_blank"
              rel="noreferrer"
              size="xs"
              style={{ overflowWrap: 'anywhere' }}
            >
              {test.sourceUrl}
            </Anchor>
          ) : (
            test.sourceUrl && (
              <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {test.sourceUrl}
              </Text>
            )
          )}
          {test.description && (
            <Text size="sm" c="dimmed">
              {test.description}
            </Text>
          )}
        </Stack>

        <ScrollArea.Autosize mah={320} type="auto">
          {test.steps.length > 0 ? (
            <StepsList steps={test.steps} label={`Steps of ${test.name}`} />
          ) : test.playwrightCode ? (
            <Stack gap={4}>
              <Text size="xs" c="dimmed">
                No readable steps; the code:
              </Text>
              <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {test.playwrightCode}
              </Code>
            </Stack>
          ) : (
            <StepsList steps={[]} />
          )}
        </ScrollArea.Autosize>

        <Text size="xs" c="dimmed">
          Created {formatDate(test.createdAt)}
          {test.reviewedAt ? ` · reviewed ${formatDate(test.reviewedAt)}` : ''}
        </Text>

        <Group gap="xs">
          {onAction && test.reviewStatus !== 'approved' && (
            <Button size="xs" color="green" autoContrast onClick={() => onAction('approve')} loading={busy}>
              Approve
            </Button>
          )}
          {onAction && test.reviewStatus !== 'rejected' && (
            <Button size="xs" color="red" variant="light" onClick={() => onAction('reject')} loading={busy}>
              Reject
            </Button>
          )}
          {onAction && test.reviewStatus !== 'draft' && (
            <Button size="xs" variant="default" onClick={() => onAction('restore')} loading={busy}>
              Back to draft
            </Button>
          )}
          <Button size="xs" variant="subtle" component={Link} to={`/tests/${encodeURIComponent(test.id)}`}>
            Open test
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
