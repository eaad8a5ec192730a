import { createAnthropic } from '@ai-sdk/anthropic';
import { createGoogleGenerativeAI } from '@ai-sdk/google';
import { createOpenAI } from '@ai-sdk/openai';
import type { LanguageModel } from 'ai';
import { createOllama } from 'ollama-ai-provider-v2';
import { LlmError } from './errors.js';
import { DEFAULT_OLLAMA_BASE_URL, modelOf, type ProviderConfig } from './providers.js';

/** Ollama's own output cap: local models are slow and small, long outputs mostly ramble. */
export const OLLAMA_MAX_PREDICT = 4096;
const OLLAMA_TEMPERATURE = 0.2;

/** Ollama is configured by its server root; the SDK wants the `/api` prefix. */
export function ollamaApiUrl(baseUrl: string | undefined): string {
  const root = (baseUrl || DEFAULT_OLLAMA_BASE_URL).replace(/\/+$/, '');
  return root.endsWith('/api') ? root : `${root}/api`;
}

function requireApiKey(config: ProviderConfig): string {
  // Without this the SDKs would silently fall back to reading their own environment variables.
  if (!config.apiKey) {
    throw new LlmError('LLM_NOT_CONFIGURED', `No API key configured for ${config.provider}.`, {
      provider: config.provider,
    });
  }
  return config.apiKey;
}

/**
 * Builds the AI SDK model for a provider. OpenAI goes through the chat-completions API rather than
 * the SDK's default Responses API, so OpenAI-compatible gateways work too.
 */
export function createLanguageModel(config: ProviderConfig): LanguageModel {
  const model = modelOf(config);
  const baseURL = config.baseUrl || undefined;
  switch (config.provider) {
    case 'anthropic':
      return createAnthropic({ apiKey: requireApiKey(config), baseURL })(model);
    case 'openai':
      return createOpenAI({ apiKey: requireApiKey(config), baseURL }).chat(model);
    case 'google':
      return createGoogleGenerativeAI({ apiKey: requireApiKey(config), baseURL })(model);
    case 'local': {
      // Ollama has no auth, but it is often put behind a proxy that wants a bearer token.
      const headers = config.apiKey ? { Authorization: `Bearer ${config.apiKey}` } : undefined;
      return createOllama({ baseURL: ollamaApiUrl(config.baseUrl), headers })(model);
    }
  }
}

export interface VendorCallSettings {
  maxOutputTokens: number;
  providerOptions?: { ollama: { options: { num_predict: number; temperature: number } } };
}

/** Per-call settings; Ollama reads its limits from `options`, the cloud SDKs from `maxOutputTokens`. */
export function vendorCallSettings(config: ProviderConfig, maxOutputTokens: number): VendorCallSettings {
  if (config.provider !== 'local') return { maxOutputTokens };
  const capped = Math.min(maxOutputTokens, OLLAMA_MAX_PREDICT);
  return {
    maxOutputTokens: capped,
    providerOptions: { ollama: { options: { num_predict: capped, temperature: OLLAMA_TEMPERATURE } } },
  };
}
