import { AppError } from '@sentri/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeOAuth, type FakeOAuth } from '../../../../test-support/fake-oauth.js';
import {
  exchangeGitHubCode,
  exchangeGoogleCode,
  type GitHubOAuthConfig,
  type GoogleOAuthConfig,
} from './oauth-providers.js';

const REDIRECT_URI = 'http://localhost:3001/login?provider=google';

let fake: FakeOAuth;
let github: GitHubOAuthConfig;
let google: GoogleOAuthConfig;

beforeAll(async () => {
  fake = await startFakeOAuth();
  const client = { configured: true, clientId: fake.clientId, clientSecret: fake.clientSecret };
  github = { ...client, oauthUrl: fake.url, apiUrl: fake.url };
  google = {
    ...client,
    redirectUri: REDIRECT_URI,
    tokenUrl: `${fake.url}/token`,
    userinfoUrl: `${fake.url}/userinfo`,
  };
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.requests.length = 0;
});

/** Runs a failing exchange and returns its AppError, checking that no credential leaked into it. */
async function failure(exchange: Promise<unknown>): Promise<AppError> {
  const error = await exchange.then(
    () => expect.unreachable('the exchange should have failed'),
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  const appError = error as AppError;
  const visible = `${appError.message} ${JSON.stringify(appError.toBody())} ${String(appError.cause)}`;
  expect(visible).not.toContain(fake.clientSecret);
  expect(visible).not.toMatch(/gho_|ya29\./);
  return appError;
}

describe('exchangeGitHubCode', () => {
  it('returns the profile with its public e-mail, lower-cased', async () => {
    fake.github.addCode('gh-public', {
      id: 101,
      login: 'octocat',
      name: 'The Octocat',
      email: 'Octocat@GitHub.example',
      avatar_url: 'https://avatars.example/u/101',
    });

    await expect(exchangeGitHubCode(github, 'gh-public')).resolves.toEqual({
      provider: 'github',
      providerId: '101',
      email: 'octocat@github.example',
      name: 'The Octocat',
      avatar: 'https://avatars.example/u/101',
    });
    expect(fake.requests).toEqual(['POST /login/oauth/access_token', 'GET /user']);
  });

  it('falls back to /user/emails for the primary verified address, and to the login for the name', async () => {
    fake.github.addCode('gh-private', {
      id: 102,
      login: 'hubot',
      emails: [
        { email: 'old@example.com', primary: false, verified: true },
        { email: 'Hubot@Example.com', primary: true, verified: true },
      ],
    });

    const profile = await exchangeGitHubCode(github, 'gh-private');

    expect(profile).toMatchObject({ providerId: '102', email: 'hubot@example.com', name: 'hubot' });
    expect(fake.requests).toEqual(['POST /login/oauth/access_token', 'GET /user', 'GET /user/emails']);
  });

  it('takes the first verified address when the primary one is unverified', async () => {
    fake.github.addCode('gh-unverified-primary', {
      id: 103,
      login: 'monalisa',
      emails: [
        { email: 'unverified@example.com', primary: true, verified: false },
        { email: 'verified@example.com', primary: false, verified: true },
      ],
    });

    await expect(exchangeGitHubCode(github, 'gh-unverified-primary')).resolves.toMatchObject({
      email: 'verified@example.com',
    });
  });

  it('refuses an account without any verified address', async () => {
    fake.github.addCode('gh-no-email', {
      id: 104,
      login: 'ghost',
      emails: [{ email: 'ghost@example.com', primary: true, verified: false }],
    });

    const error = await failure(exchangeGitHubCode(github, 'gh-no-email'));

    expect(error.status).toBe(401);
    expect(error.message).toBe('Your GitHub account has no verified e-mail address.');
  });

  it('answers a wrong code with 401 and GitHub’s own description', async () => {
    const error = await failure(exchangeGitHubCode(github, 'never-issued'));

    expect(error.code).toBe('AUTH_OAUTH_FAILED');
    expect(error.status).toBe(401);
    expect(error.message).toBe('The code passed is incorrect or expired.');
  });

  it('accepts each code once', async () => {
    fake.github.addCode('gh-once', { id: 105, login: 'once', email: 'once@example.com' });

    await exchangeGitHubCode(github, 'gh-once');
    const error = await failure(exchangeGitHubCode(github, 'gh-once'));

    expect(error.message).toBe('The code passed is incorrect or expired.');
  });

  it('reports wrong client credentials without repeating the secret', async () => {
    const wrongSecret = { ...github, clientSecret: 'not-the-secret-123' };
    fake.github.addCode('gh-bad-client', { id: 106, login: 'x', email: 'x@example.com' });

    const error = await failure(exchangeGitHubCode(wrongSecret, 'gh-bad-client'));

    expect(error.message).toBe('The client_id and/or client_secret passed are incorrect.');
    expect(JSON.stringify(error.toBody())).not.toContain('not-the-secret-123');
  });

  it('answers 503 when the app is not configured, without calling GitHub', async () => {
    const error = await failure(exchangeGitHubCode({ ...github, configured: false }, 'any'));

    expect(error.status).toBe(503);
    expect(error.code).toBe('AUTH_OAUTH_NOT_CONFIGURED');
    expect(error.message).toBe('GitHub OAuth is not configured on this server.');
    expect(fake.requests).toEqual([]);
  });

  it('turns an unreachable provider into a 401', async () => {
    const error = await failure(exchangeGitHubCode({ ...github, oauthUrl: 'http://127.0.0.1:1' }, 'any'));

    expect(error.status).toBe(401);
    expect(error.message).toBe('GitHub could not be reached.');
  });

  it('turns a timeout into a 401', async () => {
    const timingOut: typeof fetch = () => Promise.reject(new DOMException('The operation timed out.', 'TimeoutError'));

    const error = await failure(exchangeGitHubCode(github, 'any', timingOut));

    expect(error.message).toBe('GitHub did not answer in time.');
  });
});

describe('exchangeGoogleCode', () => {
  it('returns the profile of a verified account', async () => {
    fake.google.addCode(
      'g-ok',
      {
        sub: '110169484474386276334',
        email: 'Ada.Lovelace@Gmail.example',
        email_verified: true,
        name: 'Ada Lovelace',
        picture: 'https://lh3.example/a/ada',
      },
      { redirectUri: REDIRECT_URI },
    );

    await expect(exchangeGoogleCode(google, 'g-ok')).resolves.toEqual({
      provider: 'google',
      providerId: '110169484474386276334',
      email: 'ada.lovelace@gmail.example',
      name: 'Ada Lovelace',
      avatar: 'https://lh3.example/a/ada',
    });
    expect(fake.requests).toEqual(['POST /token', 'GET /userinfo']);
  });

  it('names a user without a display name after the local part of the e-mail', async () => {
    fake.google.addCode('g-noname', { sub: '2', email: 'grace@example.com', email_verified: true });

    await expect(exchangeGoogleCode(google, 'g-noname')).resolves.toMatchObject({ name: 'grace', avatar: null });
  });

  it('refuses an unverified e-mail with 401', async () => {
    fake.google.addCode('g-unverified', { sub: '3', email: 'new@example.com', email_verified: false });

    const error = await failure(exchangeGoogleCode(google, 'g-unverified'));

    expect(error.status).toBe(401);
    expect(error.message).toBe('Your Google e-mail address is not verified.');
  });

  it('answers a wrong code with 401 and Google’s description, and accepts each code once', async () => {
    fake.google.addCode('g-once', { sub: '4', email: 'once@example.com', email_verified: true });
    await exchangeGoogleCode(google, 'g-once');

    for (const code of ['g-once', 'never-issued']) {
      const error = await failure(exchangeGoogleCode(google, code));
      expect(error.status).toBe(401);
      expect(error.message).toBe('Bad Request');
    }
  });

  it('sends the configured redirect URI', async () => {
    fake.google.addCode(
      'g-redirect',
      { sub: '5', email: 'r@example.com', email_verified: true },
      { redirectUri: REDIRECT_URI },
    );

    const error = await failure(exchangeGoogleCode({ ...google, redirectUri: 'http://elsewhere/cb' }, 'g-redirect'));

    expect(error.message).toBe('Bad Request');
  });

  it('answers 503 when the app is not configured', async () => {
    const error = await failure(exchangeGoogleCode({ ...google, configured: false }, 'any'));

    expect(error.status).toBe(503);
    expect(error.message).toBe('Google OAuth is not configured on this server.');
    expect(fake.requests).toEqual([]);
  });

  it('keeps the client secret out of a rejected client error', async () => {
    fake.google.addCode('g-bad-client', { sub: '6', email: 'c@example.com', email_verified: true });

    const error = await failure(exchangeGoogleCode({ ...google, clientSecret: 'wrong-secret-456' }, 'g-bad-client'));

    expect(error.status).toBe(401);
    expect(error.message).toBe('Unauthorized');
    expect(JSON.stringify(error.toBody())).not.toContain('wrong-secret-456');
  });
});
