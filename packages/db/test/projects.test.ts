import { afterEach, describe, expect, it } from 'vitest';
import { CountersRepository, ProjectsRepository, openDatabase, type DatabaseHandle } from '@sentri/db';
import { DIALECTS, scratchDatabase, type ScratchDatabase } from '../../../test-support/databases.js';

describe.each(DIALECTS)('ProjectsRepository on %s', (dialect) => {
  let scratch: ScratchDatabase;
  let handle: DatabaseHandle;
  afterEach(async () => {
    await handle.close();
    await scratch.drop();
  });

  async function seed() {
    scratch = await scratchDatabase(dialect);
    handle = await openDatabase(scratch.options);
    const now = '2026-11-28T10:00:00.000Z';
    await handle.db
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
    for (const id of ['WS-1', 'WS-2']) {
      await handle.db
        .insertInto('workspaces')
        .values({ id, name: id, slug: id.toLowerCase(), ownerId: 'u1', createdAt: now, updatedAt: now })
        .execute();
    }
    const projects = new ProjectsRepository(handle.db);
    const counters = new CountersRepository(handle.db);
    for (let index = 0; index < 25; index += 1) {
      const createdAt = new Date(Date.parse(now) + index * 1000).toISOString();
      await projects.insert({
        id: await counters.nextId('project'),
        workspaceId: 'WS-1',
        name: `P${index}`,
        url: 'https://a.test',
        credentials: null,
        createdAt,
      });
    }
    await projects.insert({
      id: await counters.nextId('project'),
      workspaceId: 'WS-2',
      name: 'Other',
      url: 'https://b.test',
      credentials: null,
      createdAt: now,
    });
    return projects;
  }

  it('pages newest first and counts only the workspace’s live projects', async () => {
    const projects = await seed();
    await handle.db
      .updateTable('projects')
      .set({ deletedAt: '2026-11-28T11:00:00.000Z' })
      .where('id', '=', 'PRJ-25')
      .execute();
    const first = await projects.listLive('WS-1', 10, 0);
    expect(first.total).toBe(24);
    expect(first.rows.map((row) => row.id)).toEqual([
      'PRJ-24',
      'PRJ-23',
      'PRJ-22',
      'PRJ-21',
      'PRJ-20',
      'PRJ-19',
      'PRJ-18',
      'PRJ-17',
      'PRJ-16',
      'PRJ-15',
    ]);
    const last = await projects.listLive('WS-1', 10, 20);
    expect(last.rows.map((row) => row.id)).toEqual(['PRJ-4', 'PRJ-3', 'PRJ-2', 'PRJ-1']);
    expect((await projects.listLive('WS-1', 10, 40)).rows).toEqual([]);
  });

  it('never returns another workspace’s project or a soft-deleted one', async () => {
    const projects = await seed();
    expect(await projects.findLive('WS-1', 'PRJ-26')).toBeUndefined();
    expect((await projects.findLive('WS-2', 'PRJ-26'))?.name).toBe('Other');
    await handle.db
      .updateTable('projects')
      .set({ deletedAt: '2026-11-28T11:00:00.000Z' })
      .where('id', '=', 'PRJ-26')
      .execute();
    expect(await projects.findLive('WS-2', 'PRJ-26')).toBeUndefined();
  });

  it('returns the stored row with its defaults', async () => {
    const projects = await seed();
    expect(await projects.findLive('WS-1', 'PRJ-1')).toEqual({
      id: 'PRJ-1',
      workspaceId: 'WS-1',
      name: 'P0',
      url: 'https://a.test',
      credentials: null,
      failOnVisualRegression: 0,
      status: 'idle',
      createdAt: '2026-11-28T10:00:00.000Z',
      updatedAt: '2026-11-28T10:00:00.000Z',
      deletedAt: null,
    });
  });
});
