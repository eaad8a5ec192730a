import { sql, type Kysely } from 'kysely';
import type { Database } from '../tables/index.js';

/** The raw numbers behind the dashboard, each one query over the workspace's live data. */
export class DashboardRepository {
  constructor(private readonly db: Kysely<Database>) {}

  private liveProjects(workspaceId: string) {
    return this.db
      .selectFrom('projects')
      .select('id')
      .where('workspaceId', '=', workspaceId)
      .where('deletedAt', 'is', null);
  }

  private liveTests(workspaceId: string) {
    return this.db
      .selectFrom('tests')
      .where('projectId', 'in', this.liveProjects(workspaceId))
      .where('deletedAt', 'is', null);
  }

  private liveRuns(workspaceId: string) {
    return this.db
      .selectFrom('runs')
      .where('projectId', 'in', this.liveProjects(workspaceId))
      .where('deletedAt', 'is', null);
  }

  async totals(workspaceId: string) {
    const [projects, runs, activities] = await Promise.all([
      this.db
        .selectFrom('projects')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('workspaceId', '=', workspaceId)
        .where('deletedAt', 'is', null)
        .executeTakeFirstOrThrow(),
      this.liveRuns(workspaceId)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
      this.db
        .selectFrom('activities')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('workspaceId', '=', workspaceId)
        .executeTakeFirstOrThrow(),
    ]);
    return { projects: Number(projects.n), runs: Number(runs.n), activities: Number(activities.n) };
  }

  testsByReview(workspaceId: string) {
    return this.liveTests(workspaceId)
      .select(['reviewStatus', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('reviewStatus')
      .execute();
  }

  approvedBySourceUrl(workspaceId: string) {
    return this.liveTests(workspaceId)
      .select(['sourceUrl', (eb) => eb.fn.countAll<number>().as('n')])
      .where('reviewStatus', '=', 'approved')
      .where('sourceUrl', 'is not', null)
      .groupBy('sourceUrl')
      .execute();
  }

  topFlaky(workspaceId: string, limit: number) {
    return this.liveTests(workspaceId)
      .select(['id as testId', 'name', 'flakyScore', 'projectId'])
      .where('reviewStatus', '=', 'approved')
      .where('flakyScore', '>', 0)
      .orderBy('flakyScore', 'desc')
      .orderBy('id')
      .limit(limit)
      .execute();
  }

  /** Creation dates of live tests, for the weekly growth curve. */
  testCreationDates(workspaceId: string, since: string) {
    return Promise.all([
      this.liveTests(workspaceId)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('createdAt', '<', since)
        .executeTakeFirstOrThrow(),
      this.liveTests(workspaceId).select('createdAt').where('createdAt', '>=', since).orderBy('createdAt').execute(),
    ]);
  }

  runs(workspaceId: string) {
    return this.liveRuns(workspaceId)
      .select([
        'id',
        'projectId',
        'type',
        'status',
        'startedAt',
        'passed',
        'failed',
        'total',
        'duration',
        'feedbackLoop',
      ])
      .orderBy('startedAt', 'desc')
      .orderBy('id', 'desc')
      .execute();
  }

  projectNames(workspaceId: string) {
    return this.db.selectFrom('projects').select(['id', 'name']).where('workspaceId', '=', workspaceId).execute();
  }

  /** Per-test results of the workspace's live test runs, oldest first (for flakiness and repair time). */
  results(workspaceId: string) {
    return this.db
      .selectFrom('run_results')
      .innerJoin('runs', 'runs.id', 'run_results.runId')
      .select([
        'run_results.testId',
        'run_results.status',
        'run_results.error',
        'run_results.failureCategory',
        'runs.startedAt',
      ])
      .where('runs.projectId', 'in', this.liveProjects(workspaceId))
      .where('runs.deletedAt', 'is', null)
      .where('runs.type', 'in', ['test_run', 'run'])
      .orderBy('runs.startedAt')
      .execute();
  }

  async healing(workspaceId: string) {
    const tests = this.db.selectFrom('tests').select('id').where('projectId', 'in', this.liveProjects(workspaceId));
    const row = await this.db
      .selectFrom('healing_history')
      .select([
        (eb) => eb.fn.countAll<number>().as('entries'),
        sql<number>`coalesce(sum(case when ${sql.ref('strategyIndex')} >= 0 and ${sql.ref('succeededAt')} is not null then 1 else 0 end), 0)`.as(
          'successes',
        ),
      ])
      .where('testId', 'in', tests)
      .executeTakeFirstOrThrow();
    return { entries: Number(row.entries), successes: Number(row.successes) };
  }

  /** `test.create`/`test.generate` activities that finished, since a moment. */
  async testsCreatedSince(workspaceId: string, since: string | undefined): Promise<number> {
    let query = this.db
      .selectFrom('activities')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('workspaceId', '=', workspaceId)
      .where('type', 'in', ['test.create', 'test.generate'])
      .where('status', '!=', 'running');
    if (since) query = query.where('createdAt', '>=', since);
    return Number((await query.executeTakeFirstOrThrow()).n);
  }
}
