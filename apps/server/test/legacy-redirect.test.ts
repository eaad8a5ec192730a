import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('legacy /api/* redirect', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it.each(['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const)(
    'answers %s /api/projects?x=1 with 308 to /api/v1/projects?x=1',
    async (method) => {
      const response = await t.app.inject({
        method,
        url: '/api/projects?x=1',
        ...(method === 'GET' || method === 'DELETE' ? {} : { payload: { name: 'Shop' } }),
      });
      expect(response.statusCode).toBe(308);
      expect(response.headers.location).toBe('/api/v1/projects?x=1');
    },
  );

  it('keeps the query string verbatim and nested paths intact', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/projects/PRJ-1/tests?page=2&search=a%20b&x=1&x=2',
    });
    expect(response.headers.location).toBe('/api/v1/projects/PRJ-1/tests?page=2&search=a%20b&x=1&x=2');
  });

  it('sends /api and /api/ to /api/v1/', async () => {
    for (const url of ['/api', '/api/']) {
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(308);
      expect(response.headers.location).toBe('/api/v1/');
    }
  });

  it('redirects a non-JSON legacy body without reading it', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/upload',
      headers: { 'content-type': 'application/octet-stream' },
      payload: Buffer.alloc(2048, 1),
    });
    expect(response.statusCode).toBe(308);
    expect(response.headers.location).toBe('/api/v1/upload');
  });

  it('does not redirect versioned paths, the docs page or health', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/projects' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/docs' })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
  });
});
