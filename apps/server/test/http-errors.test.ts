import { Type } from 'typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBodySchema } from '@sentri/core';
import { publicRoute } from '../src/auth/access.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const json = { 'content-type': 'application/json' };

describe('error model over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      extend: (app) => {
        // Routes that exist only in this test, to drive validation and crash paths.
        app.post(
          '/api/v1/_probe/echo',
          {
            config: publicRoute(),
            schema: {
              body: Type.Object(
                {
                  name: Type.String({ minLength: 1 }),
                  url: Type.String({ format: 'uri' }),
                  size: Type.Optional(Type.Integer({ minimum: 1 })),
                },
                { additionalProperties: false },
              ),
              response: { 200: Type.Object({ name: Type.String() }), '4xx': ErrorBodySchema },
            },
          },
          async (request) => ({ name: (request.body as { name: string }).name }),
        );
        app.get('/api/v1/_probe/crash', { config: publicRoute() }, async () => {
          throw new Error('database password is hunter2');
        });
      },
    });
  });
  afterAll(() => t.close());

  it('answers malformed JSON with 400 and a JSON error', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/_probe/echo',
      headers: json,
      payload: '{"name": ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.json()).toEqual({ error: expect.any(String), code: 'REQUEST_MALFORMED_JSON' });
  });

  it('answers malformed JSON with 400 even on a route that does not exist', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/projects', headers: json, payload: '{bad' });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('REQUEST_MALFORMED_JSON');
  });

  it('answers a 1.2 MB body with 413 and a JSON error, before routing', async () => {
    const payload = JSON.stringify({ name: 'x'.repeat(1_200_000) });
    for (const url of ['/api/v1/_probe/echo', '/api/v1/projects', '/api/projects']) {
      const response = await t.app.inject({ method: 'POST', url, headers: json, payload });
      expect(response.statusCode, url).toBe(413);
      expect(response.json().code).toBe('REQUEST_BODY_TOO_LARGE');
    }
  });

  it('accepts a body just under the 1 MB limit', async () => {
    const payload = JSON.stringify({ name: 'x'.repeat(1_000_000), url: 'https://shop.test' });
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/_probe/echo', headers: json, payload });
    expect(response.statusCode).toBe(200);
  });

  it('names the offending field when validation fails', async () => {
    const cases: Array<[unknown, string]> = [
      [{ url: 'https://shop.test' }, 'body.name'],
      [{ name: 42, url: 'https://shop.test' }, 'body.name'],
      [{ name: 'a', url: 'https://shop.test', size: 0 }, 'body.size'],
      [{ name: 'a', url: 'https://shop.test', extra: true }, 'body.extra'],
    ];
    for (const [payload, field] of cases) {
      const response = await t.app.inject({ method: 'POST', url: '/api/v1/_probe/echo', payload: payload as object });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json()).toMatchObject({ code: 'REQUEST_VALIDATION_FAILED', field });
      expect(response.json().error).toContain(field);
    }
  });

  it('answers 415 for a body that is not JSON on a JSON route', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/_probe/echo',
      headers: { 'content-type': 'text/plain' },
      payload: 'name=a',
    });
    expect(response.statusCode).toBe(415);
    expect(response.json().code).toBe('REQUEST_UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers 401 JSON for an unknown /api/v1 route when anonymous, 404 JSON elsewhere', async () => {
    const api = await t.app.inject({ method: 'GET', url: '/api/v1/no-such-thing' });
    expect(api.statusCode).toBe(401);
    expect(api.json()).toEqual({ error: 'Authentication required.', code: 'AUTH_REQUIRED' });
    const del = await t.app.inject({ method: 'DELETE', url: '/api/v1/no/such/thing' });
    expect(del.statusCode).toBe(401);
    const other = await t.app.inject({ method: 'PUT', url: '/no-such-page' });
    expect(other.statusCode).toBe(404);
    expect(other.json().code).toBe('REQUEST_ROUTE_NOT_FOUND');
  });

  it('hides the cause of an unexpected failure from the client and logs it with the request id', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/_probe/crash' });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({ error: 'Internal server error.', code: 'SERVER_INTERNAL_ERROR' });
    expect(response.body).not.toContain('hunter2');
    const requestId = response.headers['x-request-id'];
    expect(requestId).toBeTruthy();
    const entry = t.logs.find((line) => line.reqId === requestId && line.level === 50);
    expect(entry).toBeDefined();
    expect(JSON.stringify(entry)).toContain('hunter2');
    expect((entry?.err as { stack?: string }).stack).toContain('http-errors.test.ts');
  });

  it('answers a malformed URL with 400 JSON', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/%E0%A4%A' });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('REQUEST_MALFORMED_URL');
  });
});
