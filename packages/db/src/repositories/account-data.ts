import type { Kysely } from 'kysely';
import type { Database } from '../tables/index.js';

/**
 * Everything a user owns, for GDPR portability and erasure. "Owns" means the workspaces they
 * created: their projects, tests, runs and history go with them; memberships elsewhere do not
 * take other people's data along.
 */
export class AccountDataRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async export(userId: string) {
    const db = this.db;
    const user = await db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
    if (!user) return undefined;
    const { passwordHash: _hidden, ...profile } = user;
    const owned = await db
      .selectFrom('workspaces')
      .selectAll()
      .where('ownerId', '=', userId)
      .orderBy('createdAt')
      .execute();
    const workspaceIds = owned.map((workspace) => workspace.id);
    const memberships = await db
      .selectFrom('workspace_members')
      .selectAll()
      .where('userId', '=', userId)
      .orderBy('joinedAt')
      .execute();
    if (workspaceIds.length === 0) {
      return {
        user: profile,
        ownedWorkspaces: [],
        memberships,
        workspaceMembers: [],
        projects: [],
        tests: [],
        runs: [],
        runLogs: [],
        activities: [],
        notificationSettings: [],
        schedules: [],
        webhookTokens: [],
        healingHistory: [],
      };
    }
    const projects = await db
      .selectFrom('projects')
      .selectAll()
      .where('workspaceId', 'in', workspaceIds)
      .orderBy('createdAt')
      .execute();
    const projectIds = projects.map((project) => project.id);
    const inProjects = <T>(rows: () => Promise<T[]>) => (projectIds.length === 0 ? Promise.resolve([] as T[]) : rows());
    const tests = await inProjects(() =>
      db.selectFrom('tests').selectAll().where('projectId', 'in', projectIds).orderBy('createdAt').execute(),
    );
    const testIds = tests.map((test) => test.id);
    const runs = await inProjects(() =>
      db.selectFrom('runs').selectAll().where('projectId', 'in', projectIds).orderBy('startedAt').execute(),
    );
    const runIds = runs.map((run) => run.id);
    return {
      user: profile,
      ownedWorkspaces: owned,
      memberships,
      workspaceMembers: await db
        .selectFrom('workspace_members')
        .selectAll()
        .where('workspaceId', 'in', workspaceIds)
        .orderBy('joinedAt')
        .execute(),
      projects,
      tests,
      runs,
      runLogs:
        runIds.length === 0
          ? []
          : await db
              .selectFrom('run_events')
              .selectAll()
              .where('runId', 'in', runIds)
              .orderBy('runId')
              .orderBy('seq')
              .execute(),
      activities: await db
        .selectFrom('activities')
        .selectAll()
        .where('workspaceId', 'in', workspaceIds)
        .orderBy('createdAt')
        .execute(),
      notificationSettings: await inProjects(() =>
        db.selectFrom('notification_settings').selectAll().where('projectId', 'in', projectIds).execute(),
      ),
      schedules: await inProjects(() =>
        db.selectFrom('schedules').selectAll().where('projectId', 'in', projectIds).execute(),
      ),
      webhookTokens: await inProjects(() =>
        db
          .selectFrom('webhook_tokens')
          .select(['id', 'projectId', 'label', 'createdAt', 'lastUsedAt'])
          .where('projectId', 'in', projectIds)
          .execute(),
      ),
      healingHistory:
        testIds.length === 0
          ? []
          : await db.selectFrom('healing_history').selectAll().where('testId', 'in', testIds).execute(),
    };
  }

  /**
   * Erases the user and their owned workspaces in one transaction. Rows that reference a
   * project or run go with it through foreign-key cascades; the rest is removed explicitly.
   */
  async erase(userId: string): Promise<{ projectIds: string[] }> {
    return this.db.transaction().execute(async (trx) => {
      const owned = await trx.selectFrom('workspaces').select('id').where('ownerId', '=', userId).execute();
      const workspaceIds = owned.map((workspace) => workspace.id);
      let projectIds: string[] = [];
      if (workspaceIds.length > 0) {
        projectIds = (
          await trx.selectFrom('projects').select('id').where('workspaceId', 'in', workspaceIds).execute()
        ).map((row) => row.id);
        if (projectIds.length > 0) {
          const testIds = trx.selectFrom('tests').select('id').where('projectId', 'in', projectIds);
          await trx.deleteFrom('healing_history').where('testId', 'in', testIds).execute();
          await trx.deleteFrom('baseline_screenshots').where('testId', 'in', testIds).execute();
        }
        await trx.deleteFrom('activities').where('workspaceId', 'in', workspaceIds).execute();
        await trx.deleteFrom('settings').where('scope', 'in', workspaceIds).execute();
        // Projects, their tests, runs, results, events, schedules, tokens and members cascade.
        await trx.deleteFrom('workspaces').where('id', 'in', workspaceIds).execute();
      }
      await trx.deleteFrom('users').where('id', '=', userId).execute();
      return { projectIds };
    });
  }
}
