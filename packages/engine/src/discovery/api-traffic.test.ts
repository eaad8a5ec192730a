import { describe, expect, it } from 'vitest';
import { ApiTrafficRecorder, type RecordedRequest } from './api-traffic.js';

const ORIGIN = 'http://127.0.0.1:4000';

function request(overrides: Partial<RecordedRequest>): RecordedRequest {
  return {
    method: 'GET',
    url: `${ORIGIN}/api/items`,
    resourceType: 'fetch',
    headers: { accept: 'application/json' },
    postData: null,
    frameUrl: `${ORIGIN}/items`,
    startedAt: 1000,
    ...overrides,
  };
}

function json(status: number, body: string, endedAt = 1100) {
  return { status, headers: { 'Content-Type': 'application/json; charset=utf-8' }, body, endedAt };
}

describe('ApiTrafficRecorder', () => {
  it('keeps only same-origin fetch/xhr calls that are not static assets', () => {
    const recorder = new ApiTrafficRecorder(`${ORIGIN}/`);
    recorder.recordRequest('1', request({}));
    recorder.recordRequest('2', request({ resourceType: 'document' }));
    recorder.recordRequest('3', request({ url: 'https://cdn.test/api/items' }));
    recorder.recordRequest('4', request({ url: `http://localhost:4000/api/items` }));
    recorder.recordRequest('5', request({ url: `${ORIGIN}/assets/config.txt` }));
    recorder.recordRequest('6', request({ url: `${ORIGIN}/app.mjs` }));
    recorder.recordRequest('7', request({ url: `${ORIGIN}/manifest.json`, resourceType: 'xhr' }));
    expect(recorder.summarise().map((endpoint) => `${endpoint.method} ${endpoint.pathPattern}`)).toEqual([
      'GET /api/items',
    ]);
  });

  it('groups ids, UUIDs and hashes into one endpoint with examples, statuses and timings', () => {
    const recorder = new ApiTrafficRecorder(ORIGIN);
    const paths = [
      '/api/users/42',
      '/api/users/7',
      '/api/users/3f2b9c1e-8d4a-4f6b-9a1c-2b3c4d5e6f70',
      '/api/users/deadbeef99',
    ];
    paths.forEach((path, index) => {
      recorder.recordRequest(`u${index}`, request({ url: `${ORIGIN}${path}`, frameUrl: `${ORIGIN}/page/${index}` }));
      recorder.recordResponse(`u${index}`, json(index === 1 ? 404 : 200, `{"id":${index}}`, 1000 + (index + 1) * 100));
    });
    recorder.recordRequest(
      'other',
      request({ url: `${ORIGIN}/api/users`, method: 'post', postData: '{"name":"Ann"}' }),
    );

    const [users, create] = recorder.summarise();
    expect(users).toMatchObject({
      method: 'GET',
      pathPattern: '/api/users/:id',
      exampleUrls: [`${ORIGIN}/api/users/42`, `${ORIGIN}/api/users/7`],
      statuses: [200, 404],
      contentType: 'application/json; charset=utf-8',
      responseBodyExample: '{"id":0}',
      callCount: 4,
      avgDurationMs: 250,
      pageUrls: [`${ORIGIN}/page/0`, `${ORIGIN}/page/1`, `${ORIGIN}/page/2`],
    });
    expect(create).toMatchObject({ method: 'POST', pathPattern: '/api/users', requestBodyExample: '{"name":"Ann"}' });
  });

  it('gives each GraphQL operation its own endpoint, named before the body is truncated', () => {
    const recorder = new ApiTrafficRecorder(ORIGIN);
    const longQuery = `query SearchProducts { products(filter: "${'x'.repeat(3000)}") { id } }`;
    recorder.recordRequest(
      'a',
      request({ method: 'POST', url: `${ORIGIN}/graphql`, postData: JSON.stringify({ query: longQuery }) }),
    );
    recorder.recordRequest(
      'b',
      request({
        method: 'POST',
        url: `${ORIGIN}/graphql`,
        postData: '{"operationName":"AddToCart","query":"mutation AddToCart { add }"}',
      }),
    );
    recorder.recordRequest(
      'c',
      request({
        method: 'POST',
        url: `${ORIGIN}/graphql`,
        postData: '{"operationName":"AddToCart","query":"mutation AddToCart { add }"}',
      }),
    );

    const endpoints = recorder.summarise();
    expect(endpoints.map((endpoint) => endpoint.pathPattern)).toEqual([
      '/graphql (AddToCart)',
      '/graphql (SearchProducts)',
    ]);
    expect(endpoints[0]).toMatchObject({ graphqlOperation: 'AddToCart', callCount: 2 });
    const search = endpoints[1]!;
    expect(search.requestBodyExample).toHaveLength(2048 + '… [truncated, 3052 total chars]'.length);
    expect(search.requestBodyExample).toMatch(/… \[truncated, \d+ total chars\]$/);
  });

  it('never keeps cookies or authorization headers, and drops non-JSON response bodies', () => {
    const recorder = new ApiTrafficRecorder(ORIGIN);
    recorder.recordRequest(
      'h',
      request({
        headers: { Cookie: 'sid=secret', Authorization: 'Bearer secret', 'Content-Type': 'application/json' },
      }),
    );
    recorder.recordResponse('h', {
      status: 200,
      headers: { 'content-type': 'text/html' },
      body: '<html>',
      endedAt: 1010,
    });
    const [endpoint] = recorder.summarise();
    expect(JSON.stringify(recorder)).not.toContain('secret');
    expect(endpoint).toMatchObject({ contentType: 'text/html', responseBodyExample: null });
  });

  it('reports the API calls an action triggered, most recent mark onwards', () => {
    const recorder = new ApiTrafficRecorder(ORIGIN);
    recorder.recordRequest('1', request({ url: `${ORIGIN}/api/todos` }));
    const mark = recorder.mark();
    recorder.recordRequest('2', request({ method: 'POST', url: `${ORIGIN}/api/todos` }));
    recorder.recordRequest('3', request({ url: `${ORIGIN}/api/todos/12` }));
    recorder.recordRequest('4', request({ url: `${ORIGIN}/api/todos/13` }));
    expect(recorder.callsSince(mark)).toEqual(['POST /api/todos', 'GET /api/todos/:id']);
    expect(recorder.callsSince(recorder.mark())).toEqual([]);
  });

  it('caps the summary at the busiest endpoints', () => {
    const recorder = new ApiTrafficRecorder(ORIGIN);
    for (let n = 0; n < 40; n++) recorder.recordRequest(`r${n}`, request({ url: `${ORIGIN}/api/e${n}` }));
    recorder.recordRequest('again', request({ url: `${ORIGIN}/api/e39` }));
    const endpoints = recorder.summarise();
    expect(endpoints).toHaveLength(30);
    expect(endpoints[0]?.pathPattern).toBe('/api/e39');
    expect(recorder.summarise(5)).toHaveLength(5);
  });
});
