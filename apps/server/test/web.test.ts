import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('dashboard serving', () => {
  let t: TestApp;
  let dist: string;
  beforeAll(async () => {
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'sentri-web-'));
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Sentri</title><div id="root"></div>');
    fs.mkdirSync(path.join(dist, 'assets'));
    fs.writeFileSync(path.join(dist, 'assets', 'app.js'), 'console.log("app")');
    t = await createTestApp({ env: { WEB_DIST_DIR: dist } });
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  it('serves index.html at / and for client-side routes', async () => {
    for (const url of ['/', '/projects/PRJ-1', '/runs/RUN-3?tab=logs']) {
      const response = await t.app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type']).toMatch(/text\/html/);
      expect(response.body).toContain('<div id="root">');
    }
  });

  it('serves built assets and answers a missing asset with a JSON 404', async () => {
    const asset = await t.app.inject({ method: 'GET', url: '/assets/app.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.body).toBe('console.log("app")');
    const missing = await t.app.inject({ method: 'GET', url: '/assets/missing.js' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('REQUEST_ROUTE_NOT_FOUND');
  });

  it('never answers API or health paths with the page', async () => {
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/unknown', headers: { accept: 'text/html' } })).statusCode,
    ).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/health' })).json().ok).toBe(true);
  });

  it('says so in JSON when the dashboard has not been built', async () => {
    const bare = await createTestApp({ env: { WEB_DIST_DIR: path.join(dist, 'nope') } });
    const response = await bare.app.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: 'Frontend build not found.', code: 'REQUEST_ROUTE_NOT_FOUND' });
    await bare.close();
  });
});
