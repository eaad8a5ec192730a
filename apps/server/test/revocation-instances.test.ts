import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS, scratchDatabase, type ScratchDatabase } from '../../../test-support/databases.js';
import { bearer, signUp } from './support/sessions.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe.each(DIALECTS)('sessions across two API processes on %s', (dialect) => {
  const apps: TestApp[] = [];
  let scratch: ScratchDatabase | undefined;
  let shared: string;
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((app) => app.close()));
    await scratch?.drop();
    fs.rmSync(shared, { recursive: true, force: true });
  });

  it('honours a sign-in from one and a sign-out from the other', async () => {
    shared = fs.mkdtempSync(path.join(os.tmpdir(), 'sentri-shared-'));
    scratch = dialect === 'postgres' ? await scratchDatabase('postgres') : undefined;
    // Same database and the same signing secret, as two instances behind a load balancer.
    const env = {
      JWT_SECRET: 's'.repeat(48),
      ...(scratch?.url ? { DATABASE_URL: scratch.url } : { DB_PATH: path.join(shared, 'sentri.db') }),
    };
    const first = await createTestApp({ env });
    const second = await createTestApp({ env });
    apps.push(first, second);

    const session = await signUp(first.app);
    const me = (t: TestApp) => t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer(session) });
    expect((await me(second)).statusCode).toBe(200);
    expect(
      (await second.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: bearer(session) })).statusCode,
    ).toBe(200);
    expect((await me(first)).statusCode).toBe(401);
    expect((await me(second)).statusCode).toBe(401);
  });
});
