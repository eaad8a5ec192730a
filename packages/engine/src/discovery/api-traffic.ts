/**
 * API traffic capture (ENGINE.md §1.7). The crawler forwards the browser's request/response
 * events as plain objects; this keeps the app's own fetch/XHR calls and groups them into
 * endpoints for API test generation.
 */
import type { ApiEndpoint } from './types.js';

export interface RecordedRequest {
  method: string;
  url: string;
  /** Playwright's resource type: fetch, xhr, document, script… */
  resourceType: string;
  headers: Record<string, string>;
  postData: string | null;
  /** URL of the frame (page) that made the call. */
  frameUrl: string;
  startedAt: number;
}

export interface RecordedResponse {
  status: number;
  headers: Record<string, string>;
  /** Response text; the recorder keeps it only for JSON responses. */
  body: string | null;
  endedAt: number;
}

interface ApiCall {
  sequence: number;
  method: string;
  url: string;
  pattern: string;
  graphqlOperation?: string;
  requestHeaders: Record<string, string>;
  requestBody: string | null;
  frameUrl: string;
  startedAt: number;
  status?: number;
  contentType: string;
  responseHeaders: Record<string, string>;
  responseBody: string | null;
  durationMs?: number;
}

export const MAX_BODY_CHARS = 2048;
const SAFE_HEADERS = new Set(['content-type', 'accept', 'x-requested-with', 'origin', 'referer']);
const STATIC_EXTENSION = /\.(m?js|css|map|png|jpe?g|gif|webp|svg|ico|avif|bmp|woff2?|ttf|otf|eot)$/i;
const STATIC_DIRECTORY = /\/(fonts|images|assets|static|_next\/static|__webpack[^/]*)\//i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function truncateBody(text: string): string {
  if (text.length <= MAX_BODY_CHARS) return text;
  return `${text.slice(0, MAX_BODY_CHARS)}… [truncated, ${text.length} total chars]`;
}

function safeHeaders(headers: Record<string, string>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (SAFE_HEADERS.has(lower)) kept[lower] = value;
  }
  return kept;
}

function headerValue(headers: Record<string, string>, name: string): string {
  const entry = Object.entries(headers).find(([key]) => key.toLowerCase() === name);
  return entry ? entry[1] : '';
}

function isStaticAsset(url: URL): boolean {
  const path = url.pathname.toLowerCase();
  return (
    STATIC_EXTENSION.test(path) ||
    STATIC_DIRECTORY.test(path) ||
    path.includes('favicon') ||
    path.endsWith('/manifest.json')
  );
}

/** Path with ids (all digits, 8+ hex characters, UUIDs) replaced by `:id`. */
export function normaliseApiPath(pathname: string): string {
  return pathname
    .split('/')
    .map((segment) =>
      /^\d+$/.test(segment) || /^[0-9a-f]{8,}$/i.test(segment) || UUID.test(segment) ? ':id' : segment,
    )
    .join('/');
}

const OPERATION_IN_QUERY = /\b(?:query|mutation|subscription)\s+([A-Za-z_][A-Za-z0-9_]*)/;

/** The operation name of a GraphQL request body (JSON, batched JSON, or a raw query document). */
export function graphqlOperationName(body: string): string | undefined {
  let payload: unknown;
  try {
    payload = JSON.parse(body);
  } catch {
    return OPERATION_IN_QUERY.exec(body)?.[1];
  }
  const first: unknown = Array.isArray(payload) ? payload[0] : payload;
  if (!first || typeof first !== 'object') return undefined;
  const { operationName, query } = first as { operationName?: unknown; query?: unknown };
  if (typeof operationName === 'string' && operationName) return operationName;
  return typeof query === 'string' ? OPERATION_IN_QUERY.exec(query)?.[1] : undefined;
}

export class ApiTrafficRecorder {
  private readonly origin: string;
  private readonly pending = new Map<string, ApiCall>();
  private readonly calls: ApiCall[] = [];
  private sequence = 0;

  /** `appOrigin` is the origin after redirects; calls must match it exactly (no www folding). */
  constructor(
    appOrigin: string,
    private readonly maxCalls = 5000,
  ) {
    this.origin = new URL(appOrigin).origin;
  }

  recordRequest(id: string, request: RecordedRequest): void {
    if (request.resourceType !== 'fetch' && request.resourceType !== 'xhr') return;
    if (this.calls.length >= this.maxCalls || request.url.startsWith('data:')) return;
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return;
    }
    if (url.origin !== this.origin || isStaticAsset(url)) return;
    const method = request.method.toUpperCase();
    const graphqlOperation =
      method === 'POST' && /\/graphql\b/i.test(url.pathname) && request.postData
        ? graphqlOperationName(request.postData)
        : undefined;
    const path = normaliseApiPath(url.pathname);
    const call: ApiCall = {
      sequence: ++this.sequence,
      method,
      url: request.url,
      pattern: graphqlOperation ? `${path} (${graphqlOperation})` : path,
      requestHeaders: safeHeaders(request.headers),
      requestBody: request.postData === null ? null : truncateBody(request.postData),
      frameUrl: request.frameUrl,
      startedAt: request.startedAt,
      contentType: '',
      responseHeaders: {},
      responseBody: null,
    };
    if (graphqlOperation) call.graphqlOperation = graphqlOperation;
    this.calls.push(call);
    this.pending.set(id, call);
  }

  recordResponse(id: string, response: RecordedResponse): void {
    const call = this.pending.get(id);
    if (!call) return;
    this.pending.delete(id);
    call.status = response.status;
    call.contentType = headerValue(response.headers, 'content-type');
    call.responseHeaders = safeHeaders(response.headers);
    call.responseBody =
      response.body !== null && call.contentType.toLowerCase().includes('json') ? truncateBody(response.body) : null;
    call.durationMs = Math.max(0, response.endedAt - call.startedAt);
  }

  /** A position in the recording; pass it to `callsSince` after performing an action. */
  mark(): number {
    return this.sequence;
  }

  /** Distinct `METHOD pattern` of the calls started after `mark`, in the order first made. */
  callsSince(mark: number): string[] {
    const seen = new Set<string>();
    for (const call of this.calls) {
      if (call.sequence > mark) seen.add(`${call.method} ${call.pattern}`);
    }
    return [...seen];
  }

  /** Calls grouped by method and normalised path, most called first (§1.7). */
  summarise(limit = 30): ApiEndpoint[] {
    const groups = new Map<string, { endpoint: ApiEndpoint; durations: number[] }>();
    for (const call of this.calls) {
      const key = `${call.method} ${call.pattern}`;
      let group = groups.get(key);
      if (!group) {
        const endpoint: ApiEndpoint = {
          method: call.method,
          pathPattern: call.pattern,
          exampleUrls: [],
          statuses: [],
          contentType: '',
          requestBodyExample: null,
          responseBodyExample: null,
          callCount: 0,
          avgDurationMs: 0,
          pageUrls: [],
        };
        if (call.graphqlOperation) endpoint.graphqlOperation = call.graphqlOperation;
        group = { endpoint, durations: [] };
        groups.set(key, group);
      }
      const { endpoint, durations } = group;
      endpoint.callCount++;
      if (endpoint.exampleUrls.length < 2 && !endpoint.exampleUrls.includes(call.url))
        endpoint.exampleUrls.push(call.url);
      if (call.status !== undefined && !endpoint.statuses.includes(call.status)) endpoint.statuses.push(call.status);
      if (!endpoint.contentType && call.contentType) endpoint.contentType = call.contentType;
      endpoint.requestBodyExample ??= call.requestBody;
      endpoint.responseBodyExample ??= call.responseBody;
      if (call.frameUrl && endpoint.pageUrls.length < 3 && !endpoint.pageUrls.includes(call.frameUrl)) {
        endpoint.pageUrls.push(call.frameUrl);
      }
      if (call.durationMs !== undefined) durations.push(call.durationMs);
    }
    const endpoints = [...groups.values()].map(({ endpoint, durations }) => {
      endpoint.statuses.sort((a, b) => a - b);
      endpoint.avgDurationMs = durations.length
        ? Math.round(durations.reduce((sum, value) => sum + value, 0) / durations.length)
        : 0;
      return endpoint;
    });
    // Array.prototype.sort is stable, so equally busy endpoints keep first-seen order.
    return endpoints.sort((a, b) => b.callCount - a.callCount).slice(0, limit);
  }
}
