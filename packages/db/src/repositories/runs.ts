import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database, RunEventsTable, RunResultsTable, RunsTable } from '../tables/index.js';
import type { Page } from './projects.js';

export type RunRow = Selectable<RunsTable>;
export type RunResultRow = Selectable<RunResultsTable>;
export type RunEventRow = Selectable<RunEventsTable>;
export type NewRun = Pick<
  Insertable<RunsTable>,
  'id' | 'projectId' | 'workspaceId' | 'type' | 'triggeredBy' | 'startedAt' | 'total' | 'testQueue' | 'parallelWorkers'
> &
  Partial<
    Pick<
      Insertable<RunsTable>,
      'browser' | 'networkCondition' | 'options' | 'passed' | 'failed' | 'origin' | 'callbackUrl'
    >
  >;
export type RunChanges = Omit<Updateable<RunsTable>, 'id' | 'projectId' | 'workspaceId'>;
export type NewRunResult = Omit<Insertable<RunResultsTable>, 'id'>;
export type NewRunEvent = Omit<Insertable<RunEventsTable>, 'id'>;

export type StartOutcome = { started: RunRow } | { activeRunId: string };
/** A result with the run it belongs to (`GET /tests/:testId/results`). */
export type TestHistoryRow = RunResultRow & {
  runType: string;
  runStatus: string;
  runStartedAt: string;
  runFinishedAt: string | null;
  runBrowser: string | null;
  runOptions: string | null;
};

/** Runs, their per-test results and their event log. */
export class RunsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Inserts a run as `running` unless the project already has one. The partial unique index
   * (one running run per project) is the real guard; the look-up first gives a clean answer in
   * the common case, and a lost race still ends as "active" instead of an error.
   */
  async start(run: NewRun): Promise<StartOutcome> {
    const active = await this.activeRunId(run.projectId);
    if (active) return { activeRunId: active };
    try {
      const started = await this.db
        .insertInto('runs')
        .values({ status: 'running', ...run })
        .returningAll()
        .executeTakeFirstOrThrow();
      return { started };
    } catch (error) {
      const raced = await this.activeRunId(run.projectId);
      if (raced) return { activeRunId: raced };
      throw error;
    }
  }

  async activeRunId(projectId: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('runs')
      .select('id')
      .where('projectId', '=', projectId)
      .where('status', '=', 'running')
      .executeTakeFirst();
    return row?.id;
  }

  /** A live run whose live project belongs to the workspace. */
  findLive(workspaceId: string, runId: string): Promise<RunRow | undefined> {
    return this.db
      .selectFrom('runs')
      .innerJoin('projects', 'projects.id', 'runs.projectId')
      .selectAll('runs')
      .where('runs.id', '=', runId)
      .where('runs.deletedAt', 'is', null)
      .where('projects.workspaceId', '=', workspaceId)
      .where('projects.deletedAt', 'is', null)
      .executeTakeFirst();
  }

  findById(runId: string): Promise<RunRow | undefined> {
    return this.db.selectFrom('runs').selectAll().where('id', '=', runId).executeTakeFirst();
  }

  async listByProject(projectId: string, page?: { limit: number; offset: number }): Promise<Page<RunRow>> {
    const live = this.db.selectFrom('runs').where('projectId', '=', projectId).where('deletedAt', 'is', null);
    const rows = live.selectAll().orderBy('startedAt', 'desc').orderBy('id', 'desc');
    if (!page) {
      const all = await rows.execute();
      return { rows: all, total: all.length };
    }
    const [pageRows, count] = await Promise.all([
      rows.limit(page.limit).offset(page.offset).execute(),
      live.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows: pageRows, total: Number(count.n) };
  }

  async update(runId: string, changes: RunChanges): Promise<void> {
    await this.db.updateTable('runs').set(changes).where('id', '=', runId).execute();
  }

  /**
   * Moves a running run to a final status; false when it already left `running` (an abort and
   * the end of execution race, and only the first may decide how the run ended).
   */
  async finish(runId: string, changes: RunChanges & { status: string }): Promise<boolean> {
    const result = await this.db
      .updateTable('runs')
      .set(changes)
      .where('id', '=', runId)
      .where('status', '=', 'running')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Every run still `running` becomes `interrupted`: the process that ran it is gone. */
  async interruptAll(error: string, at: string): Promise<string[]> {
    const rows = await this.db
      .updateTable('runs')
      .set({ status: 'interrupted', error, finishedAt: at })
      .where('status', '=', 'running')
      .returning('id')
      .execute();
    return rows.map((row) => row.id);
  }

  async insertResult(result: NewRunResult): Promise<void> {
    await this.db.insertInto('run_results').values(result).execute();
  }

  results(runId: string): Promise<RunResultRow[]> {
    return this.db.selectFrom('run_results').selectAll().where('runId', '=', runId).orderBy('position').execute();
  }

  /**
   * One test's results across the project's live runs, newest run first, with the run each came
   * from. Read through the `run_results.testId` index, so a long run history costs one query.
   */
  historyOfTest(projectId: string, testId: string, limit: number): Promise<TestHistoryRow[]> {
    return this.db
      .selectFrom('run_results')
      .innerJoin('runs', 'runs.id', 'run_results.runId')
      .selectAll('run_results')
      .select([
        'runs.type as runType',
        'runs.status as runStatus',
        'runs.startedAt as runStartedAt',
        'runs.finishedAt as runFinishedAt',
        'runs.browser as runBrowser',
        'runs.options as runOptions',
      ])
      .where('run_results.testId', '=', testId)
      .where('runs.projectId', '=', projectId)
      .where('runs.deletedAt', 'is', null)
      .orderBy('runs.startedAt', 'desc')
      .orderBy('runs.id', 'desc')
      .orderBy('run_results.position', 'desc')
      .limit(limit)
      .execute();
  }

  async appendEvents(events: NewRunEvent[]): Promise<void> {
    if (events.length > 0) await this.db.insertInto('run_events').values(events).execute();
  }

  eventsAfter(runId: string, seq: number, types?: string[]): Promise<RunEventRow[]> {
    let query = this.db.selectFrom('run_events').selectAll().where('runId', '=', runId).where('seq', '>', seq);
    if (types) query = query.where('type', 'in', types);
    return query.orderBy('seq').execute();
  }

  async lastSeq(runId: string): Promise<number> {
    const row = await this.db
      .selectFrom('run_events')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .where('runId', '=', runId)
      .executeTakeFirst();
    return Number(row?.seq ?? 0);
  }

  /** Results of the project's last finished runs, newest first: the input of flaky scores. */
  recentResults(projectId: string, runs: number): Promise<Pick<RunResultRow, 'runId' | 'testId' | 'status'>[]> {
    const recent = this.db
      .selectFrom('runs')
      .select('id')
      .where('projectId', '=', projectId)
      .where('type', '=', 'test_run')
      .where('status', '=', 'completed')
      .where('deletedAt', 'is', null)
      .orderBy('startedAt', 'desc')
      .limit(runs);
    return this.db
      .selectFrom('run_results')
      .select(['runId', 'testId', 'status'])
      .where('runId', 'in', recent)
      .execute();
  }
}
