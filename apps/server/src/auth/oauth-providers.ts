import { AppError } from '@sentri/core';
import type { Config } from '../config/index.js';

export type OAuthProviderName = 'github' | 'google';

/** Who the provider says signed in; the account service resolves it to a Sentri user. */
export interface OAuthProfile {
  provider: OAuthProviderName;
  /** The provider's stable user id (GitHub's numeric id, Google's `sub`), as a string. */
  providerId: string;
  /** Lower-cased, and verified by the provider. */
  email: string;
  name: string;
  avatar: string | null;
}

// The exchange needs neither the consent page's address nor (on GitHub) where it sends users back.
export type GitHubOAuthConfig = Omit<Config['oauth']['github'], 'redirectUri'>;
export type GoogleOAuthConfig = Omit<Config['oauth']['google'], 'authorizeUrl'>;
export type FetchLike = typeof fetch;

const REQUEST_TIMEOUT_MS = 10_000;
/** GitHub's API refuses requests without a User-Agent. */
const USER_AGENT = 'Sentri';

/** Trades a GitHub authorization code for the signed-in user's profile (API.md §2.9). */
export async function exchangeGitHubCode(
  config: GitHubOAuthConfig,
  code: string,
  fetchImpl: FetchLike = fetch,
): Promise<OAuthProfile> {
  if (!config.configured) {
    throw new AppError('AUTH_OAUTH_NOT_CONFIGURED', 'GitHub OAuth is not configured on this server.');
  }
  const provider = new ProviderClient('GitHub', fetchImpl);

  // GitHub answers 200 even for a bad code and reports it as `{ error, error_description }`.
  const token = await provider.json(`${config.oauthUrl}/login/oauth/access_token`, {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'User-Agent': USER_AGENT },
    body: JSON.stringify({ client_id: config.clientId, client_secret: config.clientSecret, code }),
  });
  const accessToken = requireString(token.access_token, 'GitHub did not return an access token.');

  const apiHeaders = {
    Accept: 'application/vnd.github+json',
    Authorization: `Bearer ${accessToken}`,
    'User-Agent': USER_AGENT,
  };
  const user = await provider.json(`${config.apiUrl}/user`, { headers: apiHeaders });
  const id = typeof user.id === 'number' || typeof user.id === 'string' ? String(user.id) : '';
  if (!id) throw oauthFailed('GitHub did not return a user id.');
  const login = typeof user.login === 'string' ? user.login : '';

  // The public profile e-mail can only be one of the user's verified addresses; without it, ask for the list.
  let email = nonEmptyString(user.email);
  if (!email) {
    const emails = await provider.jsonArray(`${config.apiUrl}/user/emails`, { headers: apiHeaders });
    email = pickGitHubEmail(emails);
  }
  if (!email) throw oauthFailed('Your GitHub account has no verified e-mail address.');

  return {
    provider: 'github',
    providerId: id,
    email: email.toLowerCase(),
    name: nonEmptyString(user.name) ?? (login || email),
    avatar: nonEmptyString(user.avatar_url) ?? null,
  };
}

/**
 * The primary address if verified, else the first verified one. Unverified addresses are never
 * taken: sign-in links accounts by e-mail, so an unverified address would let anyone who typed a
 * victim's address into their GitHub settings take over the victim's Sentri account.
 */
function pickGitHubEmail(emails: unknown[]): string | undefined {
  const verified = emails.filter(
    (entry): entry is { email: string; primary?: unknown; verified: true } =>
      isRecord(entry) && entry.verified === true && typeof entry.email === 'string' && entry.email !== '',
  );
  return (verified.find((entry) => entry.primary === true) ?? verified[0])?.email;
}

/** Trades a Google authorization code for the signed-in user's profile (API.md §2.9). */
export async function exchangeGoogleCode(
  config: GoogleOAuthConfig,
  code: string,
  fetchImpl: FetchLike = fetch,
): Promise<OAuthProfile> {
  if (!config.configured) {
    throw new AppError('AUTH_OAUTH_NOT_CONFIGURED', 'Google OAuth is not configured on this server.');
  }
  const provider = new ProviderClient('Google', fetchImpl);

  const token = await provider.json(config.tokenUrl, {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      client_id: config.clientId,
      client_secret: config.clientSecret,
      redirect_uri: config.redirectUri,
    }).toString(),
  });
  const accessToken = requireString(token.access_token, 'Google did not return an access token.');

  const info = await provider.json(config.userinfoUrl, {
    headers: { Accept: 'application/json', Authorization: `Bearer ${accessToken}` },
  });
  const sub = requireString(info.sub, 'Google did not return a user id.');
  const email = requireString(info.email, 'Google did not return an e-mail address.').toLowerCase();
  if (info.email_verified !== true) throw oauthFailed('Your Google e-mail address is not verified.');

  return {
    provider: 'google',
    providerId: sub,
    email,
    name: nonEmptyString(info.name) ?? email.split('@')[0] ?? email,
    avatar: nonEmptyString(info.picture) ?? null,
  };
}

/**
 * One provider's HTTP calls. Every failure becomes a 401 AppError with the provider's own
 * explanation when it gives one. Messages are built from the response only, never from the
 * request, so the client secret and the access token cannot leak into them.
 */
class ProviderClient {
  constructor(
    private readonly label: string,
    private readonly fetchImpl: FetchLike,
  ) {}

  async json(url: string, init: RequestInit): Promise<Record<string, unknown>> {
    const body = await this.request(url, init);
    if (!isRecord(body)) throw oauthFailed(`${this.label} answered with an unexpected response.`);
    return body;
  }

  async jsonArray(url: string, init: RequestInit): Promise<unknown[]> {
    const body = await this.request(url, init);
    if (!Array.isArray(body)) throw oauthFailed(`${this.label} answered with an unexpected response.`);
    return body;
  }

  private async request(url: string, init: RequestInit): Promise<unknown> {
    let response: Response;
    let text: string;
    try {
      response = await this.fetchImpl(url, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
      text = await response.text();
    } catch (error) {
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      throw oauthFailed(
        timedOut ? `${this.label} did not answer in time.` : `${this.label} could not be reached.`,
        error,
      );
    }
    const body = parseJson(text);
    const reason = providerReason(body);
    if (!response.ok) {
      throw oauthFailed(reason ?? `${this.label} sign-in failed (HTTP ${response.status}).`);
    }
    if (reason && isRecord(body) && body.error !== undefined) throw oauthFailed(reason);
    if (body === undefined) throw oauthFailed(`${this.label} answered with an unreadable response.`);
    return body;
  }
}

/** OAuth errors carry `error_description`/`error`; GitHub's REST API errors carry `message`. */
function providerReason(body: unknown): string | undefined {
  if (!isRecord(body)) return undefined;
  const error = isRecord(body.error) ? body.error : undefined; // Google API errors nest { error: { message } }
  return (
    nonEmptyString(body.error_description) ??
    nonEmptyString(error?.message) ??
    nonEmptyString(body.message) ??
    nonEmptyString(body.error)
  );
}

function oauthFailed(message: string, cause?: unknown): AppError {
  return new AppError('AUTH_OAUTH_FAILED', message, undefined, cause === undefined ? undefined : { cause });
}

function requireString(value: unknown, reason: string): string {
  const text = nonEmptyString(value);
  if (!text) throw oauthFailed(reason);
  return text;
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
