import { Progress, Stack, Stepper, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { currentStepOf, type Run } from './run-model';

/** The pipeline steps (ENGINE.md §0) by number, as the `stage` events name them. */
const STAGES: { step: number; label: string; description: string }[] = [
  { step: 1, label: 'Explore', description: 'Crawl the app' },
  { step: 2, label: 'Filter', description: 'Keep actionable elements' },
  { step: 3, label: 'Classify', description: 'Recognise page intents' },
  { step: 4, label: 'Write', description: 'Draft the tests' },
  { step: 5, label: 'Deduplicate', description: 'Drop repeats' },
  { step: 6, label: 'Enhance', description: 'Strengthen assertions' },
  { step: 7, label: 'Validate', description: 'Reject broken tests' },
  { step: 8, label: 'Save', description: 'Store the drafts' },
];

/**
 * Where the crawl or generation pipeline is. A generate run starts at step 4 (there is nothing to
 * crawl); a finished run shows every step done, a failed one marks the step it stopped at.
 */
export function PipelineStages({ run }: { run: Run }) {
  const compact = useMediaQuery('(max-width: 62em)');
  const stages = run.type === 'generate' ? STAGES.filter((stage) => stage.step >= 4) : STAGES;
  const current = currentStepOf(run);
  const position = Math.max(
    0,
    stages.findIndex((stage) => stage.step === current),
  );
  const finished = run.status === 'completed' || run.status === 'completed_empty';
  const broken = !finished && run.status !== 'running';
  const active = finished ? stages.length : position;
  const stage = stages[Math.min(active, stages.length - 1)];

  if (compact)
    return (
      <Stack gap={6} component="section" aria-label="Pipeline progress">
        <Text size="sm" fw={600}>
          {finished
            ? 'All steps done'
            : `Step ${active + 1} of ${stages.length}: ${stage?.label ?? ''}${broken ? ` (${run.status})` : ''}`}
        </Text>
        <Progress
          value={(Math.min(active + (finished ? 0 : 1), stages.length) / stages.length) * 100}
          color={broken ? 'red' : undefined}
          aria-label="Pipeline progress"
          striped={run.status === 'running'}
          animated={run.status === 'running'}
        />
      </Stack>
    );

  return (
    <Stepper active={active} size="xs" allowNextStepsSelect={false} aria-label="Pipeline progress">
      {stages.map((item, index) => (
        <Stepper.Step
          key={item.step}
          label={item.label}
          title={item.description}
          loading={run.status === 'running' && index === active}
          color={broken && index === active ? 'red' : undefined}
        />
      ))}
    </Stepper>
  );
}
