import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createLlmClient, LlmError, type LlmClientOptions, type ProviderConfig } from '../src/index.js';
import { startFakeVendor, type FakeVendor, type Vendor } from './fakes/fake-vendor.js';

const schema = z.object({ verdict: z.string() });
const request = { system: 'You judge tests.', prompt: 'Is this test useful?', schema };
const VERDICT = JSON.stringify({ verdict: 'useful' });

const started: FakeVendor[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((fake) => fake.close()));
});

async function fakeFor(vendor: Vendor): Promise<FakeVendor> {
  const fake = await startFakeVendor(vendor);
  started.push(fake);
  return fake;
}

const PROVIDER_OF: Record<Vendor, ProviderConfig['provider']> = {
  openai: 'openai',
  anthropic: 'anthropic',
  google: 'google',
  ollama: 'local',
};

function clientFor(fake: FakeVendor, options: LlmClientOptions = {}) {
  const sleep = vi.fn((_ms: number) => Promise.resolve());
  const config = { provider: PROVIDER_OF[fake.vendor], apiKey: 'test-key', baseUrl: fake.baseUrl };
  return { llm: createLlmClient(config, { sleep, ...options }), sleep };
}

async function failureOf(promise: Promise<unknown>): Promise<LlmError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(LlmError);
  return error as LlmError;
}

describe('token budget', () => {
  it('refuses a call once the budget is spent, without contacting the vendor', async () => {
    const fake = await fakeFor('openai');
    fake.reply({ text: VERDICT, inputTokens: 10, outputTokens: 5 }, { text: VERDICT });
    const { llm } = clientFor(fake, { tokenBudget: 15 });

    await llm.generateJson(request);
    const error = await failureOf(llm.generateJson(request));

    expect(error.code).toBe('LLM_BUDGET_EXCEEDED');
    expect(fake.requests).toHaveLength(1);
  });

  it('asks the vendor for no more output tokens than the budget has left', async () => {
    const fake = await fakeFor('openai');
    fake.reply({ text: VERDICT, inputTokens: 10, outputTokens: 5 }, { text: VERDICT });
    const { llm } = clientFor(fake, { tokenBudget: 100 });

    await llm.generateJson(request);
    await llm.generateJson(request);

    const maxTokens = fake.requests.map((received) => (received.body as { max_tokens?: number }).max_tokens);
    expect(maxTokens).toEqual([100, 85]);
  });
});

describe('retries', () => {
  it('backs off exponentially up to the cap, then reports the vendor as unavailable', async () => {
    const fake = await fakeFor('openai');
    fake.reply(...Array.from({ length: 4 }, () => ({ status: 503, message: 'The server is overloaded right now' })));
    const { llm, sleep } = clientFor(fake, { baseDelayMs: 2_000, maxBackoffMs: 5_000 });

    const error = await failureOf(llm.generateJson(request));

    expect(error).toMatchObject({ code: 'LLM_UNAVAILABLE', status: 503 });
    expect(error.message).toContain('overloaded');
    expect(fake.requests).toHaveLength(4);
    expect(sleep.mock.calls.map(([ms]) => ms)).toEqual([2_000, 4_000, 5_000]);
  });

  it('reports an overloaded Anthropic (529) as rate limited once retries run out', async () => {
    const fake = await fakeFor('anthropic');
    fake.reply(...Array.from({ length: 3 }, () => ({ status: 529, message: 'Overloaded' })));
    const { llm } = clientFor(fake, { maxRetries: 2 });

    const error = await failureOf(llm.streamText({ ...request, onToken: () => undefined }));

    expect(error).toMatchObject({ code: 'LLM_RATE_LIMITED', status: 529, message: 'Overloaded' });
    expect(fake.requests).toHaveLength(3);
  });

  it('honours a retry-after header, capped at 60 s', async () => {
    const fake = await fakeFor('openai');
    fake.reply(
      { status: 429, headers: { 'retry-after': '7' } },
      { status: 429, headers: { 'retry-after': '600' } },
      { text: VERDICT },
    );
    const { llm, sleep } = clientFor(fake);

    await llm.generateJson(request);

    expect(sleep.mock.calls.map(([ms]) => ms)).toEqual([7_000, 60_000]);
  });

  it('honours a "retry in Ns" hint in the vendor message', async () => {
    const fake = await fakeFor('google');
    fake.reply({ status: 429, message: 'Quota exceeded for metric. Please retry in 1.5s.' }, { text: VERDICT });
    const { llm, sleep } = clientFor(fake);

    await expect(llm.generateJson(request)).resolves.toEqual({ verdict: 'useful' });
    expect(sleep).toHaveBeenCalledWith(1_500);
  });

  it.each([
    [400, 'LLM_REQUEST_REJECTED'],
    [403, 'LLM_AUTH_FAILED'],
    [501, 'LLM_UNAVAILABLE'],
  ])('does not retry HTTP %i', async (status, code) => {
    const fake = await fakeFor('anthropic');
    fake.reply({ status, message: 'no' }, { text: VERDICT });
    const { llm, sleep } = clientFor(fake);

    const error = await failureOf(llm.generateJson(request));

    expect(error).toMatchObject({ code, status });
    expect(fake.requests).toHaveLength(1);
    expect(sleep).not.toHaveBeenCalled();
  });

  it('retries an unreachable server and then reports it unavailable', async () => {
    const fake = await startFakeVendor('ollama');
    await fake.close();
    const { llm, sleep } = clientFor(fake, { maxRetries: 1 });

    const error = await failureOf(llm.generateJson(request));

    expect(error.code).toBe('LLM_UNAVAILABLE');
    expect(sleep).toHaveBeenCalledTimes(1);
  });
});

describe('stream failures', () => {
  const reply = 'Checks that the cart keeps its items.';

  it('retries a stream that fails before its first token', async () => {
    const fake = await fakeFor('anthropic');
    fake.reply({ text: reply, breakAfterFrames: 1 }, { text: reply });
    const { llm, sleep } = clientFor(fake);
    const tokens: string[] = [];

    const text = await llm.streamText({ ...request, onToken: (token) => tokens.push(token) });

    expect(text).toBe(reply);
    expect(tokens.join('')).toBe(reply);
    expect(fake.requests).toHaveLength(2);
    expect(sleep).toHaveBeenCalledTimes(1);
  });

  it('does not retry a stream that fails after tokens were delivered', async () => {
    const fake = await fakeFor('anthropic');
    // message_start, content_block_start and one text delta, then Anthropic's in-stream error event.
    fake.reply({ text: reply, breakAfterFrames: 3 }, { text: reply });
    const { llm } = clientFor(fake);
    const tokens: string[] = [];

    const error = await failureOf(llm.streamText({ ...request, onToken: (token) => tokens.push(token) }));

    expect(error).toMatchObject({ code: 'LLM_RATE_LIMITED', message: 'Overloaded' });
    expect(tokens).toEqual(['Checks ']);
    expect(fake.requests).toHaveLength(1);
  });
});

describe('timeouts and aborts', () => {
  it('gives up on a vendor that does not answer within the timeout', async () => {
    const fake = await fakeFor('google');
    fake.reply({ text: VERDICT, delayMs: 3_000 });
    const { llm, sleep } = clientFor(fake, { timeoutMs: 100 });

    const error = await failureOf(llm.generateJson(request));

    expect(error.code).toBe('LLM_TIMEOUT');
    expect(sleep).not.toHaveBeenCalled();
  });

  it('rejects promptly with an AbortError when the caller aborts mid-request', async () => {
    const fake = await fakeFor('ollama');
    fake.reply({ text: 'slow answer', delayMs: 3_000 });
    const { llm } = clientFor(fake);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const startedAt = Date.now();

    const error = await failureOf(llm.streamText({ ...request, signal: controller.signal, onToken: () => undefined }));

    expect(error).toMatchObject({ code: 'LLM_ABORTED', name: 'AbortError' });
    expect(Date.now() - startedAt).toBeLessThan(1_000);
  });

  it('stops waiting for a retry as soon as the caller aborts', async () => {
    const fake = await fakeFor('openai');
    fake.reply({ status: 429 }, { text: VERDICT });
    const controller = new AbortController();
    const sleep = vi.fn(() => {
      controller.abort();
      return new Promise<void>(() => undefined);
    });
    const config = { provider: 'openai' as const, apiKey: 'k', baseUrl: fake.baseUrl };
    const llm = createLlmClient(config, { sleep });

    const error = await failureOf(llm.generateJson({ ...request, signal: controller.signal }));

    expect(error.code).toBe('LLM_ABORTED');
    expect(fake.requests).toHaveLength(1);
  });
});

describe('replies', () => {
  it('accepts JSON wrapped in a Markdown fence, as local models often send it', async () => {
    const fake = await fakeFor('ollama');
    fake.reply({ text: 'Here you go:\n```json\n{"verdict": "useful"}\n```' });
    const { llm } = clientFor(fake);

    await expect(llm.generateJson(request)).resolves.toEqual({ verdict: 'useful' });
  });

  it('reports an unreadable vendor body as a malformed reply', async () => {
    const fake = await fakeFor('openai');
    fake.reply({ rawBody: '<html>gateway says hi</html>' });
    const { llm, sleep } = clientFor(fake);

    const error = await failureOf(llm.generateJson(request));

    expect(error.code).toBe('LLM_MALFORMED_REPLY');
    expect(sleep).not.toHaveBeenCalled();
  });

  it('sends an overridden model and an Ollama bearer token', async () => {
    const fake = await fakeFor('ollama');
    fake.reply({ text: VERDICT });
    const llm = createLlmClient({ provider: 'local', baseUrl: fake.baseUrl, model: 'llama3.1:8b', apiKey: 'proxy' });

    await llm.generateJson(request);

    expect(fake.facts(0)).toMatchObject({ model: 'llama3.1:8b', apiKey: 'proxy' });
    expect(llm.displayName).toBe('Ollama (llama3.1:8b)');
    expect(llm.usage().costUsd).toBe(0);
  });

  it('refuses to build a cloud client without an API key', () => {
    expect(() => createLlmClient({ provider: 'anthropic' })).toThrow(
      expect.objectContaining({ code: 'LLM_NOT_CONFIGURED' }) as Error,
    );
  });
});
