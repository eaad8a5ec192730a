import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATION_NAMES, openDatabase, type DatabaseHandle } from '@sentri/db';
import { runTsProcess } from '../../../test-support/spawn-ts.js';
import { runRow } from '../../../test-support/rows.js';
import { DIALECTS, scratchDatabase, type ScratchDatabase } from '../../../test-support/databases.js';

const TABLES = [
  'users',
  'oauth_ids',
  'workspaces',
  'workspace_members',
  'password_reset_tokens',
  'verification_tokens',
  'revoked_tokens',
  'projects',
  'tests',
  'runs',
  'run_results',
  'run_events',
  'activities',
  'schedules',
  'notification_settings',
  'webhook_tokens',
  'baseline_screenshots',
  'healing_history',
  'settings',
  'counters',
];

describe.each(DIALECTS)('migrations on %s', (dialect) => {
  let scratch: ScratchDatabase;
  const handles: DatabaseHandle[] = [];
  const open = async () => {
    const handle = await openDatabase(scratch.options);
    handles.push(handle);
    return handle;
  };

  afterEach(async () => {
    await Promise.all(handles.splice(0).map((handle) => handle.close()));
    await scratch.drop();
  });

  it('creates every table of the data model on an empty database', async () => {
    scratch = await scratchDatabase(dialect);
    const handle = await open();
    const tables = await handle.db.introspection.getTables();
    const names = tables.map((table) => table.name);
    for (const table of TABLES) expect(names).toContain(table);
    const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(handle.db);
    expect(applied.rows.map((row) => row.name)).toEqual(MIGRATION_NAMES);
  });

  it('is idempotent, also when several processes start at once', async () => {
    scratch = await scratchDatabase(dialect);
    // Concurrent start-ups race for the migration lock; exactly one applies each migration.
    const child = fileURLToPath(new URL('./processes/open-database.ts', import.meta.url));
    const starts = await Promise.all([1, 2, 3].map(() => runTsProcess(child, [JSON.stringify(scratch.options)])));
    for (const start of starts) expect(start, start.stderr).toMatchObject({ code: 0, stdout: 'migrated\n' });
    const handle = await open();
    const applied = await sql<{ count: number }>`select count(*) as count from kysely_migration`.execute(handle.db);
    expect(Number(applied.rows[0]?.count)).toBe(MIGRATION_NAMES.length);
  });

  it('enforces foreign keys and the one-active-run-per-project rule', async () => {
    scratch = await scratchDatabase(dialect);
    const { db } = await open();
    const now = new Date().toISOString();
    await expect(
      db
        .insertInto('projects')
        .values({
          id: 'PRJ-1',
          workspaceId: 'WS-404',
          name: 'x',
          url: 'https://x.test',
          credentials: null,
          createdAt: now,
          updatedAt: now,
          deletedAt: null,
        })
        .execute(),
    ).rejects.toThrow();

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
    await db
      .insertInto('workspaces')
      .values({ id: 'WS-1', name: 'Ada', slug: 'ada', ownerId: 'u1', createdAt: now, updatedAt: now })
      .execute();
    await db
      .insertInto('projects')
      .values({
        id: 'PRJ-1',
        workspaceId: 'WS-1',
        name: 'Shop',
        url: 'https://shop.test',
        credentials: null,
        createdAt: now,
        updatedAt: now,
        deletedAt: null,
      })
      .execute();
    const run = (id: string, status: string) => runRow({ id, projectId: 'PRJ-1', workspaceId: 'WS-1', status });
    await db.insertInto('runs').values(run('RUN-1', 'completed')).execute();
    await db.insertInto('runs').values(run('RUN-2', 'running')).execute();
    await expect(db.insertInto('runs').values(run('RUN-3', 'running')).execute()).rejects.toThrow();
    await db.updateTable('runs').set({ status: 'completed' }).where('id', '=', 'RUN-2').execute();
    await db.insertInto('runs').values(run('RUN-3', 'running')).execute();
  });
});
