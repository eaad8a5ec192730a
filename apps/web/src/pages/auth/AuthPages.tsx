import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate, useSearchParams, type RouteObject } from 'react-router';
import { get, messageOf, post } from '../../api/client';
import { ME_KEY, useSession } from '../../auth/session';
import { AuthFrame } from './AuthFrame';
import { OAuthButtons, OAuthCallback, isOAuthReturn, safeNext } from './OAuthButtons';

/** Runs a form's request, keeping its error readable next to the form. */
function useSubmit<T>(action: () => Promise<T>, then: (result: T) => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      then(await action());
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, submit };
}

const FormError = ({ error }: { error: string | null }) =>
  error ? (
    <Alert color="red" role="alert">
      {error}
    </Alert>
  ) : null;

function LoginPage() {
  const { user } = useSession();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const next = safeNext(params.get('next'));
  const { busy, error, submit } = useSubmit(
    () => post('/auth/login', { email, password }),
    async () => {
      await client.invalidateQueries({ queryKey: ME_KEY });
      navigate(next, { replace: true });
    },
  );
  // The provider's redirect back lands here; it decides where to go once the session exists.
  if (isOAuthReturn(params)) return <OAuthCallback />;
  if (user) return <Navigate to={next} replace />;
  return (
    <AuthFrame
      title="Sign in"
      footer={
        <>
          No account yet?{' '}
          <Anchor component={Link} to="/register">
            Create one
          </Anchor>
        </>
      }
    >
      <OAuthButtons next={next} />
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label="Email"
            type="email"
            autoComplete="email"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
          />
          <PasswordInput
            label="Password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
          <FormError error={error} />
          <Button type="submit" loading={busy}>
            Sign in
          </Button>
          <Anchor component={Link} to="/forgot-password" size="sm">
            Forgot your password?
          </Anchor>
        </Stack>
      </form>
    </AuthFrame>
  );
}

function RegisterPage() {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [done, setDone] = useState<{ message: string; requiresVerification?: boolean } | null>(null);
  const { busy, error, submit } = useSubmit(
    () => post<{ message: string; requiresVerification?: true }>('/auth/register', { name, email, password }),
    setDone,
  );
  if (done)
    return (
      <AuthFrame title="Account created">
        <Text>
          {done.requiresVerification
            ? 'Check your inbox: follow the link we sent to verify your address.'
            : done.message}
        </Text>
        <Button component={Link} to="/login">
          Sign in
        </Button>
      </AuthFrame>
    );
  return (
    <AuthFrame
      title="Create your account"
      footer={
        <>
          Already registered?{' '}
          <Anchor component={Link} to="/login">
            Sign in
          </Anchor>
        </>
      }
    >
      <OAuthButtons next="/" />
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label="Name"
            autoComplete="name"
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          <TextInput
            label="Email"
            type="email"
            autoComplete="email"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
          />
          <PasswordInput
            label="Password"
            description="At least 8 characters, with letters, a number and a symbol."
            autoComplete="new-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
          <FormError error={error} />
          <Button type="submit" loading={busy}>
            Create account
          </Button>
        </Stack>
      </form>
    </AuthFrame>
  );
}

function VerifyPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const verify = useQuery({
    queryKey: ['verify', token],
    queryFn: () => get<{ message: string }>(`/auth/verify?token=${encodeURIComponent(token)}`),
    retry: false,
  });
  return (
    <AuthFrame title="Verify your email">
      {verify.isPending ? (
        <Text role="status">Checking your link…</Text>
      ) : verify.error ? (
        <FormError error={messageOf(verify.error)} />
      ) : (
        <Alert color="green">{verify.data?.message ?? 'Your email address is verified.'}</Alert>
      )}
      <Button component={Link} to="/login">
        Sign in
      </Button>
    </AuthFrame>
  );
}

function ForgotPage() {
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  const { busy, error, submit } = useSubmit(
    () => post<{ message: string }>('/auth/forgot-password', { email }),
    (result) => setSent(result.message),
  );
  return (
    <AuthFrame title="Reset your password">
      {sent ? (
        <Alert color="green">{sent}</Alert>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <TextInput
              label="Email"
              type="email"
              autoComplete="email"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
            />
            <FormError error={error} />
            <Button type="submit" loading={busy}>
              Send me a reset link
            </Button>
          </Stack>
        </form>
      )}
      <Anchor component={Link} to="/login" size="sm">
        Back to sign in
      </Anchor>
    </AuthFrame>
  );
}

function ResetPage() {
  const [params] = useSearchParams();
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const { busy, error, submit } = useSubmit(
    () => post('/auth/reset-password', { token: params.get('token') ?? '', newPassword: password }),
    () => setDone(true),
  );
  return (
    <AuthFrame title="Choose a new password">
      {done ? (
        <>
          <Alert color="green">Your password was changed.</Alert>
          <Button component={Link} to="/login">
            Sign in
          </Button>
        </>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <PasswordInput
              label="New password"
              autoComplete="new-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            <FormError error={error} />
            <Button type="submit" loading={busy}>
              Change password
            </Button>
          </Stack>
        </form>
      )}
    </AuthFrame>
  );
}

export const AuthPages: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  { path: '/register', element: <RegisterPage /> },
  { path: '/verify', element: <VerifyPage /> },
  { path: '/forgot-password', element: <ForgotPage /> },
  { path: '/reset-password', element: <ResetPage /> },
];
