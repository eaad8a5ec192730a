import { expect, test } from '@playwright/test';

test.describe('the running server over HTTP', () => {
  test('answers health and readiness', async ({ request }) => {
    const health = await request.get('/health');
    expect(health.status()).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true, version: expect.any(String) });
    const ready = await request.get('/health/ready');
    expect(ready.status()).toBe(200);
    expect((await ready.json()).checks.database.ok).toBe(true);
  });

  test('redirects legacy paths with the query string and keeps JSON errors', async ({ request }) => {
    const legacy = await request.get('/api/projects?x=1', { maxRedirects: 0 });
    expect(legacy.status()).toBe(308);
    expect(legacy.headers().location).toBe('/api/v1/projects?x=1');

    const malformed = await request.post('/api/v1/projects', {
      headers: { 'content-type': 'application/json' },
      data: Buffer.from('{oops'),
    });
    expect(malformed.status()).toBe(400);
    expect(await malformed.json()).toMatchObject({ code: 'REQUEST_MALFORMED_JSON' });

    const oversized = await request.post('/api/v1/projects', { data: { blob: 'x'.repeat(1_200_000) } });
    expect(oversized.status()).toBe(413);
    expect(await oversized.json()).toMatchObject({ code: 'REQUEST_BODY_TOO_LARGE' });

    const unknown = await request.get('/api/v1/does-not-exist');
    expect(unknown.status()).toBe(401);
    expect(await unknown.json()).toMatchObject({ code: 'AUTH_REQUIRED' });
  });

  test('a new account signs in and sees the browser it found and the SQLite dialect', async ({ request }) => {
    expect((await request.get('/api/v1/system')).status()).toBe(401);
    const credentials = { email: `e2e-${Date.now()}@example.test`, password: 'E2e-Passw0rd!' };
    expect((await request.post('/api/v1/auth/register', { data: { name: 'E2E', ...credentials } })).status()).toBe(201);
    const login = await request.post('/api/v1/auth/login', { data: credentials });
    expect(login.status(), await login.text()).toBe(200);
    expect(login.headers()['set-cookie']).toContain('HttpOnly');
    // The request context keeps the session cookie, like a browser.
    const system = await (await request.get('/api/v1/system')).json();
    expect(system.database.dialect).toBe('sqlite');
    expect(system.browser).toMatchObject({ engine: 'chromium', found: true });
  });
});

test.describe('in a browser', () => {
  test('the home page sends a signed-out visitor to sign in', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/login\?next=%2F$/);
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  });

  test('the API reference renders offline, generated from the route schemas', async ({ page }) => {
    await page.goto('/api/docs');
    await expect(page.getByText('Sentri API').first()).toBeVisible();
    await expect(page.getByText('/system').first()).toBeVisible();
  });
});
