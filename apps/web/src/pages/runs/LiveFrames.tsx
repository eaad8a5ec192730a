import { Badge, Box, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { FrameStore } from './frame-store';
import type { RunningTest } from './use-live-run';

/** One running test's browser, painted from the newest screencast frame. */
function FrameTile({ test, name, frames }: { test: RunningTest; name: string; frames: FrameStore }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [painted, setPainted] = useState(false);

  useEffect(() => {
    let pending = 0;
    let cancelled = false;
    const image = new Image();
    const paint = () => {
      pending = 0;
      const data = frames.latest(test.testId);
      if (!data) return;
      image.onload = () => {
        const target = canvas.current;
        if (cancelled || !target) return;
        if (target.width !== image.naturalWidth) target.width = image.naturalWidth;
        if (target.height !== image.naturalHeight) target.height = image.naturalHeight;
        target.getContext('2d')?.drawImage(image, 0, 0);
        setPainted(true);
      };
      image.src = `data:image/jpeg;base64,${data}`;
    };
    const schedule = () => {
      if (!pending) pending = requestAnimationFrame(paint);
    };
    schedule();
    const unsubscribe = frames.subscribe(test.testId, schedule);
    return () => {
      cancelled = true;
      cancelAnimationFrame(pending);
      unsubscribe();
    };
  }, [frames, test.testId]);

  return (
    <Card withBorder padding="xs" radius="md">
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Text size="sm" fw={600} truncate title={name}>
            {test.testId} · {name}
          </Text>
          <Group gap={4} wrap="nowrap">
            {test.retry > 0 && (
              <Badge size="xs" color="yellow" variant="light">
                Retry {test.retry}
              </Badge>
            )}
            {test.heals > 0 && (
              <Badge size="xs" color="grape" variant="light">
                Healed {test.heals}
              </Badge>
            )}
          </Group>
        </Group>
        <Box
          pos="relative"
          bg={painted ? undefined : 'dark.7'}
          style={{ aspectRatio: painted ? undefined : '16 / 10', borderRadius: 4, overflow: 'hidden' }}
        >
          <canvas
            ref={canvas}
            role="img"
            aria-label={`Live browser view of ${name}`}
            style={{ display: 'block', width: '100%', height: 'auto' }}
          />
          {!painted && (
            <Text size="xs" c="gray.4" pos="absolute" top="45%" w="100%" ta="center">
              Waiting for the browser…
            </Text>
          )}
        </Box>
        <Text size="xs" c="dimmed" truncate title={test.step ?? undefined}>
          {test.step ? `Last step: ${test.step}` : 'Starting…'}
        </Text>
      </Stack>
    </Card>
  );
}

/** A tile per running test; tiles leave as their tests finish. */
export function LiveFrames({
  running,
  frames,
  names,
  browser,
}: {
  running: RunningTest[];
  frames: FrameStore;
  names: Map<string, string>;
  browser: string | null;
}) {
  return (
    <Stack gap="xs" component="section" aria-labelledby="live-view-title">
      <Title order={2} size="h4" id="live-view-title">
        Live browser view
      </Title>
      {running.length === 0 ? (
        <Text size="sm" c="dimmed">
          {browser && browser !== 'chromium'
            ? `The live view needs Chromium; this run uses ${browser}.`
            : 'Waiting for a test to start…'}
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
          {running.map((test) => (
            <FrameTile key={test.testId} test={test} name={names.get(test.testId) ?? test.testId} frames={frames} />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
