import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/index.js';
import { createContainer } from '../src/container.js';
import { DIALECTS, scratchDatabase, type ScratchDatabase } from '../../../test-support/databases.js';

describe.each(DIALECTS)('data across a restart on %s', (dialect) => {
  let scratch: ScratchDatabase | undefined;
  let dataDir: string;
  afterEach(async () => {
    await scratch?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps what was written and continues ids without reuse', async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sentri-restart-'));
    scratch = dialect === 'postgres' ? await scratchDatabase('postgres') : undefined;
    const config = loadConfig({
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      ...(scratch?.url ? { DATABASE_URL: scratch.url } : {}),
    });
    const now = new Date().toISOString();

    const first = await createContainer(config);
    const { db } = first.database;
    await db
      .insertInto('users')
      .values({
        id: 'u1',
        name: 'Ada',
        email: 'ada@example.test',
        passwordHash: null,
        avatar: null,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    const workspaceId = await first.repositories.counters.nextId('workspace');
    await db
      .insertInto('workspaces')
      .values({ id: workspaceId, name: 'Ada', slug: 'ada', ownerId: 'u1', createdAt: now, updatedAt: now })
      .execute();
    const projectIds = [];
    for (const name of ['Shop', 'Blog']) {
      const id = await first.repositories.counters.nextId('project');
      projectIds.push(id);
      await first.repositories.projects.insert({
        id,
        workspaceId,
        name,
        url: `https://${name.toLowerCase()}.test`,
        credentials: null,
        createdAt: now,
      });
    }
    // A burnt number: taken, never used, must not come back.
    await first.repositories.counters.nextId('project');
    await first.artifacts.put('screenshots/RUN-1/TC-1.png', new Uint8Array([137, 80, 78, 71]));
    await first.close();
    if (dialect === 'sqlite') expect(fs.existsSync(path.join(dataDir, 'sentri.db'))).toBe(true);

    const second = await createContainer(config);
    const page = await second.repositories.projects.listLive(workspaceId, 10, 0);
    expect(page.total).toBe(2);
    expect(page.rows.map((row) => row.id).sort()).toEqual(projectIds.sort());
    expect(await second.repositories.counters.nextId('project')).toBe('PRJ-4');
    expect([...((await second.artifacts.get('screenshots/RUN-1/TC-1.png')) ?? [])]).toEqual([137, 80, 78, 71]);
    await second.close();
  });
});
