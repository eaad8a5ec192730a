import type { ProviderId } from './providers.js';

export type LlmErrorCode =
  | 'LLM_NOT_CONFIGURED'
  | 'LLM_MALFORMED_REPLY'
  | 'LLM_BUDGET_EXCEEDED'
  | 'LLM_RATE_LIMITED'
  | 'LLM_UNAVAILABLE'
  | 'LLM_AUTH_FAILED'
  | 'LLM_REQUEST_REJECTED'
  | 'LLM_TIMEOUT'
  | 'LLM_ABORTED';

export interface LlmErrorDetails {
  provider: ProviderId;
  status?: number;
  cause?: unknown;
}

/** Every failure of an LLM call surfaces as this error, so callers can branch on `code`. */
export class LlmError extends Error {
  readonly code: LlmErrorCode;
  readonly provider: ProviderId;
  readonly status?: number;

  constructor(code: LlmErrorCode, message: string, details: LlmErrorDetails) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    // Abort handlers conventionally check `name === 'AbortError'`; keep that working for aborted calls.
    this.name = code === 'LLM_ABORTED' ? 'AbortError' : 'LlmError';
    this.code = code;
    this.provider = details.provider;
    if (details.status !== undefined) this.status = details.status;
  }
}

export function isLlmError(error: unknown): error is LlmError {
  return error instanceof LlmError;
}
