import { Anchor, Badge, Button, Code, Group, Stack, Table, Text, Title } from '@mantine/core';
import { formatDuration, humanize, RESULT_STATUS_COLOR, type RunResult } from './run-model';

const ATTEMPT_COLOR: Record<string, string> = { ...RESULT_STATUS_COLOR, timedOut: 'red', interrupted: 'gray' };

/** Trace, video and every attempt of one result. */
export function EvidencePanel({ result }: { result: RunResult }) {
  const file = `${result.testId}-trace.zip`;
  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Title order={3} size="h5">
          Playwright trace
        </Title>
        {result.tracePath ? (
          <>
            <Group gap="sm">
              <Button component="a" href={result.tracePath} download={file} variant="light" size="xs">
                Download trace
              </Button>
              {result.attemptTraces.map((path, index) => (
                <Anchor key={path} href={path} download={`${result.testId}-attempt-${index}-trace.zip`} size="sm">
                  Trace of attempt {index + 1}
                </Anchor>
              ))}
            </Group>
            <Text size="sm" c="dimmed">
              Open it with <Code>npx playwright show-trace {file}</Code>, or drop the file on{' '}
              <Anchor href="https://trace.playwright.dev" target="_blank" rel="noreferrer">
                trace.playwright.dev
              </Anchor>{' '}
              (it is read in your browser, not uploaded).
            </Text>
          </>
        ) : (
          <Text size="sm" c="dimmed">
            No trace was recorded for this test.
          </Text>
        )}
      </Stack>

      {result.videoPath && (
        <Stack gap="xs">
          <Title order={3} size="h5">
            Video
          </Title>
          <video
            src={result.videoPath}
            controls
            preload="metadata"
            aria-label={`Video of ${result.testName}`}
            style={{ width: '100%', maxWidth: 800, borderRadius: 6 }}
          />
        </Stack>
      )}

      <Stack gap="xs">
        <Title order={3} size="h5">
          Attempts
        </Title>
        {result.attempts.length === 0 ? (
          <Text size="sm" c="dimmed">
            The test was not executed.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={480}>
            <Table verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Attempt</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Duration</Table.Th>
                  <Table.Th>Error</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {result.attempts.map((attempt) => (
                  <Table.Tr key={attempt.retry}>
                    <Table.Td>{attempt.retry === 0 ? 'First run' : `Retry ${attempt.retry}`}</Table.Td>
                    <Table.Td>
                      <Badge color={ATTEMPT_COLOR[attempt.status] ?? 'gray'} variant="light">
                        {humanize(attempt.status)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{formatDuration(attempt.durationMs)}</Table.Td>
                    <Table.Td>
                      <Text size="xs" lineClamp={3} style={{ whiteSpace: 'pre-wrap' }}>
                        {typeof attempt.error === 'string' ? attempt.error : '—'}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Stack>
  );
}

/** What the test printed (console output of the final attempt). */
export function ConsoleLogs({ lines }: { lines: string[] }) {
  if (lines.length === 0)
    return (
      <Text size="sm" c="dimmed">
        The test wrote nothing to the console.
      </Text>
    );
  return (
    <Code block mah={360} style={{ overflow: 'auto', whiteSpace: 'pre-wrap' }} tabIndex={0} aria-label="Console output">
      {lines.map((line) => (line.endsWith('\n') ? line : `${line}\n`)).join('')}
    </Code>
  );
}
