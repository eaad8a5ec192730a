import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  PasswordInput,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { ApiError, messageOf, post } from '../../api/client';
import type { ApiResult, Project } from '../../api/types';
import { useSession } from '../../auth/session';
import { fieldOf } from './project-api';

export interface ProjectFormValues {
  name: string;
  url: string;
  useCredentials: boolean;
  username: string;
  password: string;
  usernameSelector: string;
  passwordSelector: string;
  submitSelector: string;
  failOnVisualRegression: boolean;
}

type Field = keyof ProjectFormValues;
interface UrlCheck {
  url: string;
  pending: boolean;
  ok: boolean;
  message: string;
}
const SELECTORS = ['usernameSelector', 'passwordSelector', 'submitSelector'] as const;

export function initialValues(project?: Project): ProjectFormValues {
  return {
    name: project?.name ?? '',
    url: project?.url ?? '',
    useCredentials: Boolean(project?.credentials),
    username: '',
    password: '',
    usernameSelector: project?.credentials?.usernameSelector ?? '',
    passwordSelector: project?.credentials?.passwordSelector ?? '',
    submitSelector: project?.credentials?.submitSelector ?? '',
    failOnVisualRegression: project?.failOnVisualRegression ?? false,
  };
}

/**
 * The body of `POST /projects` or `PATCH /projects/:id`. On an edit, blank username and password
 * keep the stored secrets (the server merges credentials), and unticking sign-in removes them.
 */
export function projectBody(values: ProjectFormValues, existing?: Project): Record<string, unknown> {
  const body: Record<string, unknown> = {
    name: values.name,
    url: values.url,
    failOnVisualRegression: values.failOnVisualRegression,
  };
  if (values.useCredentials) {
    const credentials: Record<string, string> = {};
    for (const key of ['username', 'password', ...SELECTORS] as const) {
      const value = key === 'password' ? values[key] : values[key].trim();
      if (value) credentials[key] = value;
    }
    body.credentials = credentials;
  } else if (existing?.credentials) {
    body.credentials = null;
  }
  return body;
}

interface Props {
  project?: Project;
  submitLabel: string;
  onSubmit: (values: ProjectFormValues) => Promise<unknown>;
  onCancel?: () => void;
}

/** Name, URL and optional sign-in of an app under test; server validation errors sit next to their input. */
export function ProjectForm({ project, submitLabel, onSubmit, onCancel }: Props) {
  const [values, setValues] = useState(() => initialValues(project));
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<Field | 'form', string>>>({});
  const { can } = useSession();
  const [urlCheck, setUrlCheck] = useState<UrlCheck | undefined>(undefined);
  // A result describes the URL it was made for; once the field changes it no longer applies.
  const shownCheck = urlCheck?.url === values.url ? urlCheck : undefined;
  const set =
    <K extends Field>(key: K) =>
    (value: ProjectFormValues[K]) =>
      setValues((current) => ({ ...current, [key]: value }));
  const text = (key: Field) => ({
    value: values[key] as string,
    error: errors[key],
    onChange: (event: ChangeEvent<HTMLInputElement>) => set(key)(event.currentTarget.value),
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing = values.useCredentials ? SELECTORS.filter((key) => !values[key].trim()) : [];
    if (missing.length) {
      setErrors(Object.fromEntries(missing.map((key) => [key, 'Needed so Sentri can sign in'])));
      return;
    }
    setBusy(true);
    setErrors({});
    try {
      await onSubmit(values);
    } catch (error) {
      const field = fieldOf(error);
      const known = field && field in values ? (field as Field) : field === 'credentials' ? 'username' : 'form';
      setErrors({ [known]: messageOf(error) });
    } finally {
      setBusy(false);
    }
  };

  /** Asks the server to reach the URL (one HEAD request), as crawls and runs will. */
  const checkUrl = async () => {
    const url = values.url;
    setUrlCheck({ url, pending: true, ok: false, message: '' });
    let outcome: UrlCheck;
    try {
      const result = await post<ApiResult<'/test-connection', 'post'>>('/test-connection', { url: url.trim() });
      outcome = { url, pending: false, ok: true, message: `Reachable (HTTP ${result.status})` };
    } catch (error) {
      const unreachable = error instanceof ApiError && error.code === 'UPSTREAM_UNREACHABLE';
      outcome = {
        url,
        pending: false,
        ok: false,
        message: unreachable ? `Not reachable: ${error.message}` : messageOf(error),
      };
    }
    setUrlCheck((current) => (current?.url === url ? outcome : current));
  };

  const keepHint = project?.credentials ? 'Leave blank to keep the stored value' : undefined;
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput label="Name" required maxLength={200} autoComplete="off" data-autofocus {...text('name')} />
        <TextInput
          label="URL"
          description="Where the app under test starts, e.g. https://staging.example.com"
          required
          type="url"
          autoComplete="off"
          {...text('url')}
          inputContainer={(input) =>
            can('qa_lead') ? (
              <>
                <Group gap="xs" wrap="nowrap" align="flex-start">
                  <div style={{ flex: 1 }}>{input}</div>
                  <Button
                    variant="default"
                    onClick={() => void checkUrl()}
                    loading={shownCheck?.pending}
                    disabled={!values.url.trim()}
                  >
                    Check URL
                  </Button>
                </Group>
                {/* Always present, so screen readers announce the outcome when it arrives. */}
                <Text size="sm" c={shownCheck?.ok ? 'green.8' : 'red.8'} role="status" mt={shownCheck?.message ? 4 : 0}>
                  {shownCheck?.message}
                </Text>
              </>
            ) : (
              input
            )
          }
        />
        <Switch
          label="Fail tests on visual regression"
          description="Otherwise a screenshot difference is reported but the test still passes"
          checked={values.failOnVisualRegression}
          onChange={(event) => set('failOnVisualRegression')(event.currentTarget.checked)}
        />
        <Checkbox
          label="The app needs a sign-in"
          checked={values.useCredentials}
          onChange={(event) => set('useCredentials')(event.currentTarget.checked)}
        />
        {values.useCredentials && (
          <Fieldset legend="Sign-in credentials">
            <Stack gap="sm">
              <Text size="xs" c="dimmed">
                The username and password are stored encrypted and never shown again.
              </Text>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput label="Username" autoComplete="off" placeholder={keepHint} {...text('username')} />
                <PasswordInput
                  label="Password"
                  autoComplete="new-password"
                  placeholder={keepHint}
                  {...text('password')}
                />
              </SimpleGrid>
              <TextInput label="Username field selector" placeholder="#email" {...text('usernameSelector')} />
              <TextInput label="Password field selector" placeholder="#password" {...text('passwordSelector')} />
              <TextInput label="Submit button selector" placeholder="button[type=submit]" {...text('submitSelector')} />
            </Stack>
          </Fieldset>
        )}
        {errors.form && (
          <Alert color="red" role="alert">
            {errors.form}
          </Alert>
        )}
        <Group justify="flex-end">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
          )}
          <Button type="submit" loading={busy}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
