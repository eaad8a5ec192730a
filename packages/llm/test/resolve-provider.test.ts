import { describe, expect, it } from 'vitest';
import { DEFAULT_MODELS, displayName, resolveProvider } from '../src/index.js';

const ollama = { baseUrl: 'http://gpu-box:11434', model: 'qwen2.5:7b', enabled: true };

describe('resolveProvider', () => {
  it('prefers anthropic, then openai, then google among vendors with a key', () => {
    expect(resolveProvider({ keys: { google: 'g', openai: 'o', anthropic: 'a' } })).toEqual({
      provider: 'anthropic',
      apiKey: 'a',
      model: DEFAULT_MODELS.anthropic,
    });
    expect(resolveProvider({ keys: { google: 'g', openai: 'o' } })?.provider).toBe('openai');
    expect(resolveProvider({ keys: { google: 'g' }, local: ollama })?.provider).toBe('google');
  });

  it('uses the explicit choice when it is usable, and ignores it otherwise', () => {
    const keys = { anthropic: 'a', google: 'g' };
    expect(resolveProvider({ explicit: 'google', keys })).toMatchObject({ provider: 'google', apiKey: 'g' });
    expect(resolveProvider({ explicit: 'openai', keys })?.provider).toBe('anthropic');
    expect(resolveProvider({ explicit: 'local', keys, local: ollama })).toEqual({
      provider: 'local',
      baseUrl: 'http://gpu-box:11434',
      model: 'qwen2.5:7b',
    });
    expect(resolveProvider({ explicit: 'local', keys, local: { ...ollama, enabled: false } })?.provider).toBe(
      'anthropic',
    );
  });

  it('treats an empty key as disabled', () => {
    expect(resolveProvider({ keys: { anthropic: '', openai: 'o' } })?.provider).toBe('openai');
  });

  it('falls back to Ollama only when it is enabled, with its defaults filled in', () => {
    expect(resolveProvider({ keys: {}, local: { enabled: true } })).toEqual({
      provider: 'local',
      baseUrl: 'http://localhost:11434',
      model: 'mistral:7b',
    });
    expect(resolveProvider({ keys: {}, local: { ...ollama, enabled: false } })).toBeNull();
    expect(resolveProvider({ keys: {} })).toBeNull();
  });

  it('applies model overrides', () => {
    expect(resolveProvider({ keys: { openai: 'o' }, models: { openai: 'gpt-4.1' } })?.model).toBe('gpt-4.1');
  });
});

describe('displayName', () => {
  it('names the default models in words', () => {
    expect(displayName({ provider: 'anthropic' })).toBe('Claude Sonnet');
    expect(displayName({ provider: 'openai' })).toBe('GPT-4o-mini');
    expect(displayName({ provider: 'google', model: 'gemini-2.5-flash' })).toBe('Gemini 2.5 Flash');
    expect(displayName({ provider: 'local' })).toBe('Ollama (mistral:7b)');
  });

  it('shows the model id once the model is overridden', () => {
    expect(displayName({ provider: 'anthropic', model: 'claude-opus-4-1' })).toBe('claude-opus-4-1');
    expect(displayName({ provider: 'local', model: 'llama3.1:8b' })).toBe('Ollama (llama3.1:8b)');
  });
});
