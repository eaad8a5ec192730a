import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/test-app.js';

const GITHUB_SECRET = 'github-secret-0123456789abcdef';
const GOOGLE_SECRET = 'google-secret-0123456789abcdef';

/** GET /auth/providers: what the dashboard's sign-in buttons are built from, read at runtime. */
describe('GET /api/v1/auth/providers', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  const providers = async (env: Record<string, string>) => {
    t = await createTestApp({ env });
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/auth/providers' });
    expect(response.statusCode, response.body).toBe(200);
    return response;
  };

  it('answers null for both providers when none is configured', async () => {
    const response = await providers({});

    expect(response.json()).toEqual({ github: null, google: null });
  });

  it('offers only a provider with both its id and its secret', async () => {
    const response = await providers({ GITHUB_CLIENT_ID: 'gh-id', GOOGLE_CLIENT_SECRET: GOOGLE_SECRET });

    expect(response.json()).toEqual({ github: null, google: null });
  });

  it('describes each configured provider without its secret, for anonymous callers', async () => {
    const response = await providers({
      APP_URL: 'https://sentri.example.com/',
      GITHUB_CLIENT_ID: 'gh-id',
      GITHUB_CLIENT_SECRET: GITHUB_SECRET,
      GITHUB_OAUTH_URL: 'https://github.example.com/',
      GOOGLE_CLIENT_ID: 'google-id.apps.googleusercontent.com',
      GOOGLE_CLIENT_SECRET: GOOGLE_SECRET,
    });

    expect(response.json()).toEqual({
      github: {
        authorizeUrl: 'https://github.example.com/login/oauth/authorize',
        clientId: 'gh-id',
        redirectUri: 'https://sentri.example.com/login?provider=github',
      },
      google: {
        authorizeUrl: 'https://accounts.google.com/o/oauth2/v2/auth',
        clientId: 'google-id.apps.googleusercontent.com',
        redirectUri: 'https://sentri.example.com/login?provider=google',
      },
    });
    expect(response.body).not.toContain(GITHUB_SECRET);
    expect(response.body).not.toContain(GOOGLE_SECRET);
  });

  it('follows GOOGLE_REDIRECT_URI, GOOGLE_AUTHORIZE_URL and the dashboard base path', async () => {
    const response = await providers({
      APP_URL: 'http://127.0.0.1:4000',
      APP_BASE_PATH: '/qa/',
      GITHUB_CLIENT_ID: 'gh-id',
      GITHUB_CLIENT_SECRET: GITHUB_SECRET,
      GOOGLE_CLIENT_ID: 'google-id',
      GOOGLE_CLIENT_SECRET: GOOGLE_SECRET,
      GOOGLE_AUTHORIZE_URL: 'http://127.0.0.1:4001/o/oauth2/v2/auth',
      GOOGLE_REDIRECT_URI: 'https://login.example.com/login?provider=google',
    });

    expect(response.json()).toMatchObject({
      github: {
        authorizeUrl: 'https://github.com/login/oauth/authorize',
        redirectUri: 'http://127.0.0.1:4000/qa/login?provider=github',
      },
      google: {
        authorizeUrl: 'http://127.0.0.1:4001/o/oauth2/v2/auth',
        redirectUri: 'https://login.example.com/login?provider=google',
      },
    });
  });
});
