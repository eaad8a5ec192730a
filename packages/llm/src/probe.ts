import { generateText } from 'ai';
import type { LlmError } from './errors.js';
import { classifyFailure } from './failure.js';
import { createLanguageModel, vendorCallSettings } from './language-model.js';
import { modelOf, type ProviderConfig, type ProviderId } from './providers.js';

/** A few tokens, not one: thinking models spend their first tokens before any text. */
const PROBE_OUTPUT_TOKENS = 16;
const DEFAULT_PROBE_TIMEOUT_MS = 15_000;

export type ProviderProbe =
  | { ok: true; provider: ProviderId; model: string; latencyMs: number }
  | { ok: false; provider: ProviderId; model: string; latencyMs: number; error: LlmError };

export interface ProbeOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
}

/**
 * One tiny generation with a provider's settings, to tell an admin whether the key, address and
 * model work: no retries, a short timeout, and the vendor's refusal classified like any other
 * call's (auth, rate limit, unreachable …). Never throws.
 */
export async function probeProvider(config: ProviderConfig, options: ProbeOptions = {}): Promise<ProviderProbe> {
  const { provider } = config;
  const model = modelOf(config);
  const timeoutMs = options.timeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS;
  const timeoutSignal = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeoutSignal]) : timeoutSignal;
  const startedAt = performance.now();
  const latencyMs = () => Math.round(performance.now() - startedAt);
  try {
    await generateText({
      model: createLanguageModel(config),
      prompt: 'Reply with the single word OK.',
      maxRetries: 0,
      abortSignal: signal,
      ...vendorCallSettings(config, PROBE_OUTPUT_TOKENS),
    });
    return { ok: true, provider, model, latencyMs: latencyMs() };
  } catch (cause) {
    const { error } = classifyFailure(cause, { provider, timeoutMs, userSignal: options.signal, timeoutSignal });
    return { ok: false, provider, model, latencyMs: latencyMs(), error };
  }
}
