import { Paper, ScrollArea, Spoiler, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { GeneratedTests } from './GeneratedTests';
import { PipelineStages } from './PipelineStages';
import { RunLog } from './RunLog';
import type { Run } from './run-model';
import type { LiveRun } from './use-live-run';

function inputOf(run: Run): { name: string; description: string } {
  const input = (run.generateInput ?? {}) as { name?: unknown; description?: unknown };
  return {
    name: typeof input.name === 'string' ? input.name : '',
    description: typeof input.description === 'string' ? input.description : '',
  };
}

/** The model's output as it streams, following the newest text unless the reader scrolled up. */
function TokenStream({ text, running }: { text: string; running: boolean }) {
  const viewport = useRef<HTMLDivElement>(null);
  const following = useRef(true);
  useEffect(() => {
    const element = viewport.current;
    if (element && following.current) element.scrollTop = element.scrollHeight;
  }, [text]);

  return (
    <Stack gap="xs" component="section" aria-labelledby="model-output-title">
      <Title order={2} size="h4" id="model-output-title">
        Model output
      </Title>
      <Paper withBorder radius="md" bg="var(--mantine-color-default-hover)">
        <ScrollArea
          h={360}
          viewportRef={viewport}
          type="auto"
          onScrollPositionChange={({ y }) => {
            const element = viewport.current;
            if (element) following.current = element.scrollHeight - element.clientHeight - y < 24;
          }}
        >
          <Text
            component="pre"
            ff="monospace"
            fz="xs"
            p="sm"
            m={0}
            style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}
            tabIndex={0}
            aria-label="Model output"
            aria-busy={running}
          >
            {text ||
              (running
                ? 'Waiting for the model…'
                : 'The model output is shown only live, while the run is in progress. The drafts it produced are kept.')}
          </Text>
        </ScrollArea>
      </Paper>
    </Stack>
  );
}

/** A generate run: what was asked, the streamed model output, then the drafts it produced. */
export function GenerateRunView({ run, live }: { run: Run; live: LiveRun }) {
  const running = run.status === 'running';
  const input = inputOf(run);
  return (
    <Stack gap="xl">
      <PipelineStages run={run} />
      <GeneratedTests run={run} done={live.done} />
      {input.name && (
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            Request: {input.name}
          </Text>
          {input.description && (
            <Spoiler maxHeight={72} showLabel="Show the whole description" hideLabel="Show less">
              <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                {input.description}
              </Text>
            </Spoiler>
          )}
        </Stack>
      )}
      <TokenStream text={live.tokens} running={running} />
      <RunLog logs={live.logs} live={running} height={220} />
    </Stack>
  );
}
