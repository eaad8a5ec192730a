import { afterEach, describe, expect, it } from 'vitest';
import { signUp } from './support/sessions.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('security headers and CORS', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('sends a strict CSP and the hardening headers on pages and API responses', async () => {
    t = await createTestApp();
    for (const url of ['/', '/api/v1/openapi.json', '/health']) {
      const response = await t.app.inject({ method: 'GET', url });
      const csp = String(response.headers['content-security-policy']);
      expect(csp, url).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(response.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('answers no CORS headers without CORS_ORIGIN', async () => {
    t = await createTestApp();
    const response = await t.app.inject({ method: 'GET', url: '/health', headers: { origin: 'https://evil.test' } });
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('allows only the configured origins, with credentials, and then uses cross-site cookies', async () => {
    t = await createTestApp({ env: { CORS_ORIGIN: 'https://dashboard.test' } });
    const preflight = await t.app.inject({
      method: 'OPTIONS',
      url: '/api/v1/auth/login',
      headers: {
        origin: 'https://dashboard.test',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,x-csrf-token',
      },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('https://dashboard.test');
    expect(preflight.headers['access-control-allow-credentials']).toBe('true');
    expect(preflight.headers['access-control-expose-headers']).toContain('X-CSRF-Token');
    const allowed = await t.app.inject({
      method: 'GET',
      url: '/api/v1/openapi.json',
      headers: { origin: 'https://dashboard.test' },
    });
    expect(allowed.headers['x-csrf-token']).toBe(allowed.cookies.find((entry) => entry.name === '_csrf')?.value);
    const foreign = await t.app.inject({ method: 'GET', url: '/health', headers: { origin: 'https://evil.test' } });
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();

    const session = await signUp(t.app);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: session.email, password: 'Correct-Horse-9' },
    });
    const cookie = login.cookies.find((entry) => entry.name === 'access_token');
    expect(cookie).toMatchObject({ sameSite: 'None', secure: true, httpOnly: true });
  });
});
