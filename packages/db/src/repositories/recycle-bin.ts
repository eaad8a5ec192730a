import type { Kysely, Transaction } from 'kysely';
import type { RunRow } from './runs.js';
import type { Database } from '../tables/index.js';
import type { ProjectRow } from './projects.js';
import type { TestRow } from './tests.js';

export type BinType = 'project' | 'test' | 'run';

const CAP = 200;

/** Soft-deleted projects, tests and runs of a workspace: listing, restoring, purging for good. */
export class RecycleBinRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async list(workspaceId: string): Promise<{ projects: ProjectRow[]; tests: TestRow[]; runs: RunRow[] }> {
    const ownProjects = this.db.selectFrom('projects').select('id').where('workspaceId', '=', workspaceId);
    const [projects, tests, runs] = await Promise.all([
      this.db
        .selectFrom('projects')
        .selectAll()
        .where('workspaceId', '=', workspaceId)
        .where('deletedAt', 'is not', null)
        .orderBy('deletedAt', 'desc')
        .limit(CAP)
        .execute(),
      this.db
        .selectFrom('tests')
        .selectAll()
        .where('projectId', 'in', ownProjects)
        .where('deletedAt', 'is not', null)
        .orderBy('deletedAt', 'desc')
        .limit(CAP)
        .execute(),
      this.db
        .selectFrom('runs')
        .selectAll()
        .where('projectId', 'in', ownProjects)
        .where('deletedAt', 'is not', null)
        .orderBy('deletedAt', 'desc')
        .limit(CAP)
        .execute(),
    ]);
    return { projects, tests, runs };
  }

  /** The binned item and its project, if the item is in this workspace's bin. */
  async find(
    workspaceId: string,
    type: BinType,
    id: string,
  ): Promise<{ name: string; projectId: string; projectDeletedAt: string | null; projectName: string } | undefined> {
    if (type === 'project') {
      const project = await this.db
        .selectFrom('projects')
        .selectAll()
        .where('id', '=', id)
        .where('workspaceId', '=', workspaceId)
        .where('deletedAt', 'is not', null)
        .executeTakeFirst();
      return (
        project && {
          name: project.name,
          projectId: project.id,
          projectDeletedAt: project.deletedAt,
          projectName: project.name,
        }
      );
    }
    const table = type === 'test' ? 'tests' : 'runs';
    const row = await this.db
      .selectFrom(table)
      .innerJoin('projects', 'projects.id', `${table}.projectId`)
      .select([
        `${table}.id as id`,
        'projects.id as projectId',
        'projects.deletedAt as projectDeletedAt',
        'projects.name as projectName',
      ])
      .where(`${table}.id`, '=', id)
      .where(`${table}.deletedAt`, 'is not', null)
      .where('projects.workspaceId', '=', workspaceId)
      .executeTakeFirst();
    if (!row) return undefined;
    const name =
      type === 'test'
        ? ((await this.db.selectFrom('tests').select('name').where('id', '=', id).executeTakeFirst())?.name ?? id)
        : id;
    return { name, projectId: row.projectId, projectDeletedAt: row.projectDeletedAt, projectName: row.projectName };
  }

  /**
   * Brings an item back. A project brings back the tests and runs deleted with it or later —
   * not those someone deleted on purpose before the project went.
   */
  async restore(type: BinType, id: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      if (type !== 'project') {
        await trx
          .updateTable(type === 'test' ? 'tests' : 'runs')
          .set({ deletedAt: null })
          .where('id', '=', id)
          .execute();
        return;
      }
      const project = await trx
        .selectFrom('projects')
        .select('deletedAt')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      const since = project.deletedAt ?? '';
      await trx
        .updateTable('tests')
        .set({ deletedAt: null })
        .where('projectId', '=', id)
        .where('deletedAt', '>=', since)
        .execute();
      await trx
        .updateTable('runs')
        .set({ deletedAt: null })
        .where('projectId', '=', id)
        .where('deletedAt', '>=', since)
        .execute();
      await trx.updateTable('projects').set({ deletedAt: null }).where('id', '=', id).execute();
    });
  }

  /**
   * Deletes for good, with everything that only made sense attached to it. Returns the runs and
   * tests that went, so their files (evidence, baselines) can go too.
   */
  async purge(type: BinType, id: string): Promise<{ runIds: string[]; testIds: string[] }> {
    return this.db.transaction().execute(async (trx) => {
      if (type === 'run') {
        await trx.deleteFrom('runs').where('id', '=', id).execute();
        return { runIds: [id], testIds: [] };
      }
      if (type === 'test') {
        await purgeTests(trx, [id]);
        return { runIds: [], testIds: [id] };
      }
      const ids = async (table: 'tests' | 'runs') =>
        (await trx.selectFrom(table).select('id').where('projectId', '=', id).execute()).map((row) => row.id);
      const testIds = await ids('tests');
      const runIds = await ids('runs');
      await purgeTests(trx, testIds);
      await trx.deleteFrom('activities').where('projectId', '=', id).execute();
      // Runs, their results and events, tokens, schedule and notification settings cascade.
      await trx.deleteFrom('projects').where('id', '=', id).execute();
      return { runIds, testIds };
    });
  }
}

async function purgeTests(trx: Transaction<Database>, testIds: string[]): Promise<void> {
  if (testIds.length === 0) return;
  await trx.deleteFrom('healing_history').where('testId', 'in', testIds).execute();
  await trx.deleteFrom('baseline_screenshots').where('testId', 'in', testIds).execute();
  await trx.deleteFrom('tests').where('id', 'in', testIds).execute();
}
