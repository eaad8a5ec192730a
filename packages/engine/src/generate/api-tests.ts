import type { ApiEndpoint, CandidateTest } from '../discovery/types.js';
import { checkTestCode } from '../safety/check-code.js';

/**
 * Contract tests for API endpoints, written without a model: each replays one call with
 * Playwright's `request` fixture and asserts what was observed or documented — the status, the
 * JSON content type and the top-level shape of the body. Cheap, deterministic and easy to read.
 */

export type ApiTestSource = 'api_har_capture' | 'openapi_import' | 'api_user_described';

const MAX_ASSERTED_KEYS = 5;
const REQUEST_METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);
// Keys every object "has", so asserting them proves nothing.
const INHERITED_KEYS = new Set(['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty']);

const SOURCE_PHRASE: Record<ApiTestSource, string> = {
  api_har_capture: 'as observed while crawling the app',
  openapi_import: 'as documented in the OpenAPI spec',
  api_user_described: 'as described in the request',
};

/** A single-quoted JavaScript string literal. */
function quote(text: string): string {
  const escaped = text
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/\r/g, '\\r')
    .replace(/\n/g, '\\n')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return `'${escaped}'`;
}

/** A toHaveProperty argument; dotted or bracketed keys use the array form so they are not read as paths. */
const propertyPath = (key: string) => (/[.[\]]/.test(key) ? `[${quote(key)}]` : quote(key));

function parseJson(text: string | null): { ok: true; value: unknown } | { ok: false } {
  if (text === null) return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const assertedKeys = (value: Record<string, unknown>) =>
  Object.keys(value)
    .filter((key) => !INHERITED_KEYS.has(key))
    .slice(0, MAX_ASSERTED_KEYS);

const successStatus = (endpoint: ApiEndpoint) => endpoint.statuses.find((status) => status >= 200 && status < 300);

const isJson = (contentType: string) => /[/+]json\b/i.test(contentType);

interface Call {
  url: string;
  method: string;
  status: number;
  data: string | undefined;
  json: boolean;
  body: unknown;
  hasBody: boolean;
}

/** What one test will do, or undefined when the endpoint cannot be tested this way. */
function planCall(endpoint: ApiEndpoint, base: URL): Call | undefined {
  const method = endpoint.method.toUpperCase();
  const status = successStatus(endpoint);
  if (!REQUEST_METHODS.has(method) || status === undefined) return undefined;
  const example = endpoint.exampleUrls[0] ?? (endpoint.pathPattern.includes(':') ? undefined : endpoint.pathPattern);
  if (!example) return undefined;
  let url: URL;
  try {
    url = new URL(example, base);
  } catch {
    return undefined;
  }
  if (url.origin !== base.origin) return undefined;

  let data: string | undefined;
  if (method !== 'GET') {
    if (endpoint.requestBodyExample === null) return undefined;
    const request = parseJson(endpoint.requestBodyExample);
    data = request.ok ? JSON.stringify(request.value) : quote(endpoint.requestBodyExample);
  }
  const json = isJson(endpoint.contentType);
  const response = json ? parseJson(endpoint.responseBodyExample) : { ok: false as const };
  return {
    url: url.href,
    method,
    status,
    data,
    json,
    body: response.ok ? response.value : undefined,
    hasBody: response.ok,
  };
}

function bodyAssertions(call: Call): { code: string[]; steps: string[] } {
  if (!call.hasBody) return { code: [], steps: [] };
  const code = ['const body = await response.json();'];
  const listKeys = (keys: string[]) => keys.map((key) => `"${key}"`).join(', ');
  if (Array.isArray(call.body)) {
    code.push('expect(Array.isArray(body)).toBe(true);');
    const steps = ['Verify the body is a JSON array'];
    const first: unknown = call.body[0];
    const keys = isPlainObject(first) ? assertedKeys(first) : [];
    if (keys.length > 0) {
      code.push('expect(body.length).toBeGreaterThan(0);');
      code.push(...keys.map((key) => `expect(body[0]).toHaveProperty(${propertyPath(key)});`));
      steps.push(`Verify the first item has ${listKeys(keys)}`);
    }
    return { code, steps };
  }
  if (isPlainObject(call.body)) {
    const keys = assertedKeys(call.body);
    code.push(...keys.map((key) => `expect(body).toHaveProperty(${propertyPath(key)});`));
    return { code, steps: keys.length > 0 ? [`Verify the body has ${listKeys(keys)}`] : [] };
  }
  return { code, steps: ['Verify the body is valid JSON'] };
}

/** Relative to the project URL, so the test follows the app to another host or port. */
const pathOf = (url: string) => {
  const parsed = new URL(url);
  return parsed.pathname + parsed.search;
};

function testFor(endpoint: ApiEndpoint, call: Call, sourceUrl: string, generatedFrom: ApiTestSource): CandidateTest {
  const name = `API: ${call.method} ${endpoint.pathPattern} returns ${call.status}`;
  const options = call.data === undefined ? '' : `, { data: ${call.data} }`;
  const body = bodyAssertions(call);
  const lines = [
    `const response = await request.${call.method.toLowerCase()}(${quote(pathOf(call.url))}${options});`,
    `expect(response.status()).toBe(${call.status});`,
    ...(call.json ? [`expect(response.headers()['content-type']).toContain('application/json');`] : []),
    ...body.code,
  ];
  const steps = [
    `Send ${call.method} ${call.url}${call.data === undefined ? '' : ' with the example JSON body'}`,
    `Verify the status is ${call.status}`,
    ...(call.json ? ['Verify the response is JSON'] : []),
    ...body.steps,
  ];
  return {
    name,
    description: `Checks that ${call.method} ${endpoint.pathPattern} answers ${call.status}${
      call.json ? ' with the expected JSON shape' : ''
    }, ${SOURCE_PHRASE[generatedFrom]}.`,
    steps,
    playwrightCode: `test(${quote(name)}, async ({ request }) => {\n${lines.map((line) => `  ${line}`).join('\n')}\n});`,
    type: 'integration',
    scenario: 'positive',
    priority: call.method === 'GET' ? 'medium' : 'high',
    sourceUrl,
    pageTitle: '',
    generatedFrom,
    isJourneyTest: false,
    journeyType: null,
    isApiTest: true,
    tags: ['api'],
  };
}

/**
 * One contract test per endpoint that answered (or is documented to answer) 2xx on `baseUrl`'s
 * origin: reads whose body is JSON first, then other reads, then writes that have an example
 * request body (a write without one cannot be replayed faithfully). Endpoints elsewhere are skipped.
 */
export function apiContractTests(
  endpoints: ApiEndpoint[],
  baseUrl: string,
  generatedFrom: ApiTestSource,
): CandidateTest[] {
  const base = new URL(baseUrl);
  const planned = endpoints.flatMap((endpoint) => {
    const call = planCall(endpoint, base);
    return call ? [{ endpoint, call }] : [];
  });
  const rank = ({ call }: { call: Call }) => (call.method !== 'GET' ? 2 : call.hasBody ? 0 : 1);
  return planned
    .sort((a, b) => rank(a) - rank(b))
    .map(({ endpoint, call }) => testFor(endpoint, call, endpoint.pageUrls[0] ?? baseUrl, generatedFrom))
    .filter((test) => checkTestCode(test.playwrightCode).ok);
}
