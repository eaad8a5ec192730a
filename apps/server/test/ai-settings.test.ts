import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test-support/databases.js';
import { bearer, signUp, type TestSession } from './support/sessions.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const KEY = 'sk-test-0123456789abcdefghij';

describe.each(DIALECTS)('AI provider keys per workspace on %s', (dialect) => {
  let t: TestApp;
  let admin: TestSession;
  let other: TestSession;
  beforeAll(async () => {
    t = await createTestApp({ dialect });
    admin = await signUp(t.app);
    other = await signUp(t.app);
  });
  afterAll(() => t.close());

  const call = (session: TestSession, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: bearer(session), ...(payload ? { payload } : {}) });

  it('starts with no provider', async () => {
    const config = (await call(admin, 'GET', '/config')).json();
    expect(config).toMatchObject({
      provider: null,
      hasProvider: false,
      providerName: 'No provider configured',
      demoMode: false,
    });
    expect(config.supportedProviders.map((p: { id: string }) => p.id)).toEqual([
      'anthropic',
      'openai',
      'google',
      'local',
    ]);
  });

  it('saves a key sealed at rest, shows it masked, and activates the provider for this workspace only', async () => {
    const saved = await call(admin, 'POST', '/settings', { provider: 'openai', apiKey: KEY });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ ok: true, provider: 'openai' });

    const view = (await call(admin, 'GET', '/settings')).json();
    expect(view).toMatchObject({ activeProvider: 'openai', openai: 'sk-tes••••••••ghij', anthropic: '' });
    expect(JSON.stringify(view)).not.toContain(KEY);
    expect((await call(admin, 'GET', '/config')).json()).toMatchObject({
      provider: 'openai',
      hasProvider: true,
      model: 'gpt-4o-mini',
    });

    const stored = await t.container.database.db.selectFrom('settings').select(['scope', 'key', 'value']).execute();
    expect(stored.length).toBeGreaterThan(0);
    expect(JSON.stringify(stored)).not.toContain(KEY);
    expect(stored.every((row) => row.scope === admin.workspaceId)).toBe(true);
    expect(await t.container.services.aiSettings.apiKey(admin.workspaceId, 'openai')).toBe(KEY);

    // Another workspace sees nothing of it.
    expect((await call(other, 'GET', '/config')).json().provider).toBeNull();
    expect((await call(other, 'GET', '/settings')).json().openai).toBe('');
  });

  it('validates the provider, the key and the Ollama address', async () => {
    expect((await call(admin, 'POST', '/settings', { provider: 'skynet', apiKey: KEY })).json().error).toBe(
      'provider must be one of: anthropic, openai, google, local',
    );
    expect((await call(admin, 'POST', '/settings', { provider: 'google', apiKey: 'short' })).statusCode).toBe(400);
    expect(
      (await call(admin, 'POST', '/settings', { provider: 'google', apiKey: '__use_existing__' })).statusCode,
    ).toBe(400);
    for (const baseUrl of ['not a url', 'ftp://ollama.test', 'http://169.254.169.254/']) {
      expect((await call(admin, 'POST', '/settings', { provider: 'local', baseUrl })).statusCode, baseUrl).toBe(400);
    }
    const local = await call(admin, 'POST', '/settings', {
      provider: 'local',
      baseUrl: 'http://127.0.0.1:11434/',
      model: 'llama3',
    });
    expect(local.json()).toMatchObject({ provider: 'local', providerName: 'Ollama (llama3)' });
    expect((await call(admin, 'GET', '/settings')).json()).toMatchObject({
      activeProvider: 'local',
      ollamaBaseUrl: 'http://127.0.0.1:11434',
      ollamaConfigured: true,
    });
    expect(
      (await call(admin, 'POST', '/settings', { provider: 'openai', apiKey: '__use_existing__' })).json().message,
    ).toBe('Switched to openai.');
  });

  it('treats a key sealed under another secret as unset instead of failing', async () => {
    const { SecretBox } = await import('../src/infra/secret-box.js');
    const foreign = new SecretBox('a-completely-different-secret').seal(KEY);
    await t.container.repositories.settings.put(other.workspaceId, 'ai.key.google', foreign, new Date().toISOString());
    const view = await call(other, 'GET', '/settings');
    expect(view.statusCode).toBe(200);
    expect(view.json().google).toBe('');
  });

  it('forgets a key and falls back to what is left', async () => {
    expect((await call(admin, 'DELETE', '/settings/openai')).json()).toEqual({ ok: true });
    expect((await call(admin, 'GET', '/settings')).json()).toMatchObject({ openai: '', activeProvider: 'local' });
    expect((await call(admin, 'DELETE', '/settings/local')).statusCode).toBe(200);
    expect((await call(admin, 'GET', '/config')).json().provider).toBeNull();
    expect((await call(admin, 'DELETE', '/settings/nope')).statusCode).toBe(400);
    const trail = (await call(admin, 'GET', '/activities?type=settings.update')).json();
    expect(trail.length).toBeGreaterThanOrEqual(4);
    expect(JSON.stringify(trail)).not.toContain(KEY);
  });
});
