import { Box, Group, Paper, ScrollArea, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useEffect, useRef } from 'react';
import type { LogLevel, LogLine } from './run-model';

const MAX_LINES = 1000;
const COLOR: Record<LogLevel, string | undefined> = {
  info: undefined,
  warn: 'yellow.8',
  error: 'red.7',
  success: 'green.7',
};
const LABEL: Record<LogLevel, string> = { info: 'info', warn: 'warning', error: 'error', success: 'success' };

const timeOf = (iso: string | null) =>
  iso ? new Date(iso).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' }) : '';

/** The run's log, newest line in view: it follows new lines unless the reader has scrolled up. */
export function RunLog({ logs, height = 280, live }: { logs: LogLine[]; height?: number; live: boolean }) {
  const viewport = useRef<HTMLDivElement>(null);
  const following = useRef(true);
  const shown = logs.length > MAX_LINES ? logs.slice(-MAX_LINES) : logs;

  useEffect(() => {
    const element = viewport.current;
    if (element && following.current) element.scrollTop = element.scrollHeight;
  }, [shown.length]);

  return (
    <Stack gap="xs" component="section" aria-labelledby="run-log-title">
      <Group justify="space-between">
        <Title order={2} size="h4" id="run-log-title">
          Log
        </Title>
        {logs.length > MAX_LINES && (
          <Text size="xs" c="dimmed">
            Showing the last {MAX_LINES} of {logs.length} lines
          </Text>
        )}
      </Group>
      <Paper withBorder radius="md">
        <ScrollArea.Autosize
          mah={height}
          viewportRef={viewport}
          type="auto"
          onScrollPositionChange={({ y }) => {
            const element = viewport.current;
            if (element) following.current = element.scrollHeight - element.clientHeight - y < 24;
          }}
        >
          <Box
            role="log"
            aria-live={live ? 'polite' : 'off'}
            aria-label="Run log"
            tabIndex={0}
            p="xs"
            ff="monospace"
            fz="xs"
          >
            {shown.length === 0 && <Text c="dimmed">No log lines yet.</Text>}
            {shown.map((line) => (
              <Group key={line.key} gap="xs" wrap="nowrap" align="flex-start">
                <Text span c="dimmed" fz="xs" style={{ flexShrink: 0 }} miw={64}>
                  {timeOf(line.at)}
                </Text>
                <Text span fz="xs" c={COLOR[line.level]} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                  {line.level !== 'info' && (
                    <VisuallyHidden component="span">{`${LABEL[line.level]}: `}</VisuallyHidden>
                  )}
                  {line.message}
                </Text>
              </Group>
            ))}
          </Box>
        </ScrollArea.Autosize>
      </Paper>
    </Stack>
  );
}
