import type { ZodType } from 'zod';

/**
 * The part of an LLM client the generators use. The engine does not depend on `@sentri/llm`:
 * its `LlmClient` fits this shape, and tests pass a scripted stand-in.
 */
export interface JsonModel {
  /** A reply validated against `schema`; throws (e.g. `code: 'LLM_MALFORMED_REPLY'`) when unusable. */
  generateJson<T>(request: { system: string; prompt: string; schema: ZodType<T>; signal?: AbortSignal }): Promise<T>;
  /** Streams the reply token by token and resolves with the whole text. */
  streamText(request: {
    system: string;
    prompt: string;
    signal?: AbortSignal;
    onToken: (token: string) => void;
  }): Promise<string>;
}

export type ModelTier = 'cloud' | 'local';

/** Errors after which another call cannot succeed either: the token budget is spent or the run was stopped. */
const FINAL_CODES = new Set(['LLM_BUDGET_EXCEEDED', 'LLM_ABORTED', 'LLM_RATE_LIMITED']);

export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const { code } = error as { code: unknown };
  return typeof code === 'string' ? code : undefined;
}

/**
 * True when no further call should be made. A rate limit counts: the client has already retried
 * with backoff, so the next call would only wait out the same limit.
 */
export function endsGeneration(error: unknown, signal?: AbortSignal): boolean {
  if (signal?.aborted) return true;
  const code = errorCode(error);
  return (code !== undefined && FINAL_CODES.has(code)) || (error instanceof Error && error.name === 'AbortError');
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
