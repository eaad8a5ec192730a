import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import {
  createLlmClient,
  DEFAULT_MODELS,
  DEFAULT_PRICING,
  LlmError,
  type LlmClientOptions,
  type ProviderId,
} from '../src/index.js';
import { startFakeVendor, type FakeVendor, type Vendor } from './fakes/fake-vendor.js';

const VENDORS: { vendor: Vendor; provider: ProviderId }[] = [
  { vendor: 'openai', provider: 'openai' },
  { vendor: 'anthropic', provider: 'anthropic' },
  { vendor: 'google', provider: 'google' },
  { vendor: 'ollama', provider: 'local' },
];

const testPlanSchema = z.object({ title: z.string(), steps: z.array(z.string()).min(1) });
const TEST_PLAN = { title: 'Login works', steps: ['Open /login', 'Submit valid credentials'] };
const SYSTEM = 'You write end-to-end tests.';
const PROMPT = 'Describe a test for the login page.';

async function failureOf(promise: Promise<unknown>): Promise<LlmError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(LlmError);
  return error as LlmError;
}

describe.each(VENDORS)('$provider adapter against a fake $vendor server', ({ vendor, provider }) => {
  let fake: FakeVendor;
  const sleep = vi.fn((_ms: number) => Promise.resolve());

  beforeEach(async () => {
    fake = await startFakeVendor(vendor);
    sleep.mockClear();
  });
  afterEach(() => fake.close());

  const client = (options: LlmClientOptions = {}) =>
    createLlmClient({ provider, apiKey: 'test-key', baseUrl: fake.baseUrl }, { sleep, baseDelayMs: 50, ...options });

  it('returns the structured reply validated by the schema and counts its usage', async () => {
    fake.reply({ text: JSON.stringify(TEST_PLAN), inputTokens: 120, outputTokens: 30 });
    const llm = client();

    const plan = await llm.generateJson({ system: SYSTEM, prompt: PROMPT, schema: testPlanSchema });

    expect(plan).toEqual(TEST_PLAN);
    expect(fake.facts(0)).toEqual({
      model: DEFAULT_MODELS[provider],
      system: SYSTEM,
      prompt: PROMPT,
      stream: false,
      apiKey: 'test-key',
    });
    const price = provider === 'local' ? undefined : DEFAULT_PRICING[DEFAULT_MODELS[provider]];
    const expectedCost = price ? (120 * price.inputPerMillion + 30 * price.outputPerMillion) / 1e6 : 0;
    const usage = llm.usage();
    expect(usage).toMatchObject({ inputTokens: 120, outputTokens: 30, totalTokens: 150, calls: 1 });
    expect(usage.costUsd).toBeCloseTo(expectedCost, 10);
  });

  it('streams the reply token by token, in order', async () => {
    const reply = 'The login form accepts valid credentials and shows the dashboard.';
    fake.reply({ text: reply, inputTokens: 40, outputTokens: 12 });
    const llm = client();
    const tokens: string[] = [];

    const text = await llm.streamText({ system: SYSTEM, prompt: PROMPT, onToken: (token) => tokens.push(token) });

    expect(tokens.length).toBeGreaterThan(1);
    expect(tokens.join('')).toBe(reply);
    expect(text).toBe(reply);
    expect(fake.facts(0)).toMatchObject({ stream: true, system: SYSTEM, model: DEFAULT_MODELS[provider] });
    expect(llm.usage()).toMatchObject({ inputTokens: 40, outputTokens: 12, totalTokens: 52, calls: 1 });
  });

  it('waits with backoff and retries after a 429', async () => {
    fake.reply({ status: 429, message: 'Rate limit reached for requests' }, { text: JSON.stringify(TEST_PLAN) });
    const llm = client();

    const plan = await llm.generateJson({ system: SYSTEM, prompt: PROMPT, schema: testPlanSchema });

    expect(plan).toEqual(TEST_PLAN);
    expect(fake.requests).toHaveLength(2);
    expect(sleep).toHaveBeenCalledTimes(1);
    expect(sleep).toHaveBeenCalledWith(50);
    expect(llm.usage().calls).toBe(1);
  });

  it('rejects a reply that is not JSON as malformed, without retrying', async () => {
    fake.reply({ text: 'Sure! The login page has a form with two fields.' });

    const error = await failureOf(client().generateJson({ system: SYSTEM, prompt: PROMPT, schema: testPlanSchema }));

    expect(error.code).toBe('LLM_MALFORMED_REPLY');
    expect(error.provider).toBe(provider);
    expect(fake.requests).toHaveLength(1);
  });

  it('rejects JSON that lacks required fields as malformed', async () => {
    fake.reply({ text: JSON.stringify({ title: 'Login works' }) });

    const error = await failureOf(client().generateJson({ system: SYSTEM, prompt: PROMPT, schema: testPlanSchema }));

    expect(error.code).toBe('LLM_MALFORMED_REPLY');
    expect(error.message).toContain('steps');
  });

  it('reports a 401 as an authentication failure and does not retry', async () => {
    fake.reply({ status: 401, message: 'invalid api key' }, { text: JSON.stringify(TEST_PLAN) });

    const error = await failureOf(client().generateJson({ system: SYSTEM, prompt: PROMPT, schema: testPlanSchema }));

    expect(error).toMatchObject({ code: 'LLM_AUTH_FAILED', status: 401, provider });
    expect(fake.requests).toHaveLength(1);
    expect(sleep).not.toHaveBeenCalled();
  });
});
