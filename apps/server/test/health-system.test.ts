import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test-support/databases.js';
import { bearer, signUp } from './support/sessions.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe.each(DIALECTS)('health and system on %s', (dialect) => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('reports liveness with uptime and version', async () => {
    t = await createTestApp({ dialect });
    const response = await t.app.inject({ method: 'GET', url: '/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ ok: true, uptime: expect.any(Number), version: '0.1.0' });
  });

  it('is ready while the database answers and not ready once it is gone', async () => {
    t = await createTestApp({ dialect });
    const ready = await t.app.inject({ method: 'GET', url: '/health/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({
      ok: true,
      checks: { database: { ok: true }, artifacts: { ok: true }, memory: { ok: true } },
    });

    await t.container.database.close();
    const gone = await t.app.inject({ method: 'GET', url: '/health/ready' });
    expect(gone.statusCode).toBe(503);
    expect(gone.json()).toMatchObject({ ok: false, checks: { database: { ok: false, error: expect.any(String) } } });
    // Liveness does not depend on the database.
    expect((await t.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
  });

  it('describes the instance: version, Node, dialect, browser, queue and event modes', async () => {
    t = await createTestApp({ dialect, env: { PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH: '/nonexistent/chromium' } });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/system' })).statusCode).toBe(401);
    const session = await signUp(t.app);
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/system', headers: bearer(session) });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      version: '0.1.0',
      uptime: expect.any(Number),
      nodeVersion: process.version,
      platform: `${process.platform}-${process.arch}`,
      database: { dialect },
      browser: { engine: 'chromium', found: false, executablePath: null },
      queue: { mode: 'in-process' },
      events: { mode: 'in-process' },
      roles: ['api', 'worker', 'scheduler'],
      playwrightVersion: expect.stringMatching(/^\d+\.\d+\.\d+/),
      memoryMB: expect.any(Number),
      browsers: [
        { engine: 'chromium', found: false, executablePath: null },
        { engine: 'firefox', found: expect.any(Boolean), executablePath: null },
        { engine: 'webkit', found: expect.any(Boolean), executablePath: null },
      ],
      projects: 0,
      tests: 0,
      approvedTests: 0,
      draftTests: 0,
      runs: 0,
      activities: 0,
      healingEntries: 0,
      activeSchedules: 0,
    });
  });

  it('reports a browser that exists', async () => {
    t = await createTestApp({ dialect, env: { PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH: process.execPath } });
    const session = await signUp(t.app);
    const body = (await t.app.inject({ method: 'GET', url: '/api/v1/system', headers: bearer(session) })).json();
    expect(body.browser).toEqual({ engine: 'chromium', found: true, executablePath: process.execPath });
    expect(body.browsers[0]).toEqual(body.browser);
  });
});
