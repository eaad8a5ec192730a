import { afterEach, describe, expect, it } from 'vitest';
import { ollamaStatus } from '../src/index.js';
import { startFakeVendor, type FakeVendor } from './fakes/fake-vendor.js';

let fake: FakeVendor | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('ollamaStatus', () => {
  it('is ok when Ollama answers and the model is pulled', async () => {
    fake = await startFakeVendor('ollama');
    fake.setInstalledModels(['llama3:latest', 'mistral:7b']);

    const status = await ollamaStatus(`${fake.origin}/`, 'mistral:7b');

    expect(status).toEqual({
      ok: true,
      model: 'mistral:7b',
      baseUrl: fake.origin,
      availableModels: ['llama3:latest', 'mistral:7b'],
    });
  });

  it('matches an untagged model name against its :latest tag', async () => {
    fake = await startFakeVendor('ollama');
    fake.setInstalledModels(['llama3:latest']);

    expect((await ollamaStatus(fake.origin, 'llama3')).ok).toBe(true);
  });

  it('reports a model that is not pulled, with the models that are', async () => {
    fake = await startFakeVendor('ollama');
    fake.setInstalledModels(['llama3:latest']);

    const status = await ollamaStatus(fake.origin, 'mistral:7b');

    expect(status).toEqual({
      ok: false,
      error: 'Model "mistral:7b" is not pulled. Run: ollama pull mistral:7b',
      availableModels: ['llama3:latest'],
    });
  });

  it('reports an unreachable server', async () => {
    const closed = await startFakeVendor('ollama');
    await closed.close();

    const status = await ollamaStatus(closed.origin, 'mistral:7b');

    expect(status.ok).toBe(false);
    expect(!status.ok && status.error).toMatch(/^Cannot reach Ollama at http:\/\/127\.0\.0\.1:\d+/);
  });

  it('gives up after the timeout', async () => {
    const hangingFetch = (_url: string | URL | Request, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason as Error));
      });

    const status = await ollamaStatus('http://127.0.0.1:11434', 'mistral:7b', { timeoutMs: 50, fetch: hangingFetch });

    expect(status).toEqual({
      ok: false,
      error: 'Cannot reach Ollama at http://127.0.0.1:11434: timed out. Is `ollama serve` running?',
    });
  });

  it('reports an HTTP error from the server', async () => {
    const failingFetch = () => Promise.resolve(new Response('boom', { status: 500 }));

    const status = await ollamaStatus('http://127.0.0.1:11434', 'mistral:7b', { fetch: failingFetch });

    expect(status).toEqual({ ok: false, error: 'Ollama at http://127.0.0.1:11434 answered HTTP 500.' });
  });
});
