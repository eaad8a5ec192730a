import { Checkbox, Chip, Fieldset, Group, Select, SimpleGrid, Stack, Textarea } from '@mantine/core';
import {
  APPROACHES,
  FORMATS,
  LANGUAGES,
  MAX_CUSTOM_INSTRUCTIONS,
  OPTIONS,
  PERSPECTIVES,
  PRESETS,
  QUALITIES,
  TEST_COUNTS,
  matchingPreset,
  type DialOption,
  type Dials,
} from './dials';

interface Props {
  value: Dials;
  onChange: (dials: Dials) => void;
}

/** The prompt-shaping dials and their presets, shared by the crawl and generate forms. */
export function TestDials({ value, onChange }: Props) {
  const set = <K extends keyof Dials>(key: K, next: Dials[K]) => onChange({ ...value, [key]: next });
  const preset = matchingPreset(value);
  const enabledOptions = OPTIONS.filter((option) => value.options[option.value]).map((option) => option.value);

  return (
    <Stack gap="md">
      <Fieldset
        legend="Preset"
        variant="unstyled"
        styles={{ legend: { fontSize: 'var(--mantine-font-size-sm)', fontWeight: 500, marginBottom: 4, padding: 0 } }}
      >
        <Chip.Group
          value={preset ?? ''}
          onChange={(next) => {
            const found = PRESETS.find((entry) => entry.value === next);
            if (found) onChange({ ...value, ...found.dials });
          }}
        >
          <Group gap="xs">
            {PRESETS.map((entry) => (
              <Chip key={entry.value} value={entry.value} size="sm">
                {entry.label}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      </Fieldset>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label="Approach"
          data={APPROACHES}
          value={value.approach}
          onChange={(next) => next && set('approach', next)}
          allowDeselect={false}
        />
        <Select
          label="Number of tests"
          data={TEST_COUNTS}
          value={value.testCount}
          onChange={(next) => next && set('testCount', next)}
          allowDeselect={false}
        />
        <Select
          label="Step format"
          data={FORMATS}
          value={value.format}
          onChange={(next) => next && set('format', next)}
          allowDeselect={false}
        />
        <Select
          label="Output language"
          data={LANGUAGES}
          value={value.language}
          onChange={(next) => next && set('language', next)}
          allowDeselect={false}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Checkbox.Group label="Perspectives" value={value.perspectives} onChange={(next) => set('perspectives', next)}>
          <Stack gap={6} mt={6}>
            {PERSPECTIVES.map((option) => (
              <Checkbox key={option.value} value={option.value} label={option.label} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Checkbox.Group label="Quality checks" value={value.quality} onChange={(next) => set('quality', next)}>
          <Stack gap={6} mt={6}>
            {QUALITIES.map((option) => (
              <Checkbox key={option.value} value={option.value} label={option.label} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Checkbox.Group
          label="Options"
          value={enabledOptions}
          onChange={(next) =>
            set(
              'options',
              Object.fromEntries(OPTIONS.map((option) => [option.value, next.includes(option.value)])) as Record<
                DialOption,
                boolean
              >,
            )
          }
        >
          <Stack gap={6} mt={6}>
            {OPTIONS.map((option) => (
              <Checkbox key={option.value} value={option.value} label={option.label} />
            ))}
          </Stack>
        </Checkbox.Group>
      </SimpleGrid>
      <Textarea
        label="Additional instructions"
        description={`${value.customInstructions.length}/${MAX_CUSTOM_INSTRUCTIONS} characters`}
        placeholder="e.g. Use the demo account's seeded orders; skip the admin area."
        autosize
        minRows={2}
        maxRows={6}
        maxLength={MAX_CUSTOM_INSTRUCTIONS}
        value={value.customInstructions}
        onChange={(event) => set('customInstructions', event.currentTarget.value)}
      />
    </Stack>
  );
}
