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
