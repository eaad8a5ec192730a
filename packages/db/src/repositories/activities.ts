import type { Kysely, Selectable } from 'kysely';
import type { ActivitiesTable, Database } from '../tables/index.js';

export type ActivityRow = Selectable<ActivitiesTable>;
export type NewActivity = Omit<ActivityRow, 'status'> & { status?: string };

/** The audit trail: who did what to which entity, per workspace, newest first. */
export class ActivitiesRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(activity: NewActivity): Promise<void> {
    await this.db
      .insertInto('activities')
      .values({ ...activity, status: activity.status ?? 'completed' })
      .execute();
  }

  list(workspaceId: string, filters: { type?: string; projectId?: string }, limit: number): Promise<ActivityRow[]> {
    let query = this.db.selectFrom('activities').selectAll().where('workspaceId', '=', workspaceId);
    if (filters.type) query = query.where('type', '=', filters.type);
    if (filters.projectId) query = query.where('projectId', '=', filters.projectId);
    return query.orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(limit).execute();
  }

  async clear(workspaceId: string): Promise<number> {
    const result = await this.db.deleteFrom('activities').where('workspaceId', '=', workspaceId).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
