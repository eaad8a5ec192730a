import type { ApiEndpoint } from '../../discovery/types.js';

/**
 * Signs that a generate-from-description request is about an HTTP API rather than the UI
 * (ENGINE.md §2.10). "API" and "REST" are matched case-sensitively so that "rapid" or "the rest
 * of the form" do not turn a UI request into API tests.
 */
const API_SIGNS = [
  /\bAPI\b/,
  /\bREST(?:ful)?\b/,
  /\bgraphql\b/i,
  /\bendpoints?\b/i,
  /\b(?:GET|POST|PUT|PATCH|DELETE)\s+(?:https?:\/\/\S+|\/\S*)/,
  /\bstatus codes?\b/i,
  /\brequest body\b/i,
  /\bresponse (?:body|shape|schema)\b/i,
  /\bJSON (?:response|payload|body)\b/i,
  /\bcontract tests?\b/i,
  /\/api\//i,
];

export function isApiIntent(text: string): boolean {
  return API_SIGNS.some((sign) => sign.test(text));
}

const METHOD_PATH = /\b(GET|POST|PUT|PATCH|DELETE)\s+(https?:\/\/[^\s'"`<>]+|\/[^\s'"`<>]*)/g;
const API_URL = /https?:\/\/[^\s'"`<>]+?\/api\/[^\s'"`<>]*/g;
const BARE_API_PATH = /(?<![\w.:/-])\/api\/[^\s'"`<>]*/g;
const BODY_LABEL = /\b(Request|Response)(?:\s+body)?\s*:\s*/gi;
const MUTATION = /register|login|signin|signup|create|update|delete|reset|send|submit/i;
/** Sentence punctuation that sticks to a path written in prose ("call /api/items."). */
const trimPunctuation = (path: string) => path.replace(/[.,;:!?)\]}]+$/, '');

interface Found {
  index: number;
  end: number;
  method: string;
  url: string;
}

/** The balanced JSON object or array starting at `start`, or undefined. */
function jsonAt(text: string, start: number): string | undefined {
  const open = text[start];
  if (open !== '{' && open !== '[') return undefined;
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') {
      depth--;
      if (depth === 0) return text.slice(start, i + 1);
    }
  }
  return undefined;
}

const pathPart = (url: string) => {
  try {
    return new URL(url, 'http://relative.invalid').pathname;
  } catch {
    return url.split('?')[0] ?? url;
  }
};

interface Body {
  index: number;
  kind: 'request' | 'response';
  json: string;
  end: number;
}

function bodiesIn(text: string): Body[] {
  return [...text.matchAll(BODY_LABEL)].flatMap((label) => {
    const start = label.index + label[0].length;
    const json = jsonAt(text, start);
    const kind = label[1]?.toLowerCase() === 'request' ? ('request' as const) : ('response' as const);
    return json ? [{ index: label.index, kind, json, end: start + json.length }] : [];
  });
}

/** Endpoint mentions in order, except those inside example bodies (a `"next": "/api/…"` link is not one). */
function endpointsIn(text: string, bodies: Body[]): Found[] {
  const found: Found[] = [];
  const overlaps = (index: number) =>
    found.some((f) => index >= f.index && index < f.end) || bodies.some((b) => index >= b.index && index < b.end);
  for (const match of text.matchAll(METHOD_PATH)) {
    if (overlaps(match.index)) continue;
    const url = trimPunctuation(match[2] ?? '');
    found.push({ index: match.index, end: match.index + match[0].length, method: match[1] ?? 'GET', url });
  }
  for (const match of text.matchAll(API_URL)) {
    if (overlaps(match.index)) continue;
    const url = trimPunctuation(match[0]);
    const last = pathPart(url).split('/').filter(Boolean).pop() ?? '';
    found.push({
      index: match.index,
      end: match.index + match[0].length,
      method: MUTATION.test(last) ? 'POST' : 'GET',
      url,
    });
  }
  for (const match of text.matchAll(BARE_API_PATH)) {
    if (overlaps(match.index)) continue;
    found.push({
      index: match.index,
      end: match.index + match[0].length,
      method: 'GET',
      url: trimPunctuation(match[0]),
    });
  }
  return found.sort((a, b) => a.index - b.index);
}

/**
 * Endpoints named in free text: `METHOD /path` pairs, full URLs containing `/api/` (POST when the
 * last segment sounds like a write, else GET), bare `/api/…` paths (GET), and `Request:` /
 * `Response:` JSON blocks, attached to the endpoint named most recently before them.
 */
export function parseEndpointHints(text: string): ApiEndpoint[] {
  const endpoints = new Map<string, ApiEndpoint>();
  const order: { index: number; endpoint: ApiEndpoint }[] = [];
  const bodies = bodiesIn(text);
  for (const found of endpointsIn(text, bodies)) {
    const pathPattern = pathPart(found.url);
    const key = `${found.method} ${pathPattern}`;
    let endpoint = endpoints.get(key);
    if (!endpoint) {
      endpoint = {
        method: found.method,
        pathPattern,
        exampleUrls: [found.url],
        statuses: found.method === 'GET' ? [200] : [200, 201],
        contentType: 'application/json',
        requestBodyExample: null,
        responseBodyExample: null,
        callCount: 1,
        avgDurationMs: 0,
        pageUrls: [],
      };
      endpoints.set(key, endpoint);
    }
    order.push({ index: found.index, endpoint });
  }
  for (const body of bodies) {
    const owner = order.filter((entry) => entry.index < body.index).pop()?.endpoint;
    if (!owner) continue;
    if (body.kind === 'request') owner.requestBodyExample = body.json;
    else owner.responseBodyExample = body.json;
  }
  return [...endpoints.values()];
}
