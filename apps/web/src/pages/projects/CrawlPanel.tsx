import { Button, Group, NumberInput, Paper, Radio, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { Project } from '../../api/types';
import { EXPLORE_LIMITS, loadDials, saveDials, toDialsConfig, type Dials, type ExploreLimit } from './dials';
import { LaunchError, useLaunch } from './launch';
import { TestDials } from './TestDials';

const MODES = [
  {
    value: 'crawl',
    label: 'Link crawl',
    description: 'Follows links page by page. Fast; good for content sites and first passes.',
  },
  {
    value: 'state',
    label: 'State exploration',
    description: 'Also fills forms, searches, adds and removes items and presses buttons, to find real user flows.',
  },
] as const;

/** Crawl the project URL with chosen mode and Test Dials; opens the live crawl view with the site graph. */
export function CrawlPanel({ project }: { project: Project }) {
  const [dials, setDials] = useState<Dials>(loadDials);
  const { launch, busy, error } = useLaunch(project.id);
  const set = <K extends keyof Dials>(key: K, next: Dials[K]) => setDials((current) => ({ ...current, [key]: next }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    saveDials(dials);
    void launch('/crawl', { dialsConfig: toDialsConfig(dials, true) });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg" maw={960}>
        <Stack gap={4}>
          <Title order={2} size="h3">
            Crawl {project.url}
          </Title>
          <Text size="sm" c="dimmed">
            Sentri explores the app in Chromium
            {project.credentials ? ', signing in with the stored credentials,' : ''} and writes draft tests for you to
            review.
          </Text>
        </Stack>

        <Radio.Group
          label="Exploration mode"
          value={dials.exploreMode}
          onChange={(next) => set('exploreMode', next === 'state' ? 'state' : 'crawl')}
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
            {MODES.map((mode) => (
              <Paper key={mode.value} withBorder p="sm">
                <Radio value={mode.value} label={mode.label} description={mode.description} />
              </Paper>
            ))}
          </SimpleGrid>
        </Radio.Group>

        {dials.exploreMode === 'state' && (
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
            {(Object.keys(EXPLORE_LIMITS) as ExploreLimit[]).map((key) => {
              const limit = EXPLORE_LIMITS[key];
              return (
                <NumberInput
                  key={key}
                  label={limit.label}
                  description={`${limit.min}–${limit.max}`}
                  min={limit.min}
                  max={limit.max}
                  step={key === 'exploreActionTimeout' ? 500 : 1}
                  allowDecimal={false}
                  clampBehavior="blur"
                  value={dials[key]}
                  onChange={(next) => set(key, typeof next === 'number' ? next : limit.default)}
                />
              );
            })}
          </SimpleGrid>
        )}

        <Stack gap="xs">
          <Title order={3} size="h4">
            Test Dials
          </Title>
          <Text size="sm" c="dimmed">
            Shape the tests written from what the crawl finds. Your last settings are remembered in this browser.
          </Text>
          <TestDials value={dials} onChange={setDials} />
        </Stack>

        <LaunchError error={error} />
        <Group>
          <Button type="submit" loading={busy}>
            Start crawl
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
