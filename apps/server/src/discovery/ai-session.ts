import { createLlmClient, type LlmClient, type ProviderConfig } from '@sentri/llm';
import type { Config } from '../config/index.js';

/** One run's connection to its AI provider: its own token budget and usage count. */
export interface AiSession {
  client: LlmClient;
  /** Display name stored on each test it writes ("Claude Sonnet", "Ollama (mistral:7b)"). */
  model: string;
  tier: 'cloud' | 'local';
}

export function openAiSession(provider: ProviderConfig, ai: Config['ai']): AiSession {
  const client = createLlmClient(provider, {
    timeoutMs: ai.timeoutMs,
    maxRetries: ai.maxRetries,
    baseDelayMs: ai.baseDelayMs,
    maxBackoffMs: ai.maxBackoffMs,
    maxOutputTokens: ai.maxTokens,
    tokenBudget: ai.runTokenBudget,
  });
  return { client, model: client.displayName, tier: provider.provider === 'local' ? 'local' : 'cloud' };
}

/** What `runs.tokenUsage` holds: the provider, the model and what the run spent. */
export function tokenUsageOf(session: AiSession, budget: number) {
  return { provider: session.client.provider, model: session.client.model, budget, ...session.client.usage() };
}
