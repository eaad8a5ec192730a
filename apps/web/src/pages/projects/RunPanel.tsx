import {
  Alert,
  Anchor,
  Autocomplete,
  Button,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { get } from '../../api/client';
import type { ApiBody, ApiResult, Project } from '../../api/types';
import { LaunchError, useLaunch } from './launch';
import { useTestCounts } from './project-api';

type SystemInfo = ApiResult<'/system'>;
type RunBody = ApiBody<'/projects/{id}/run', 'post'>;

const BROWSERS = [
  { value: 'chromium', label: 'Chromium' },
  { value: 'firefox', label: 'Firefox' },
  { value: 'webkit', label: 'WebKit (Safari)' },
];
const NETWORKS = [
  { value: 'fast', label: 'Fast (no throttling)' },
  { value: 'slow3g', label: 'Slow 3G' },
  { value: 'offline', label: 'Offline' },
];
/** Common Playwright device names; any other name Playwright knows is accepted too. */
const DEVICES = [
  'Desktop Chrome',
  'Desktop Firefox',
  'Desktop Safari',
  'iPhone 14',
  'iPhone SE',
  'Pixel 7',
  'iPad Pro 11',
  'Galaxy S9+',
];
const LOCALES = ['en-US', 'en-GB', 'de-DE', 'fr-FR', 'es-ES', 'it-IT', 'pt-BR', 'nl-NL', 'ja-JP', 'zh-CN'];

function timeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['UTC', 'Europe/London', 'Europe/Paris', 'America/New_York', 'America/Los_Angeles', 'Asia/Tokyo'];
  }
}

/** Regression run of every approved test, in a chosen browser, device, locale and network. */
export function RunPanel({ project }: { project: Project }) {
  const system = useQuery({ queryKey: ['system'], queryFn: () => get<SystemInfo>('/system'), staleTime: 60_000 });
  const counts = useTestCounts(project.id);
  const zones = useMemo(timeZones, []);
  const [browser, setBrowser] = useState<string | null>(null);
  const [device, setDevice] = useState('');
  const [locale, setLocale] = useState('');
  const [timezoneId, setTimezoneId] = useState('');
  const [network, setNetwork] = useState('fast');
  const [workers, setWorkers] = useState<number>(1);
  const { launch, busy, error } = useLaunch(project.id);

  const defaultEngine = system.data?.browser.engine ?? 'chromium';
  const chosenBrowser = browser ?? defaultEngine;
  const approved = counts.data?.approved;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: RunBody = {
      browser: chosenBrowser,
      networkCondition: network,
      dialsConfig: { parallelWorkers: workers },
      ...(device.trim() ? { device: device.trim() } : {}),
      ...(locale.trim() ? { locale: locale.trim() } : {}),
      ...(timezoneId.trim() ? { timezoneId: timezoneId.trim() } : {}),
    };
    void launch('/run', body);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg" maw={760}>
        <Stack gap={4}>
          <Title order={2} size="h3">
            Run regression
          </Title>
          <Text size="sm" c="dimmed">
            {approved === undefined
              ? 'Runs every approved test of this project.'
              : `Runs the ${approved} approved test${approved === 1 ? '' : 's'} of this project.`}
          </Text>
        </Stack>
        {approved === 0 && (
          <Alert color="yellow" title="No approved tests yet">
            <Text size="sm">
              Only approved tests run.{' '}
              <Anchor component={Link} to={`/projects/${encodeURIComponent(project.id)}/review`} size="sm">
                Review the drafts
              </Anchor>{' '}
              first, or crawl the app to create some.
            </Text>
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Browser"
            description={system.data ? `Server default: ${defaultEngine}` : undefined}
            data={BROWSERS}
            value={chosenBrowser}
            onChange={setBrowser}
            allowDeselect={false}
          />
          <Autocomplete
            label="Device"
            description="Playwright device name; empty for desktop"
            placeholder="Desktop"
            data={DEVICES}
            value={device}
            onChange={setDevice}
          />
          <Autocomplete
            label="Locale"
            description="BCP 47, e.g. fr-FR"
            placeholder="Browser default"
            data={LOCALES}
            value={locale}
            onChange={setLocale}
          />
          <Autocomplete
            label="Time zone"
            description="IANA, e.g. Europe/Paris"
            placeholder="Server default"
            data={zones}
            limit={20}
            value={timezoneId}
            onChange={setTimezoneId}
          />
          <Select
            label="Network"
            data={NETWORKS}
            value={network}
            onChange={(next) => setNetwork(next ?? 'fast')}
            allowDeselect={false}
          />
          <NumberInput
            label="Parallel workers"
            description="1–10 browsers at once"
            min={1}
            max={10}
            allowDecimal={false}
            clampBehavior="strict"
            value={workers}
            onChange={(next) => setWorkers(typeof next === 'number' ? next : 1)}
          />
        </SimpleGrid>
        <LaunchError error={error} />
        <Group>
          <Button type="submit" loading={busy}>
            Start run
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
