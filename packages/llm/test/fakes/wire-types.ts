import type { IncomingHttpHeaders } from 'node:http';

/** What a fake replies to one request, in the vendor's own wire format. */
export type ScriptedReply =
  /** A successful answer whose assistant text is `text`, streamed token by token when the client asked to stream. */
  | {
      text: string;
      inputTokens?: number;
      outputTokens?: number;
      delayMs?: number;
      /** Streams only this many frames, then the vendor's in-stream error event (where it has one). */
      breakAfterFrames?: number;
    }
  /** An error status with the vendor's error body around `message`. */
  | { status: number; message?: string; headers?: Record<string, string> }
  /** Bytes sent as-is, to imitate a broken vendor or proxy. */
  | { rawBody: string; status?: number; contentType?: string };

export interface RecordedRequest {
  method: string;
  /** Path and query, e.g. `/v1beta/models/m:streamGenerateContent?alt=sse`. */
  url: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

/** The facts tests check on every vendor, read from that vendor's request format. */
export interface RequestFacts {
  model: string | undefined;
  system: string | undefined;
  prompt: string | undefined;
  stream: boolean;
  apiKey: string | undefined;
}

export interface SuccessReply {
  text: string;
  inputTokens: number;
  outputTokens: number;
}

/** One vendor's protocol: how to read its requests and how to phrase its answers. */
export interface WireProtocol {
  /** Base URL a client should be configured with, given the fake's origin. */
  baseUrl(origin: string): string;
  /** Whether this method + path is the vendor's text-generation endpoint. */
  isGenerateRoute(method: string, path: string): boolean;
  facts(request: RecordedRequest): RequestFacts;
  jsonReply(reply: SuccessReply, request: RecordedRequest): unknown;
  /** Complete frames to write one after another (SSE events or NDJSON lines). */
  streamFrames(reply: SuccessReply, request: RecordedRequest): string[];
  streamContentType: string;
  errorBody(status: number, message: string): unknown;
  /** The event a vendor sends when it fails after the stream has started. */
  streamErrorFrame?(message: string): string;
}

/** Splits text into word-sized tokens, keeping whitespace so the tokens concatenate back to the text. */
export function tokenize(text: string): string[] {
  return text.match(/\s*\S+\s*/g) ?? [text];
}

export function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}

export function sseFrame(data: unknown, event?: string): string {
  const payload = typeof data === 'string' ? data : JSON.stringify(data);
  return `${event ? `event: ${event}\n` : ''}data: ${payload}\n\n`;
}
