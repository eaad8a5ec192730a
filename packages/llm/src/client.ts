import { generateText, NoObjectGeneratedError, Output, streamText as sdkStreamText } from 'ai';
import type { z } from 'zod';
import { defaultSleep, raceAbort } from './abort.js';
import { LlmError } from './errors.js';
import { backoffDelayMs, classifyFailure } from './failure.js';
import { parseJsonReply } from './json-reply.js';
import { createLanguageModel, vendorCallSettings } from './language-model.js';
import { displayName, modelOf, type ProviderConfig, type ProviderId } from './providers.js';
import { createUsageMeter, DEFAULT_PRICING, priceFor, type LlmUsage, type ModelPrice } from './usage.js';

export interface LlmClientOptions {
  /** Per-attempt limit; the caller's signal still applies on top. */
  timeoutMs?: number;
  /** Retries after the first attempt, for rate limits and transient vendor failures. */
  maxRetries?: number;
  baseDelayMs?: number;
  maxBackoffMs?: number;
  maxOutputTokens?: number;
  /** Total tokens (input + output) this client may spend over its lifetime; unlimited when absent. */
  tokenBudget?: number;
  /** Waits between retries; injectable so tests neither wait nor guess timings. */
  sleep?: (ms: number) => Promise<void>;
  /** USD per 1M tokens by model id, merged over DEFAULT_PRICING. */
  pricing?: Readonly<Record<string, ModelPrice>>;
}

export interface GenerateJsonRequest<T> {
  system: string;
  prompt: string;
  /** Describe an object at the root: OpenAI's structured output refuses other roots. */
  schema: z.ZodType<T>;
  signal?: AbortSignal;
}

export interface StreamTextRequest {
  system: string;
  prompt: string;
  signal?: AbortSignal;
  onToken: (token: string) => void;
}

export interface LlmClient {
  readonly provider: ProviderId;
  readonly model: string;
  readonly displayName: string;
  /** Structured reply validated against `schema`; an unusable reply throws LLM_MALFORMED_REPLY. */
  generateJson<T>(request: GenerateJsonRequest<T>): Promise<T>;
  /** Streams the reply token by token and resolves with the whole text. */
  streamText(request: StreamTextRequest): Promise<string>;
  usage(): LlmUsage;
}

/** A stream that already delivered tokens must not be retried, or the caller would see them twice. */
class StreamFailedAfterTokens {
  constructor(readonly cause: unknown) {}
}

/** An exception thrown by the caller's own onToken callback goes back to the caller untouched. */
class CallerCallbackFailed {
  constructor(readonly cause: unknown) {}
}

export function createLlmClient(config: ProviderConfig, options: LlmClientOptions = {}): LlmClient {
  const { provider } = config;
  const model = modelOf(config);
  const languageModel = createLanguageModel(config);
  const timeoutMs = options.timeoutMs ?? 120_000;
  const maxRetries = options.maxRetries ?? 3;
  const backoff = { baseDelayMs: options.baseDelayMs ?? 2_000, maxBackoffMs: options.maxBackoffMs ?? 30_000 };
  const maxOutputTokens = options.maxOutputTokens ?? 16_384;
  const sleep = options.sleep ?? defaultSleep;
  const meter = createUsageMeter(priceFor(provider, model, { ...DEFAULT_PRICING, ...options.pricing }));
  // Gateways and older models reject OpenAI's strict schema rules; the reply is validated here anyway.
  const providerOptions = provider === 'openai' ? { openai: { strictJsonSchema: false } } : undefined;

  const abortedError = () => new LlmError('LLM_ABORTED', 'The AI request was aborted.', { provider });

  function outputAllowance(): number {
    if (options.tokenBudget === undefined) return maxOutputTokens;
    const used = meter.snapshot().totalTokens;
    const left = options.tokenBudget - used;
    if (left <= 0) {
      const message = `The token budget of ${options.tokenBudget} is used up (${used} tokens spent).`;
      throw new LlmError('LLM_BUDGET_EXCEEDED', message, { provider });
    }
    return Math.min(maxOutputTokens, left);
  }

  async function withRetries<T>(
    userSignal: AbortSignal | undefined,
    attempt: (signal: AbortSignal, allowance: number) => Promise<T>,
  ): Promise<T> {
    for (let attemptIndex = 0; ; attemptIndex++) {
      if (userSignal?.aborted) throw abortedError();
      const allowance = outputAllowance();
      const timeoutSignal = AbortSignal.timeout(timeoutMs);
      const signal = userSignal ? AbortSignal.any([userSignal, timeoutSignal]) : timeoutSignal;
      try {
        return await raceAbort(attempt(signal, allowance), userSignal, abortedError);
      } catch (error) {
        if (error instanceof CallerCallbackFailed) throw error.cause;
        const afterTokens = error instanceof StreamFailedAfterTokens;
        const context = { provider, timeoutMs, userSignal, timeoutSignal };
        const failure = classifyFailure(afterTokens ? error.cause : error, context);
        if (afterTokens || !failure.retryable || attemptIndex >= maxRetries) throw failure.error;
        await raceAbort(sleep(backoffDelayMs(attemptIndex, failure, backoff)), userSignal, abortedError);
      }
    }
  }

  async function generateJson<T>(request: GenerateJsonRequest<T>): Promise<T> {
    return withRetries(request.signal, async (abortSignal, allowance) => {
      try {
        const result = await generateText({
          model: languageModel,
          system: request.system,
          prompt: request.prompt,
          output: Output.object({ schema: request.schema }),
          maxRetries: 0,
          abortSignal,
          providerOptions,
          ...vendorCallSettings(config, allowance),
        });
        meter.record(result.totalUsage);
        return result.output;
      } catch (error) {
        if (!NoObjectGeneratedError.isInstance(error)) throw error;
        meter.record(error.usage);
        // The SDK is strict about wrappers such as Markdown fences; give the text one lenient reading.
        const repaired = parseJsonReply(error.text ?? '', request.schema);
        if (repaired.ok) return repaired.value;
        throw new LlmError(
          'LLM_MALFORMED_REPLY',
          `${displayName(config)} sent an unusable reply: ${repaired.reason}.`,
          {
            provider,
            cause: error,
          },
        );
      }
    });
  }

  async function streamText(request: StreamTextRequest): Promise<string> {
    return withRetries(request.signal, async (abortSignal, allowance) => {
      const result = sdkStreamText({
        model: languageModel,
        system: request.system,
        prompt: request.prompt,
        maxRetries: 0,
        abortSignal,
        // Failures arrive as `error` parts below; the default handler would only log them.
        onError: () => undefined,
        ...vendorCallSettings(config, allowance),
      });
      let text = '';
      for await (const part of result.fullStream) {
        if (part.type === 'text-delta' && part.text) {
          text += part.text;
          try {
            request.onToken(part.text);
          } catch (error) {
            throw new CallerCallbackFailed(error);
          }
        } else if (part.type === 'finish') {
          meter.record(part.totalUsage);
        } else if (part.type === 'error') {
          throw text ? new StreamFailedAfterTokens(part.error) : part.error;
        } else if (part.type === 'abort') {
          throw new DOMException('The stream was aborted.', 'AbortError');
        }
      }
      return text;
    });
  }

  return {
    provider,
    model,
    displayName: displayName(config),
    generateJson,
    streamText,
    usage: () => meter.snapshot(),
  };
}
