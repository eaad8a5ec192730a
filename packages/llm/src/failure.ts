import {
  APICallError,
  EmptyResponseBodyError,
  InvalidResponseDataError,
  JSONParseError,
  TypeValidationError,
} from 'ai';
import { LlmError } from './errors.js';
import type { ProviderId } from './providers.js';

/** Longest wait a vendor may ask for; anything above is treated as this. */
export const MAX_RETRY_AFTER_MS = 60_000;

// Message patterns matter when a failure carries no HTTP status (stream error events, proxies).
const RATE_LIMIT_PATTERN =
  /rate[ _-]?limit|\b429\b|quota[ _-]?(exceeded|exhausted|limit)|too many requests|resource[ _-]?exhausted|overloaded/i;
const TRANSIENT_PATTERN =
  /\b50[0234]\b|service unavailable|high demand|try again later|internal server error|bad gateway|gateway timeout|fetch failed|econnrefused|econnreset/i;
const RETRY_IN_PATTERN = /retry (?:in|after) (\d+(?:\.\d+)?)\s*(ms|s)\b/i;

export interface ClassifiedFailure {
  error: LlmError;
  retryable: boolean;
  /** Wait the vendor asked for, when it said so. */
  retryAfterMs?: number;
}

export interface FailureContext {
  provider: ProviderId;
  timeoutMs: number;
  userSignal: AbortSignal | undefined;
  timeoutSignal: AbortSignal;
}

function parseRetryAfterHeader(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function retryAfterMs(error: unknown, message: string): number | undefined {
  const headers = APICallError.isInstance(error) ? error.responseHeaders : undefined;
  const fromMsHeader = headers?.['retry-after-ms'] ? Number(headers['retry-after-ms']) : undefined;
  let wait = Number.isFinite(fromMsHeader) ? fromMsHeader : parseRetryAfterHeader(headers?.['retry-after']);
  if (wait === undefined) {
    const match = RETRY_IN_PATTERN.exec(message);
    if (match) wait = Number(match[1]) * (match[2]?.toLowerCase() === 'ms' ? 1 : 1000);
  }
  return wait === undefined ? undefined : Math.min(Math.max(0, wait), MAX_RETRY_AFTER_MS);
}

/** Best human-readable text of a failure; stream error events arrive as plain `{ type, message }` objects. */
function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  if (error && typeof error === 'object' && 'message' in error && typeof error.message === 'string') {
    return error.message;
  }
  return JSON.stringify(error) ?? String(error);
}

function isMalformedBody(error: unknown): boolean {
  return (
    TypeValidationError.isInstance(error) ||
    JSONParseError.isInstance(error) ||
    InvalidResponseDataError.isInstance(error) ||
    EmptyResponseBodyError.isInstance(error)
  );
}

/** Sorts a vendor/SDK failure into an LlmError and decides whether another attempt may help. */
export function classifyFailure(error: unknown, context: FailureContext): ClassifiedFailure {
  if (error instanceof LlmError) return { error, retryable: false };
  const { provider } = context;
  const make = (code: LlmError['code'], message: string, status?: number) =>
    new LlmError(code, message, { provider, cause: error, ...(status === undefined ? {} : { status }) });

  // The caller's abort wins over anything the SDK reports while tearing the request down.
  if (context.userSignal?.aborted) {
    return { error: make('LLM_ABORTED', 'The AI request was aborted.'), retryable: false };
  }
  if (context.timeoutSignal.aborted) {
    const message = `${provider} did not answer within ${context.timeoutMs} ms.`;
    return { error: make('LLM_TIMEOUT', message), retryable: false };
  }

  const message = errorMessage(error);
  const status = APICallError.isInstance(error) ? error.statusCode : undefined;
  const rateLimited = (code?: number) => ({
    error: make('LLM_RATE_LIMITED', message, code),
    retryable: true,
    ...withRetryAfter(retryAfterMs(error, message)),
  });

  if (status !== undefined) {
    if (status === 401 || status === 403) return { error: make('LLM_AUTH_FAILED', message, status), retryable: false };
    if (status === 429 || status === 529) return rateLimited(status);
    if (status >= 500) return { error: make('LLM_UNAVAILABLE', message, status), retryable: status !== 501 };
    // A 2xx whose body the SDK could not read is a reply we cannot use, not a refused request.
    if (status < 300) return { error: make('LLM_MALFORMED_REPLY', message, status), retryable: false };
    return { error: make('LLM_REQUEST_REJECTED', message, status), retryable: false };
  }

  if (RATE_LIMIT_PATTERN.test(message)) return rateLimited();
  if ((APICallError.isInstance(error) && error.isRetryable) || TRANSIENT_PATTERN.test(message)) {
    return { error: make('LLM_UNAVAILABLE', message), retryable: true };
  }
  if (isMalformedBody(error)) return { error: make('LLM_MALFORMED_REPLY', message), retryable: false };
  return { error: make('LLM_UNAVAILABLE', message), retryable: false };
}

function withRetryAfter(wait: number | undefined): { retryAfterMs?: number } {
  return wait === undefined ? {} : { retryAfterMs: wait };
}

export interface BackoffSettings {
  baseDelayMs: number;
  maxBackoffMs: number;
}

/** Delay before the retry that follows failed attempt number `attempt` (0-based). */
export function backoffDelayMs(attempt: number, failure: ClassifiedFailure, settings: BackoffSettings): number {
  if (failure.retryAfterMs !== undefined) return failure.retryAfterMs;
  return Math.min(settings.baseDelayMs * 2 ** attempt, settings.maxBackoffMs);
}
