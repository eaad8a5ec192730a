import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeVendor, type FakeVendor } from '../../../packages/llm/test/fakes/fake-vendor.js';
import { bearer, signUp, type TestSession } from './support/sessions.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { closedPort } from '../../../test-support/ports.js';

const KEY = 'sk-test-0123456789abcdefghij';

/**
 * `POST /settings/:provider/test` against fake vendors on 127.0.0.1 that speak the real wire
 * protocols, so the production AI SDK clients make the calls.
 */
describe('testing a saved AI provider', () => {
  let t: TestApp;
  let admin: TestSession;
  let openai: FakeVendor;
  let anthropic: FakeVendor;
  let ollama: FakeVendor;

  const call = (method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: bearer(admin), ...(payload ? { payload } : {}) });
  const save = async (body: object) => expect((await call('POST', '/settings', body)).statusCode).toBe(200);
  const test = (provider: string) => call('POST', `/settings/${provider}/test`);

  beforeAll(async () => {
    [openai, anthropic, ollama] = await Promise.all([
      startFakeVendor('openai'),
      startFakeVendor('anthropic'),
      startFakeVendor('ollama'),
    ]);
    t = await createTestApp({ env: { RATE_LIMIT_AI: '1000/1h' } });
    admin = await signUp(t.app);
  });
  afterAll(async () => {
    await t?.close();
    await Promise.all([openai, anthropic, ollama].map((vendor) => vendor?.close()));
  });

  it('refuses an unknown provider (400) and one without a saved key or address (409)', async () => {
    const unknown = await test('skynet');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({
      code: 'REQUEST_VALIDATION_FAILED',
      error: 'provider must be one of: anthropic, openai, google, local',
    });
    const none = await test('openai');
    expect(none.statusCode).toBe(409);
    expect(none.json()).toMatchObject({ code: 'AI_PROVIDER_KEY_MISSING', provider: 'openai' });
    expect(none.json().error).toMatch(/No saved key for "openai"/);
    expect((await test('local')).json()).toMatchObject({ code: 'AI_PROVIDER_KEY_MISSING', provider: 'local' });
    expect(openai.requests).toHaveLength(0);
  });

  it('answers ok with the model and latency when the vendor accepts the key', async () => {
    await save({ provider: 'openai', apiKey: KEY, baseUrl: openai.baseUrl });
    openai.reply({ text: 'OK', outputTokens: 1 });
    const response = await test('openai');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      ok: true,
      provider: 'openai',
      model: 'gpt-4o-mini',
      latencyMs: expect.any(Number),
    });
    expect(openai.requests).toHaveLength(1);
    expect(openai.facts(0)).toMatchObject({ apiKey: KEY, model: 'gpt-4o-mini', stream: false });
    // A tiny request: a handful of output tokens, not the generation budget.
    expect((openai.requests[0]!.body as { max_tokens?: number }).max_tokens).toBeLessThanOrEqual(16);
  });

  it('answers ok:false, category auth, when the vendor refuses the key — without echoing it', async () => {
    openai.reply({ status: 401, message: `Incorrect API key provided: ${KEY}. You can find your API key at …` });
    const response = await test('openai');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ ok: false, provider: 'openai', model: 'gpt-4o-mini', category: 'auth' });
    expect(response.json().error).toMatch(/Incorrect API key provided: \[redacted\]/);
    expect(response.body).not.toContain(KEY);
  });

  it('reports a rate limit once, without retrying', async () => {
    const before = openai.requests.length;
    openai.reply({ status: 429, message: 'Rate limit reached for requests', headers: { 'retry-after-ms': '10' } });
    expect((await test('openai')).json()).toMatchObject({ ok: false, category: 'rate_limit' });
    expect(openai.requests).toHaveLength(before + 1);
  });

  it('answers ok:false, category unreachable, when nothing listens at the saved address', async () => {
    await save({ provider: 'openai', apiKey: KEY, baseUrl: `http://127.0.0.1:${await closedPort()}/v1` });
    const response = await test('openai');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ ok: false, provider: 'openai', category: 'unreachable' });
    expect(response.json().error).toEqual(expect.any(String));
  });

  it('speaks each vendor’s own protocol: Anthropic messages and Ollama chat', async () => {
    await save({ provider: 'anthropic', apiKey: KEY, baseUrl: anthropic.baseUrl });
    anthropic.reply({ text: 'OK' });
    expect((await test('anthropic')).json()).toMatchObject({
      ok: true,
      provider: 'anthropic',
      model: 'claude-sonnet-4-20250514',
    });
    expect(anthropic.facts(0)).toMatchObject({ apiKey: KEY });

    await save({ provider: 'local', baseUrl: ollama.origin, model: 'llama3' });
    ollama.reply({ text: 'OK' });
    expect((await test('local')).json()).toMatchObject({ ok: true, provider: 'local', model: 'llama3' });
    expect(ollama.facts(0)).toMatchObject({ model: 'llama3' });
  });

  it('tests the provider asked for, not the active one, and changes no settings', async () => {
    const before = (await call('GET', '/settings')).json();
    expect(before.activeProvider).toBe('local');
    anthropic.reply({ status: 401, message: 'invalid x-api-key' });
    expect((await test('anthropic')).json()).toMatchObject({ ok: false, provider: 'anthropic', category: 'auth' });
    expect((await call('GET', '/settings')).json()).toEqual(before);
  });
});
