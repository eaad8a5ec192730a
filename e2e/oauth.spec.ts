import { expect, test, type Page } from '@playwright/test';
import { startOAuthSentri, type FakeGitHubUser, type FakeGoogleUser, type OAuthSentri } from './support/fake-oauth.js';
import { checkPage, watchConsole } from './support/page-checks.js';

/**
 * "Continue with GitHub" the whole way: the dashboard sends the browser to GitHub's consent page
 * (a fake on loopback speaking GitHub's and Google's protocols), GitHub sends it back with a code
 * and the state, and the server trades the code for a session. The shared e2e server has no
 * OAuth, so this spec starts a second, configured one.
 */
const OCTO: FakeGitHubUser = {
  id: 583231,
  login: 'octo-e2e',
  name: 'Octo Tester',
  // No public e-mail: the server has to ask /user/emails, and take the verified primary address.
  emails: [
    { email: 'octo-old@example.test', primary: false, verified: false },
    { email: 'octo@example.test', primary: true, verified: true },
  ],
};

const ADA: FakeGoogleUser = { sub: '104729', email: 'ada@example.test', email_verified: true, name: 'Ada Google' };

const githubButton = (page: Page) => page.getByRole('button', { name: 'Continue with GitHub' });

test.describe('with GitHub and Google OAuth configured', () => {
  let sentri: OAuthSentri;

  test.beforeAll(async () => {
    test.setTimeout(90_000);
    sentri = await startOAuthSentri();
  });
  test.afterAll(async () => {
    await sentri?.stop();
  });
  test.beforeEach(() => {
    sentri.fake.requests.length = 0;
    sentri.fake.authorizations.length = 0;
  });

  test('signs in through GitHub and lands on the page that was asked for', async ({ page }) => {
    const console = watchConsole(page);
    sentri.fake.github.consent(OCTO);

    await page.goto(`${sentri.url}/projects`);
    await expect(page).toHaveURL(`${sentri.url}/login?next=%2Fprojects`);
    await expect(githubButton(page)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Continue with Google' })).toBeVisible();
    await checkPage(page, 'sign-in-oauth');

    await githubButton(page).click();

    await expect(page).toHaveURL(`${sentri.url}/projects`);
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
    await expect(page.getByText(/^Octo Tester · /)).toBeVisible();
    const [authorize] = sentri.fake.authorizations;
    expect(authorize).toMatchObject({
      client_id: sentri.fake.clientId,
      redirect_uri: `${sentri.url}/login?provider=github`,
      scope: 'read:user user:email',
    });
    expect(authorize?.state).toMatch(/^[0-9a-f]{64}$/);
    expect(sentri.fake.requests).toEqual([
      'GET /login/oauth/authorize',
      'POST /login/oauth/access_token',
      'GET /user',
      'GET /user/emails',
    ]);
    const me = await page.request.get(`${sentri.url}/api/v1/auth/me`);
    expect(await me.json()).toMatchObject({ name: 'Octo Tester', email: 'octo@example.test', hasPassword: false });
    console.expectClean();
  });

  test('refuses a return whose state this tab did not send, without spending the code', async ({ page }) => {
    sentri.fake.github.consent(OCTO);
    // Someone else's half-finished sign-in: the code is real, the state is not the one sent.
    await page.route(
      (url) => url.pathname === '/login/oauth/authorize',
      (route) => {
        const forged = new URL(route.request().url());
        forged.searchParams.set('state', 'forged-state');
        return route.continue({ url: forged.toString() });
      },
    );
    await page.goto(`${sentri.url}/login`);
    await githubButton(page).click();

    await expect(page.getByRole('alert')).toHaveText(/The sign-in link is stale or was not started here\. Try again\./);
    await checkPage(page, 'sign-in-oauth-stale');
    expect(sentri.fake.requests).toEqual(['GET /login/oauth/authorize']);
    expect((await page.request.get(`${sentri.url}/api/v1/auth/me`)).status()).toBe(401);

    // A link opened without starting a sign-in here is refused the same way.
    await page.goto(`${sentri.url}/login?provider=github&code=abc&state=whatever`);
    await expect(page.getByRole('alert')).toContainText('The sign-in link is stale or was not started here.');
    await page.getByRole('link', { name: 'Back to sign in' }).click();
    await expect(githubButton(page)).toBeVisible();
  });

  test('signs in with Google from the register page', async ({ page }) => {
    sentri.fake.google.consent(ADA);
    await page.goto(`${sentri.url}/register`);
    await page.getByRole('button', { name: 'Continue with Google' }).click();

    await expect(page).toHaveURL(`${sentri.url}/`);
    await expect(page.getByText(/^Ada Google · /)).toBeVisible();
    expect(sentri.fake.authorizations[0]).toMatchObject({
      redirect_uri: `${sentri.url}/login?provider=google`,
      response_type: 'code',
      scope: 'openid email profile',
    });
    expect(sentri.fake.requests).toEqual(['GET /o/oauth2/v2/auth', 'POST /token', 'GET /userinfo']);
  });

  test('explains a sign-in cancelled on GitHub', async ({ page }) => {
    sentri.fake.github.consent('deny');
    await page.goto(`${sentri.url}/login`);
    await githubButton(page).click();

    await expect(page.getByRole('heading', { name: 'Signing in with GitHub' })).toBeVisible();
    await expect(page.getByRole('alert')).toContainText('Signing in with GitHub was cancelled');
    expect(sentri.fake.requests).toEqual(['GET /login/oauth/authorize']);
  });
});

test('shows no OAuth buttons when the server has none configured', async ({ page }) => {
  const providers = page.waitForResponse((response) => response.url().endsWith('/api/v1/auth/providers'));
  await page.goto('/login');
  expect(await (await providers).json()).toEqual({ github: null, google: null });
  await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Continue with/ })).toHaveCount(0);
  await expect(page.getByText('or use your e-mail address')).toHaveCount(0);
});
