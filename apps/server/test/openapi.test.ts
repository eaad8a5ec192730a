import fs from 'node:fs';
import { validate } from '@readme/openapi-parser';
// @ts-expect-error -- a plain ESM script without type declarations
import { API_TYPES_FILE, renderApiTypes } from '../../../scripts/api-types.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('OpenAPI document', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('is a valid OpenAPI 3.1 document according to a real validator', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toBe('3.1.0');
    expect(document.servers).toEqual([{ url: '/api/v1' }]);
    const result = await validate(structuredClone(document));
    expect(result.valid ? [] : result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('lists every /api/v1 route with a response schema, and no infrastructure route', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as {
      paths: Record<
        string,
        Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>
      >;
    };
    const apiRoutes = t.app.routeTable
      .filter((route) => route.url.startsWith('/api/v1/') && !route.hidden && route.method !== 'HEAD')
      .map((route) => `${route.method} ${route.url.slice('/api/v1'.length)}`);
    expect(apiRoutes.length).toBeGreaterThan(0);
    // Hiding a route from the document is reserved for the document itself.
    const hiddenApi = t.app.routeTable.filter((route) => route.url.startsWith('/api/v1/') && route.hidden);
    expect(new Set(hiddenApi.map((route) => route.url))).toEqual(new Set(['/api/v1/openapi.json']));
    for (const entry of apiRoutes) {
      const [method = '', path = ''] = entry.split(' ');
      const operation = document.paths[path.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()];
      expect(operation, entry).toBeDefined();
      const success = Object.entries(operation?.responses ?? {}).find(([status]) => status.startsWith('2'));
      const body = success?.[1].content ?? {};
      expect(Object.values(body)[0]?.schema, entry).toBeDefined();
      expect(operation?.responses['4XX'] ?? operation?.responses['4xx'], `${entry} documents its errors`).toBeDefined();
    }
    expect(Object.keys(document.paths).some((path) => path.startsWith('/health') || path.startsWith('/api'))).toBe(
      false,
    );
  });

  it('serves an interactive page at /api/docs', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
    expect(response.body).toMatch(/swagger/i);
  });

  it('gives the dashboard its types, generated from this document and up to date (run `npm run api:types`)', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    const expected = (await renderApiTypes(document)) as string;
    expect(fs.readFileSync(API_TYPES_FILE as string, 'utf8') === expected).toBe(true);
  });
});
