import { Badge, Box, Group, Image, ScrollArea, Stack, Text, Timeline, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { ImageModal, type ViewerImage } from './ImageViewer';
import { formatDuration, type RunResult } from './run-model';

interface Item {
  key: string;
  label: string;
  title: string;
  src: string;
  durationMs: number | undefined;
  error: string | undefined;
}

/** Captures in step order, each with its step's duration (matched by title), and the final screenshot. */
function itemsOf(result: RunResult): Item[] {
  const byTitle = new Map(result.steps.map((step) => [step.title, step]));
  const items: Item[] = [...result.stepCaptures]
    .sort((a, b) => a.step - b.step)
    .map((capture) => {
      const step = byTitle.get(capture.title);
      return {
        key: `step-${capture.step}`,
        label: `Step ${capture.step}`,
        title: capture.title,
        src: capture.screenshotPath,
        durationMs: step?.durationMs,
        error: step?.error,
      };
    });
  if (result.screenshotPath)
    items.push({
      key: 'final',
      label: result.status === 'failed' ? 'At failure' : 'Final',
      title: result.status === 'failed' ? 'Page when the test failed' : 'Page at the end of the test',
      src: result.screenshotPath,
      durationMs: undefined,
      error: undefined,
    });
  return items;
}

/**
 * What the page looked like after each step: thumbnails along a line in step order, each opening
 * large in a modal (with previous/next). A test without captures shows its steps as a timeline.
 */
export function StepTimeline({ result }: { result: RunResult }) {
  const [open, setOpen] = useState<number | null>(null);
  const items = itemsOf(result);
  const images: ViewerImage[] = items.map((item) => ({
    src: item.src,
    title: `${item.label}: ${item.title}`,
    ...(item.durationMs !== undefined ? { caption: `Step took ${formatDuration(item.durationMs)}` } : {}),
  }));

  return (
    <Stack gap="md">
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          No step screenshots were taken for this test.
        </Text>
      ) : (
        <ScrollArea type="auto" offsetScrollbars>
          <Group gap={0} wrap="nowrap" align="flex-start" component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
            {items.map((item, index) => (
              <Box component="li" key={item.key} w={200} style={{ flexShrink: 0 }} pr="sm">
                <Box
                  h={2}
                  mb={8}
                  bg={item.error ? 'red.6' : 'var(--mantine-primary-color-filled)'}
                  style={{ borderRadius: 1 }}
                  aria-hidden
                />
                <UnstyledButton onClick={() => setOpen(index)} aria-label={`Enlarge ${item.label}: ${item.title}`}>
                  <Stack gap={4}>
                    <Image
                      src={item.src}
                      alt={`${item.label}: ${item.title}`}
                      h={112}
                      w={188}
                      fit="cover"
                      radius="sm"
                      style={{ border: '1px solid var(--mantine-color-default-border)', objectPosition: 'top' }}
                    />
                    <Group gap={4} wrap="nowrap">
                      <Badge size="xs" variant="light" color={item.error ? 'red' : undefined}>
                        {item.label}
                      </Badge>
                      {item.durationMs !== undefined && (
                        <Text size="xs" c="dimmed">
                          {formatDuration(item.durationMs)}
                        </Text>
                      )}
                    </Group>
                    <Text size="xs" lineClamp={2} title={item.title}>
                      {item.title}
                    </Text>
                  </Stack>
                </UnstyledButton>
              </Box>
            ))}
          </Group>
        </ScrollArea>
      )}
      {result.stepCaptures.length === 0 && result.steps.length > 0 && (
        <Timeline bulletSize={14} lineWidth={2} active={result.steps.length - 1}>
          {result.steps.map((step, index) => (
            <Timeline.Item
              key={`${index}-${step.title}`}
              color={step.error ? 'red' : undefined}
              title={
                <Group gap="xs">
                  <Text size="sm">{step.title}</Text>
                  <Text size="xs" c="dimmed">
                    {formatDuration(step.durationMs)}
                  </Text>
                </Group>
              }
            >
              {step.error && (
                <Text size="xs" c="red" style={{ whiteSpace: 'pre-wrap' }} lineClamp={4}>
                  {step.error}
                </Text>
              )}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
      <ImageModal images={images} index={open} onIndex={setOpen} onClose={() => setOpen(null)} />
    </Stack>
  );
}
