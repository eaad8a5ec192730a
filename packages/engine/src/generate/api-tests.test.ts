import { describe, expect, it } from 'vitest';
import type { ApiEndpoint } from '../discovery/types.js';
import { checkTestCode } from '../safety/check-code.js';
import { apiContractTests } from './api-tests.js';
import { parseOpenApi } from './openapi.js';

const BASE = 'http://127.0.0.1:4173/';

function endpoint(overrides: Partial<ApiEndpoint>): ApiEndpoint {
  return {
    method: 'GET',
    pathPattern: '/api/items',
    exampleUrls: ['http://127.0.0.1:4173/api/items'],
    statuses: [200],
    contentType: 'application/json; charset=utf-8',
    requestBodyExample: null,
    responseBodyExample: null,
    callCount: 3,
    avgDurationMs: 12,
    pageUrls: ['http://127.0.0.1:4173/items'],
    ...overrides,
  };
}

const items = endpoint({
  responseBodyExample: JSON.stringify({ items: [], total: 0, page: 1, size: 20, sort: 'name', next: null }),
});

describe('apiContractTests', () => {
  it('writes one canonical request test with status, content type and top-level keys', () => {
    const [test] = apiContractTests([items], BASE, 'api_har_capture');
    expect(test?.playwrightCode).toBe(
      [
        "test('API: GET /api/items returns 200', async ({ request }) => {",
        "  const response = await request.get('/api/items');",
        '  expect(response.status()).toBe(200);',
        "  expect(response.headers()['content-type']).toContain('application/json');",
        '  const body = await response.json();',
        "  expect(body).toHaveProperty('items');",
        "  expect(body).toHaveProperty('total');",
        "  expect(body).toHaveProperty('page');",
        "  expect(body).toHaveProperty('size');",
        "  expect(body).toHaveProperty('sort');",
        '});',
      ].join('\n'),
    );
    expect(test).toMatchObject({
      name: 'API: GET /api/items returns 200',
      type: 'integration',
      scenario: 'positive',
      isApiTest: true,
      isJourneyTest: false,
      journeyType: null,
      tags: ['api'],
      generatedFrom: 'api_har_capture',
      sourceUrl: 'http://127.0.0.1:4173/items',
      steps: [
        'Send GET http://127.0.0.1:4173/api/items',
        'Verify the status is 200',
        'Verify the response is JSON',
        'Verify the body has "items", "total", "page", "size", "sort"',
      ],
    });
    expect(test?.description).toContain('as observed while crawling the app');
  });

  it('checks arrays and the shape of their first element', () => {
    const list = endpoint({
      pathPattern: '/api/users',
      exampleUrls: ['/api/users?page=2'],
      responseBodyExample: JSON.stringify([{ id: 1, 'profile.name': 'Ann' }]),
      pageUrls: [],
    });
    const [test] = apiContractTests([list], BASE, 'openapi_import');
    expect(test?.playwrightCode).toContain("request.get('/api/users?page=2')");
    expect(test?.playwrightCode).toContain('expect(Array.isArray(body)).toBe(true);');
    expect(test?.playwrightCode).toContain('expect(body.length).toBeGreaterThan(0);');
    expect(test?.playwrightCode).toContain("expect(body[0]).toHaveProperty('id');");
    // A dotted key is one property, not a path into the object.
    expect(test?.playwrightCode).toContain("expect(body[0]).toHaveProperty(['profile.name']);");
    expect(test?.sourceUrl).toBe(BASE);
  });

  it('posts the example body and asserts the observed status', () => {
    const create = endpoint({
      method: 'POST',
      statuses: [400, 201],
      requestBodyExample: '{"title":"Buy milk","done":false}',
      responseBodyExample: '{"id":7,"title":"Buy milk"}',
    });
    const [test] = apiContractTests([create], BASE, 'api_user_described');
    expect(test?.name).toBe('API: POST /api/items returns 201');
    expect(test?.playwrightCode).toContain(
      `await request.post('/api/items', { data: {"title":"Buy milk","done":false} });`,
    );
    expect(test?.playwrightCode).toContain('expect(response.status()).toBe(201);');
    expect(test?.steps[0]).toBe('Send POST http://127.0.0.1:4173/api/items with the example JSON body');
  });

  it('orders JSON reads first and skips what it cannot replay', () => {
    const tests = apiContractTests(
      [
        endpoint({ method: 'DELETE', pathPattern: '/api/items/:id', requestBodyExample: null }),
        endpoint({ method: 'PUT', requestBodyExample: '{"a":1}', responseBodyExample: '{"a":1}' }),
        endpoint({ pathPattern: '/health', exampleUrls: ['http://127.0.0.1:4173/health'], contentType: 'text/plain' }),
        endpoint({ pathPattern: '/api/broken', statuses: [500] }),
        endpoint({ pathPattern: '/api/other', exampleUrls: ['https://cdn.example.com/api/other'] }),
        endpoint({ pathPattern: '/api/other-port', exampleUrls: ['http://127.0.0.1:9999/api/other-port'] }),
        endpoint({ pathPattern: '/api/items/:id', exampleUrls: [] }),
        endpoint({ method: 'OPTIONS', pathPattern: '/api/cors' }),
        items,
      ],
      BASE,
      'api_har_capture',
    );
    expect(tests.map((test) => test.name)).toEqual([
      'API: GET /api/items returns 200',
      'API: GET /health returns 200',
      'API: PUT /api/items returns 200',
    ]);
    const health = tests[1]?.playwrightCode ?? '';
    expect(health).not.toContain('content-type');
    expect(health).not.toContain('response.json()');
  });

  it('escapes quotes and newlines so names and URLs cannot break out of their strings', () => {
    const tricky = endpoint({
      pathPattern: "/api/it's\n');process.exit(1);('",
      exampleUrls: ["http://127.0.0.1:4173/api/it's"],
      responseBodyExample: JSON.stringify({ "o'k": 1, constructor: 2 }),
    });
    const [test] = apiContractTests([tricky], BASE, 'api_har_capture');
    expect(test?.playwrightCode).toContain("test('API: GET /api/it\\'s\\n\\');process.exit(1);(\\' returns 200'");
    expect(test?.playwrightCode).toContain("toHaveProperty('o\\'k')");
    expect(test?.playwrightCode).not.toContain("toHaveProperty('constructor')");
  });

  it('drops a test whose code the safety check would refuse', () => {
    const pollute = endpoint({ method: 'POST', requestBodyExample: '{"__proto__":{"admin":true}}' });
    expect(checkTestCode(`({ "__proto__": {} })`).ok).toBe(false);
    expect(apiContractTests([pollute, items], BASE, 'api_har_capture').map((test) => test.name)).toEqual([
      'API: GET /api/items returns 200',
    ]);
  });

  it('produces code the safety check accepts, including tests built from an OpenAPI import', () => {
    const spec = parseOpenApi(
      JSON.stringify({
        openapi: '3.0.0',
        servers: [{ url: '/v1' }],
        paths: {
          '/orders/{id}': {
            get: {
              parameters: [{ name: 'id', in: 'path', schema: { type: 'integer' } }],
              responses: {
                '200': {
                  content: {
                    'application/json': {
                      schema: {
                        type: 'object',
                        properties: { id: { type: 'integer' }, lines: { type: 'array', items: { type: 'string' } } },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      }),
    );
    const tests = apiContractTests([...(spec?.endpoints ?? []), items], BASE, 'openapi_import');
    expect(tests.map((test) => test.name)).toEqual([
      'API: GET /orders/:id returns 200',
      'API: GET /api/items returns 200',
    ]);
    expect(tests[0]?.playwrightCode).toContain("request.get('/v1/orders/1')");
    for (const test of tests) expect(checkTestCode(test.playwrightCode)).toEqual({ ok: true });
  });
});
