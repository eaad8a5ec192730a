import type { Kysely, Selectable } from 'kysely';
import type { Database, ProjectsTable } from '../tables/index.js';

export type ProjectRow = Selectable<ProjectsTable>;

export interface NewProject {
  id: string;
  workspaceId: string;
  name: string;
  url: string;
  /** Already-encrypted credentials JSON, or null. */
  credentials: string | null;
  createdAt: string;
}

export type SoftDeleteOutcome =
  | { outcome: 'not_found' }
  | { outcome: 'active_run'; runId: string }
  | {
      outcome: 'deleted';
      deletedTests: number;
      deletedRuns: number;
      destroyedTokens: number;
      destroyedSchedule: boolean;
    };

export interface Page<T> {
  rows: T[];
  total: number;
}

/** Projects of a workspace; soft-deleted ones are invisible to every read here. */
export class ProjectsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(project: NewProject): Promise<ProjectRow> {
    return this.db
      .insertInto('projects')
      .values({ ...project, updatedAt: project.createdAt, deletedAt: null })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async findLive(workspaceId: string, id: string): Promise<ProjectRow | undefined> {
    return this.db
      .selectFrom('projects')
      .selectAll()
      .where('id', '=', id)
      .where('workspaceId', '=', workspaceId)
      .where('deletedAt', 'is', null)
      .executeTakeFirst();
  }

  /** A live project in any workspace: for callers that prove access another way (CI trigger tokens). */
  async findLiveById(id: string): Promise<ProjectRow | undefined> {
    return this.db
      .selectFrom('projects')
      .selectAll()
      .where('id', '=', id)
      .where('deletedAt', 'is', null)
      .executeTakeFirst();
  }

  async update(
    workspaceId: string,
    id: string,
    changes: Partial<Pick<ProjectRow, 'name' | 'url' | 'credentials'>>,
    at: string,
  ): Promise<ProjectRow | undefined> {
    return this.db
      .updateTable('projects')
      .set({ ...changes, updatedAt: at })
      .where('id', '=', id)
      .where('workspaceId', '=', workspaceId)
      .where('deletedAt', 'is', null)
      .returningAll()
      .executeTakeFirst();
  }

  /**
   * Soft-deletes a project with its live tests and runs under one timestamp (so a restore can
   * tell what went with it), and hard-deletes its trigger tokens and schedule — atomically,
   * and only while no crawl, run or generation is active.
   */
  async softDelete(workspaceId: string, id: string, at: string): Promise<SoftDeleteOutcome> {
    return this.db.transaction().execute(async (trx) => {
      const project = await trx
        .updateTable('projects')
        .set((eb) => ({ updatedAt: eb.ref('updatedAt') }))
        .where('id', '=', id)
        .where('workspaceId', '=', workspaceId)
        .where('deletedAt', 'is', null)
        .returning('id')
        .executeTakeFirst();
      if (!project) return { outcome: 'not_found' };
      const active = await trx
        .selectFrom('runs')
        .select('id')
        .where('projectId', '=', id)
        .where('status', '=', 'running')
        .where('type', 'in', ['crawl', 'test_run', 'generate', 'run'])
        .executeTakeFirst();
      if (active) return { outcome: 'active_run', runId: active.id };
      const tests = await trx
        .updateTable('tests')
        .set({ deletedAt: at })
        .where('projectId', '=', id)
        .where('deletedAt', 'is', null)
        .executeTakeFirst();
      const runs = await trx
        .updateTable('runs')
        .set({ deletedAt: at })
        .where('projectId', '=', id)
        .where('deletedAt', 'is', null)
        .executeTakeFirst();
      const tokens = await trx.deleteFrom('webhook_tokens').where('projectId', '=', id).executeTakeFirst();
      const schedule = await trx.deleteFrom('schedules').where('projectId', '=', id).executeTakeFirst();
      await trx.updateTable('projects').set({ deletedAt: at, updatedAt: at }).where('id', '=', id).execute();
      return {
        outcome: 'deleted',
        deletedTests: Number(tests.numUpdatedRows),
        deletedRuns: Number(runs.numUpdatedRows),
        destroyedTokens: Number(tokens.numDeletedRows),
        destroyedSchedule: Number(schedule.numDeletedRows) > 0,
      };
    });
  }

  /** All live projects of a workspace, newest first. */
  listAllLive(workspaceId: string): Promise<ProjectRow[]> {
    return this.db
      .selectFrom('projects')
      .selectAll()
      .where('workspaceId', '=', workspaceId)
      .where('deletedAt', 'is', null)
      .orderBy('createdAt', 'desc')
      .orderBy('id', 'desc')
      .execute();
  }

  /** Newest first; `limit`/`offset` page through, `total` counts all live projects. */
  async listLive(workspaceId: string, limit: number, offset: number): Promise<Page<ProjectRow>> {
    const live = this.db.selectFrom('projects').where('workspaceId', '=', workspaceId).where('deletedAt', 'is', null);
    const [rows, count] = await Promise.all([
      live.selectAll().orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute(),
      live.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.total) };
  }
}
