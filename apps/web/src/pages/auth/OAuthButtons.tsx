import { Alert, Button, Divider, Stack } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { get, messageOf } from '../../api/client';
import type { ApiResult, User } from '../../api/types';
import { ME_KEY } from '../../auth/session';
import { Loading } from '../../components/PageState';
import { AuthFrame } from './AuthFrame';

/**
 * Sign-in with GitHub or Google (API.md §2.9). The server only trades a code for a session; this
 * side sends the browser to the provider with a random `state`, and on the way back checks that
 * the `state` is the one this tab sent, so nobody can sign a visitor into an account of theirs
 * with a link of their own (login CSRF). What to show comes from the server at runtime.
 */
type Providers = ApiResult<'/auth/providers'>;
type ProviderName = keyof Providers;
type ProviderConfig = NonNullable<Providers[ProviderName]>;

const PROVIDERS: readonly ProviderName[] = ['github', 'google'];
const LABEL: Record<ProviderName, string> = { github: 'GitHub', google: 'Google' };
// Enough to read the profile and a verified e-mail address, nothing more.
const SCOPE: Record<ProviderName, string> = { github: 'read:user user:email', google: 'openid email profile' };
/** sessionStorage, so a `state` lives only in the tab that started the sign-in. */
const PENDING_KEY = 'sentri.oauth.pending';
const STALE = 'The sign-in link is stale or was not started here. Try again.';

interface Pending {
  provider: ProviderName;
  state: string;
  next: string;
}

const isProvider = (value: string | null): value is ProviderName => PROVIDERS.includes(value as ProviderName);

/** A path inside the dashboard; `//host` and `/\host` would leave it. */
export function safeNext(value: string | null | undefined): string {
  return value && value.startsWith('/') && !/^\/[/\\]/.test(value) ? value : '/';
}

/** Whether /login was loaded as a provider's redirect back, rather than to show the form. */
export function isOAuthReturn(params: URLSearchParams): boolean {
  return params.has('provider') && (params.has('code') || params.has('error'));
}

function randomState(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function authorizeUrl(provider: ProviderName, config: ProviderConfig, state: string): string {
  const url = new URL(config.authorizeUrl);
  url.searchParams.set('client_id', config.clientId);
  url.searchParams.set('redirect_uri', config.redirectUri);
  url.searchParams.set('scope', SCOPE[provider]);
  url.searchParams.set('state', state);
  if (provider === 'google') url.searchParams.set('response_type', 'code');
  return url.toString();
}

/** Reads and forgets the pending sign-in: a `state` is good for one return only. */
function takePending(): Pending | null {
  try {
    const raw = sessionStorage.getItem(PENDING_KEY);
    sessionStorage.removeItem(PENDING_KEY);
    const pending = raw ? (JSON.parse(raw) as Partial<Pending>) : null;
    if (!pending || !isProvider(pending.provider ?? null) || typeof pending.state !== 'string') return null;
    return { provider: pending.provider as ProviderName, state: pending.state, next: safeNext(pending.next) };
  } catch {
    return null;
  }
}

function providerError(provider: ProviderName, error: string, description: string | null): string {
  const label = LABEL[provider];
  if (error === 'access_denied') return `Signing in with ${label} was cancelled, so you were not signed in.`;
  const reason = (description || error.replaceAll('_', ' ')).replace(/\.$/, '');
  return `${label} could not sign you in: ${reason}.`;
}

/** Checks the provider's answer against the pending sign-in, then trades the code for a session. */
async function finishSignIn(params: URLSearchParams): Promise<{ user: User; next: string }> {
  const provider = params.get('provider');
  const pending = takePending();
  if (!isProvider(provider)) throw new Error(STALE);
  const error = params.get('error');
  if (error) throw new Error(providerError(provider, error, params.get('error_description')));
  const code = params.get('code');
  if (!code || !pending || pending.provider !== provider || pending.state !== params.get('state')) {
    throw new Error(STALE);
  }
  const { user } = await get<{ user: User }>(`/auth/${provider}/callback?code=${encodeURIComponent(code)}`);
  return { user, next: pending.next };
}

/** What /login shows while coming back from a provider: progress, then the page wanted, or why not. */
export function OAuthCallback() {
  const [params] = useSearchParams();
  const client = useQueryClient();
  const navigate = useNavigate();
  const provider = params.get('provider');
  const label = isProvider(provider) ? LABEL[provider] : 'your provider';
  // A query, not an effect: it runs once per return even when React mounts the page twice.
  const result = useQuery({
    queryKey: ['oauth-return', params.toString()],
    queryFn: () => finishSignIn(params),
    retry: false,
    staleTime: Infinity,
  });

  useEffect(() => {
    if (!result.data) return;
    // The session is known before leaving, so the page wanted does not bounce back to sign-in.
    client.setQueryData(ME_KEY, result.data.user);
    navigate(result.data.next, { replace: true });
    void client.invalidateQueries({ queryKey: ME_KEY });
  }, [result.data, client, navigate]);

  return (
    <AuthFrame title={`Signing in with ${label}`}>
      {result.error ? (
        <>
          <Alert color="red" role="alert" title="You are not signed in">
            {messageOf(result.error)}
          </Alert>
          <Button component={Link} to="/login" replace>
            Back to sign in
          </Button>
        </>
      ) : (
        <Loading label={`Signing you in with ${label}…`} />
      )}
    </AuthFrame>
  );
}

/** One button per provider the server has configured; nothing at all when there is none. */
export function OAuthButtons({ next }: { next: string }) {
  const providers = useQuery({
    queryKey: ['auth', 'providers'],
    queryFn: () => get<Providers>('/auth/providers'),
    staleTime: Infinity,
  });
  const [starting, setStarting] = useState<ProviderName | null>(null);
  const [error, setError] = useState<string | null>(null);
  const available = PROVIDERS.flatMap((name) => {
    const config = providers.data?.[name];
    return config ? [{ name, config }] : [];
  });
  if (available.length === 0) return null;

  const start = (name: ProviderName, config: ProviderConfig) => {
    const state = randomState();
    try {
      sessionStorage.setItem(PENDING_KEY, JSON.stringify({ provider: name, state, next: safeNext(next) }));
    } catch {
      setError(
        `Your browser does not let this page keep data for the tab, which signing in with ${LABEL[name]} needs.`,
      );
      return;
    }
    setStarting(name);
    window.location.assign(authorizeUrl(name, config, state));
  };

  return (
    <Stack gap="sm">
      {available.map(({ name, config }) => (
        <Button
          key={name}
          variant="default"
          loading={starting === name}
          disabled={starting !== null && starting !== name}
          onClick={() => start(name, config)}
        >
          Continue with {LABEL[name]}
        </Button>
      ))}
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      <Divider label="or use your e-mail address" labelPosition="center" />
    </Stack>
  );
}
