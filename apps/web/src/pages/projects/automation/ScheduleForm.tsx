import { Alert, Button, Group, Paper, Select, SimpleGrid, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { del, patch } from '../../../api/client';
import type { ApiResult, Schedule } from '../../../api/types';
import { notifyError, notifySuccess } from '../../../app/notify';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import {
  browserTimeZone,
  cronShapeProblem,
  CUSTOM_PRESET,
  presetOf,
  SCHEDULE_PRESETS,
  timeZoneOptions,
} from './schedule-presets';
import { automationKeys, problemOf, projectPath } from './shared';

type Saved = ApiResult<'/projects/{id}/schedule', 'patch'>;
type Current = ApiResult<'/projects/{id}/schedule'>;

const PRESET_OPTIONS = [
  ...SCHEDULE_PRESETS.map((preset) => ({ value: preset.value, label: `${preset.label} (${preset.value})` })),
  { value: CUSTOM_PRESET, label: 'Custom cron expression' },
];

interface Errors {
  cron?: string;
  timezone?: string;
  form?: string;
}

/** Create or replace a project's schedule (QA leads and admins). Mount with a `key` to reset it. */
export function ScheduleForm({ projectId, schedule }: { projectId: string; schedule: Schedule | null }) {
  const client = useQueryClient();
  const [cronExpr, setCronExpr] = useState(schedule?.cronExpr ?? '0 2 * * 1-5');
  const [timezone, setTimezone] = useState(schedule?.timezone ?? browserTimeZone());
  const [enabled, setEnabled] = useState(schedule?.enabled ?? true);
  const [errors, setErrors] = useState<Errors>({});
  const [confirmDelete, setConfirmDelete] = useState(false);
  const zones = useMemo(() => timeZoneOptions(schedule ? [schedule.timezone] : []), [schedule]);

  const save = useMutation({
    mutationFn: () =>
      patch<Saved>(`${projectPath(projectId)}/schedule`, { cronExpr: cronExpr.trim(), timezone, enabled }),
    onSuccess: (result) => {
      client.setQueryData<Current>(automationKeys.schedule(projectId), { schedule: result.schedule });
      notifySuccess(schedule ? 'Schedule updated.' : 'Schedule created.');
    },
    onError: (error) => {
      const problem = problemOf(error);
      if (problem.code?.startsWith('SCHEDULE_CRON') || problem.field === 'cronExpr')
        setErrors({ cron: problem.message });
      else if (problem.code === 'SCHEDULE_TIMEZONE_INVALID' || problem.field === 'timezone')
        setErrors({ timezone: problem.message });
      else setErrors({ form: problem.message });
    },
  });

  const remove = useMutation({
    mutationFn: () => del(`${projectPath(projectId)}/schedule`),
    onSuccess: () => {
      setConfirmDelete(false);
      client.setQueryData<Current>(automationKeys.schedule(projectId), { schedule: null });
      notifySuccess('Schedule deleted. No more scheduled runs for this project.');
    },
    onError: (error) => {
      setConfirmDelete(false);
      notifyError(error);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const cron = cronShapeProblem(cronExpr);
    if (cron || !timezone) {
      setErrors({ cron, timezone: timezone ? undefined : 'Choose a time zone.' });
      return;
    }
    setErrors({});
    save.mutate();
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="schedule-form-title">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={3} size="h4" id="schedule-form-title">
            {schedule ? 'Change the schedule' : 'Set up a schedule'}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Repeat"
              data={PRESET_OPTIONS}
              value={presetOf(cronExpr)}
              allowDeselect={false}
              onChange={(value) => {
                if (value && value !== CUSTOM_PRESET) setCronExpr(value);
                setErrors((current) => ({ ...current, cron: undefined }));
              }}
            />
            <TextInput
              label="Cron expression"
              description="5 fields: minute hour day-of-month month day-of-week"
              placeholder="0 2 * * 1-5"
              required
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
              value={cronExpr}
              error={errors.cron}
              onChange={(event) => {
                setCronExpr(event.currentTarget.value);
                setErrors((current) => ({ ...current, cron: undefined }));
              }}
            />
            <Select
              label="Time zone"
              description="The cron expression is read in this zone (daylight saving included)."
              data={zones}
              value={timezone}
              searchable
              allowDeselect={false}
              nothingFoundMessage="No time zone matches"
              required
              error={errors.timezone}
              onChange={(value) => {
                setTimezone(value ?? '');
                setErrors((current) => ({ ...current, timezone: undefined }));
              }}
            />
            <Switch
              label="Enabled"
              description="When off, the schedule is kept but starts no runs."
              checked={enabled}
              onChange={(event) => setEnabled(event.currentTarget.checked)}
              mt={{ sm: 'xl' }}
            />
          </SimpleGrid>
          {errors.form && (
            <Alert color="red" role="alert">
              {errors.form}
            </Alert>
          )}
          <Group justify="space-between">
            <Button type="submit" loading={save.isPending}>
              {schedule ? 'Save schedule' : 'Create schedule'}
            </Button>
            {schedule && (
              <Button variant="outline" color="red" onClick={() => setConfirmDelete(true)}>
                Delete schedule
              </Button>
            )}
          </Group>
        </Stack>
      </form>
      <ConfirmDialog
        opened={confirmDelete}
        title="Delete the schedule?"
        confirmLabel="Delete schedule"
        onConfirm={() => remove.mutateAsync()}
        onClose={() => setConfirmDelete(false)}
      >
        <Text size="sm">
          Scheduled runs of this project stop at once. Runs already started, and the schedule&apos;s history, are kept.
          To pause it instead, switch <strong>Enabled</strong> off.
        </Text>
      </ConfirmDialog>
    </Paper>
  );
}
