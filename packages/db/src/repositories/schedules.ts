import type { Kysely, Selectable } from 'kysely';
import type { Database, JobTicksTable, SchedulesTable } from '../tables/index.js';

export type ScheduleRow = Selectable<SchedulesTable>;
export type JobTickRow = Selectable<JobTicksTable>;
export type DueSchedule = ScheduleRow & { workspaceId: string };

/** Project schedules and the claimed ticks of every recurring job. */
export class SchedulesRepository {
  constructor(private readonly db: Kysely<Database>) {}

  find(projectId: string): Promise<ScheduleRow | undefined> {
    return this.db.selectFrom('schedules').selectAll().where('projectId', '=', projectId).executeTakeFirst();
  }

  /** Create or replace: the id, `createdAt` and `lastRunAt` of an existing schedule survive. */
  async upsert(row: Omit<ScheduleRow, 'lastRunAt' | 'updatedAt'>, at: string): Promise<ScheduleRow> {
    const { cronExpr, timezone, enabled, nextRunAt } = row;
    await this.db
      .insertInto('schedules')
      .values({ ...row, lastRunAt: null, updatedAt: at })
      .onConflict((conflict) =>
        conflict.column('projectId').doUpdateSet({ cronExpr, timezone, enabled, nextRunAt, updatedAt: at }),
      )
      .execute();
    return (await this.find(row.projectId)) as ScheduleRow;
  }

  async remove(projectId: string): Promise<boolean> {
    const result = await this.db.deleteFrom('schedules').where('projectId', '=', projectId).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** Enabled schedules of live projects that are due at `now`. */
  due(now: string): Promise<DueSchedule[]> {
    return this.db
      .selectFrom('schedules')
      .innerJoin('projects', 'projects.id', 'schedules.projectId')
      .selectAll('schedules')
      .select('projects.workspaceId')
      .where('schedules.enabled', '=', 1)
      .where('projects.deletedAt', 'is', null)
      .where('schedules.nextRunAt', 'is not', null)
      .where('schedules.nextRunAt', '<=', now)
      .orderBy('schedules.nextRunAt')
      .execute();
  }

  /** How many schedules of the workspace's live projects are armed: enabled, with a next run. */
  async countArmed(workspaceId: string): Promise<number> {
    const row = await this.db
      .selectFrom('schedules')
      .innerJoin('projects', 'projects.id', 'schedules.projectId')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('projects.workspaceId', '=', workspaceId)
      .where('projects.deletedAt', 'is', null)
      .where('schedules.enabled', '=', 1)
      .where('schedules.nextRunAt', 'is not', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Moves the schedule on, only if nobody moved it already (a concurrent process or an edit). */
  async advance(projectId: string, from: string | null, next: string | null, at: string): Promise<void> {
    await this.db
      .updateTable('schedules')
      .set({ nextRunAt: next, updatedAt: at })
      .where('projectId', '=', projectId)
      .where('nextRunAt', from === null ? 'is' : '=', from)
      .execute();
  }

  async markRan(projectId: string, lastRunAt: string): Promise<void> {
    await this.db.updateTable('schedules').set({ lastRunAt }).where('projectId', '=', projectId).execute();
  }

  /**
   * Claims one due time of a job for this process. The primary key decides: of any number of
   * processes claiming the same tick, exactly one gets `true`.
   */
  async claimTick(tick: Omit<JobTickRow, 'runId' | 'detail'> & { detail?: string | null }): Promise<boolean> {
    const result = await this.db
      .insertInto('job_ticks')
      .values({ ...tick, runId: null, detail: tick.detail ?? null })
      .onConflict((conflict) => conflict.columns(['job', 'dueAt']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
  }

  async settleTick(job: string, dueAt: string, outcome: Pick<JobTickRow, 'outcome' | 'runId' | 'detail'>) {
    await this.db.updateTable('job_ticks').set(outcome).where('job', '=', job).where('dueAt', '=', dueAt).execute();
  }

  /** The latest ticks of a job, newest first. */
  ticks(job: string, limit = 20): Promise<JobTickRow[]> {
    return this.db
      .selectFrom('job_ticks')
      .selectAll()
      .where('job', '=', job)
      .orderBy('dueAt', 'desc')
      .limit(limit)
      .execute();
  }

  async lastTick(job: string): Promise<JobTickRow | undefined> {
    return (await this.ticks(job, 1))[0];
  }
}
