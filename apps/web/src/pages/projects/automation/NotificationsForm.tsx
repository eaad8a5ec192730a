import { Alert, Badge, Button, Group, Paper, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { del, patch } from '../../../api/client';
import type { ApiResult, Notifications } from '../../../api/types';
import { notifyError, notifySuccess } from '../../../app/notify';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { CHANNEL_FIELDS, type ChannelField } from './notification-channels';
import { automationKeys, problemOf, projectPath } from './shared';

type Saved = ApiResult<'/projects/{id}/notifications', 'patch'>;
type Current = ApiResult<'/projects/{id}/notifications'>;
type Values = Record<ChannelField, string>;
type Errors = Partial<Record<ChannelField | 'form', string>>;

const CHANNEL_NAMES = new Set<string>(CHANNEL_FIELDS.map((channel) => channel.field));
const isChannel = (field: string | undefined): field is ChannelField => !!field && CHANNEL_NAMES.has(field);

/** Where failure notifications go (QA leads and admins). Saving replaces every channel at once. */
export function NotificationsForm({ projectId, settings }: { projectId: string; settings: Notifications | null }) {
  const client = useQueryClient();
  const [values, setValues] = useState<Values>(() => ({
    teamsWebhookUrl: settings?.teamsWebhookUrl ?? '',
    slackWebhookUrl: settings?.slackWebhookUrl ?? '',
    webhookUrl: settings?.webhookUrl ?? '',
    emailRecipients: settings?.emailRecipients ?? '',
  }));
  const [enabled, setEnabled] = useState(settings?.enabled ?? true);
  const [errors, setErrors] = useState<Errors>({});
  const [confirmDelete, setConfirmDelete] = useState(false);

  const save = useMutation({
    mutationFn: () => {
      // A full replace: an empty field is sent as null, which switches that channel off.
      const body = Object.fromEntries(
        CHANNEL_FIELDS.map(({ field }) => [field, values[field].trim() === '' ? null : values[field].trim()]),
      );
      return patch<Saved>(`${projectPath(projectId)}/notifications`, { ...body, enabled });
    },
    onSuccess: (result) => {
      client.setQueryData<Current>(automationKeys.notifications(projectId), { notifications: result.notifications });
      notifySuccess('Notification settings saved.');
    },
    onError: (error) => {
      const problem = problemOf(error);
      if (isChannel(problem.field)) setErrors({ [problem.field]: problem.message });
      else if (problem.code === 'NOTIFICATIONS_EMAIL_INVALID') setErrors({ emailRecipients: problem.message });
      else setErrors({ form: problem.message });
    },
  });

  const remove = useMutation({
    mutationFn: () => del(`${projectPath(projectId)}/notifications`),
    onSuccess: () => {
      setConfirmDelete(false);
      client.setQueryData<Current>(automationKeys.notifications(projectId), { notifications: null });
      notifySuccess('Notification settings deleted.');
    },
    onError: (error) => {
      setConfirmDelete(false);
      notifyError(error);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (CHANNEL_FIELDS.every(({ field }) => values[field].trim() === '')) {
      setErrors({
        form: settings
          ? 'Fill in at least one channel. To stop all notifications, switch them off or delete the settings.'
          : 'Fill in at least one channel.',
      });
      return;
    }
    setErrors({});
    save.mutate();
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="notifications-form-title">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Stack gap={4}>
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Title order={3} size="h4" id="notifications-form-title">
                Failure notifications
              </Title>
              <Badge color={!settings ? 'gray' : settings.enabled ? 'green' : 'yellow'} variant="light">
                {!settings ? 'Not set up' : settings.enabled ? 'On' : 'Off'}
              </Badge>
            </Group>
            <Text size="sm" c="dimmed">
              Sent when a run of this project (manual, scheduled or from CI) ends with failures. Saving replaces all
              channels: a field you leave empty or clear switches that channel off.
            </Text>
          </Stack>
          {CHANNEL_FIELDS.map(({ field, label, placeholder, description }) => (
            <TextInput
              key={field}
              label={label}
              description={description}
              placeholder={placeholder}
              type={field === 'emailRecipients' ? 'text' : 'url'}
              inputMode={field === 'emailRecipients' ? 'email' : 'url'}
              autoComplete="off"
              spellCheck={false}
              value={values[field]}
              error={errors[field]}
              onChange={(event) => {
                const value = event.currentTarget.value;
                setValues((current) => ({ ...current, [field]: value }));
                setErrors((current) => ({ ...current, [field]: undefined, form: undefined }));
              }}
            />
          ))}
          <Switch
            label="Send notifications"
            description="When off, the channels are kept but nothing is sent."
            checked={enabled}
            onChange={(event) => setEnabled(event.currentTarget.checked)}
          />
          {errors.form && (
            <Alert color="red" role="alert">
              {errors.form}
            </Alert>
          )}
          <Group justify="space-between">
            <Button type="submit" loading={save.isPending}>
              Save notifications
            </Button>
            {settings && (
              <Button variant="outline" color="red" onClick={() => setConfirmDelete(true)}>
                Delete settings
              </Button>
            )}
          </Group>
        </Stack>
      </form>
      <ConfirmDialog
        opened={confirmDelete}
        title="Delete the notification settings?"
        confirmLabel="Delete settings"
        onConfirm={() => remove.mutateAsync()}
        onClose={() => setConfirmDelete(false)}
      >
        No one is told about failing runs of this project any more. The list of past deliveries is kept.
      </ConfirmDialog>
    </Paper>
  );
}
