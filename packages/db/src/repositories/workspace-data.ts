import type { Kysely } from 'kysely';
import type { Database } from '../tables/index.js';

/** Bulk clean-up of a workspace's history (API.md §4.17, data management). */
export class WorkspaceDataRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Deletes every run of every project of the workspace, live or binned — except runs still
   * in progress, which would otherwise vanish under the worker executing them. Returns the ids,
   * whose evidence files go too.
   */
  async clearRuns(workspaceId: string): Promise<string[]> {
    const projects = this.db.selectFrom('projects').select('id').where('workspaceId', '=', workspaceId);
    const rows = await this.db
      .deleteFrom('runs')
      .where('projectId', 'in', projects)
      .where('status', '!=', 'running')
      .returning('id')
      .execute();
    return rows.map((row) => row.id);
  }

  /** Forgets every self-healing memory of the workspace's tests (binned ones included). */
  async clearHealing(workspaceId: string): Promise<number> {
    const tests = this.db
      .selectFrom('tests')
      .innerJoin('projects', 'projects.id', 'tests.projectId')
      .select('tests.id')
      .where('projects.workspaceId', '=', workspaceId);
    const result = await this.db.deleteFrom('healing_history').where('testId', 'in', tests).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
