import { AppError, type Clock } from '@sentri/core';
import type { DueSchedule, SchedulesRepository, TestsRepository } from '@sentri/db';
import type { Logger } from 'pino';
import type { ActivityLog } from '../activities/activity-log.js';
import type { Config } from '../config/index.js';
import type { RunService } from '../runs/run-service.js';
import type { TestCountsCache } from '../tests/test-counts-cache.js';
import { countRunsBetween, nextRunAfter } from './cron.js';
import { scheduleJob } from './schedule-service.js';

interface SchedulerDeps {
  schedules: SchedulesRepository;
  tests: TestsRepository;
  runs: Pick<RunService, 'startProjectRun'>;
  activity: ActivityLog;
  countsCache: Pick<TestCountsCache, 'clear'>;
  clock: Clock;
  logger: Logger;
  config: Config;
  /** Names this process in the claims it makes. */
  instanceId: string;
}

export interface PollReport {
  started: string[];
  skipped: number;
  missed: number;
  staleSweep?: StaleSweep;
}

export interface StaleSweep {
  flagged: number;
  cleared: number;
  staleDays: number;
}

const STALE_SWEEP_JOB = 'stale-sweep';
const SKIPPED_BY_CODE: Record<string, string> = {
  RUN_ALREADY_ACTIVE: 'skipped_active',
  RUN_NO_TESTS: 'skipped_no_tests',
  RUN_NO_APPROVED_TESTS: 'skipped_no_tests',
  PROJECT_NOT_FOUND: 'skipped_no_project',
};

/**
 * Fires due schedules by polling the database, so any number of processes may run it: each due
 * time is claimed with an insert only one process can win, and the schedule is moved on with a
 * compare-and-set. A due time found long after it passed (no scheduler was running) is recorded
 * as missed, with how many runs were missed, instead of being dropped or replayed in a burst.
 */
export class Scheduler {
  #timer: NodeJS.Timeout | undefined;
  #chain: Promise<unknown> = Promise.resolve();
  #staleNext: Date | null | undefined;

  constructor(private readonly deps: SchedulerDeps) {}

  start(): void {
    if (this.#timer) return;
    // A failed pass (the database briefly away) is logged by poll(); it must not become an
    // unhandled rejection, which would end the process.
    this.#timer = setInterval(() => this.poll().catch(() => undefined), this.deps.config.automation.pollMs);
    this.#timer.unref();
  }

  stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  /** One pass over everything due now. Passes in one process never overlap. */
  poll(): Promise<PollReport> {
    const pass = this.#chain.then(() => this.#pollOnce());
    this.#chain = pass.catch((error: unknown) => this.deps.logger.error({ err: error }, 'scheduler pass failed'));
    return pass;
  }

  async #pollOnce(): Promise<PollReport> {
    const now = this.deps.clock.now();
    const report: PollReport = { started: [], skipped: 0, missed: 0 };
    for (const schedule of await this.deps.schedules.due(now.toISOString())) {
      const outcome = await this.#fire(schedule, now);
      if (outcome === 'missed') report.missed += 1;
      else if (outcome === 'skipped') report.skipped += 1;
      else if (outcome) report.started.push(outcome.runId);
    }
    const sweep = await this.#staleSweepIfDue(now);
    if (sweep) report.staleSweep = sweep;
    return report;
  }

  async #fire(schedule: DueSchedule, now: Date) {
    const dueAt = schedule.nextRunAt as string;
    const job = scheduleJob(schedule.projectId);
    const at = now.toISOString();
    const next = nextRunAfter(schedule.cronExpr, schedule.timezone, now)?.toISOString() ?? null;
    const claimed = await this.deps.schedules.claimTick({
      job,
      dueAt,
      projectId: schedule.projectId,
      outcome: 'claimed',
      claimedBy: this.deps.instanceId,
      createdAt: at,
    });
    // Moved on whoever claimed it: a process that died between claim and advance cannot stall it.
    await this.deps.schedules.advance(schedule.projectId, dueAt, next, at);
    if (!claimed) return undefined;

    const late = now.getTime() - Date.parse(dueAt);
    if (late > this.deps.config.automation.missedAfterMs) {
      const count = countRunsBetween(schedule.cronExpr, schedule.timezone, new Date(Date.parse(dueAt) - 1), now);
      const detail = `Missed ${count} scheduled run(s) due between ${dueAt} and ${at}: no scheduler was running.`;
      await this.deps.schedules.settleTick(job, dueAt, { outcome: 'missed', runId: null, detail });
      await this.deps.activity.record(undefined, {
        type: 'scheduled_run.missed',
        workspaceId: schedule.workspaceId,
        projectId: schedule.projectId,
        status: 'failed',
        detail,
      });
      this.deps.logger.warn({ projectId: schedule.projectId, dueAt, missed: count }, 'scheduled runs were missed');
      return 'missed' as const;
    }

    try {
      const { runId } = await this.deps.runs.startProjectRun(
        undefined,
        { id: schedule.workspaceId },
        schedule.projectId,
        {},
        { origin: 'schedule' },
      );
      await this.deps.schedules.settleTick(job, dueAt, { outcome: 'started', runId, detail: null });
      return { runId };
    } catch (error) {
      const skipped = error instanceof AppError ? SKIPPED_BY_CODE[error.code] : undefined;
      const detail = error instanceof Error ? error.message : String(error);
      const runId = error instanceof AppError && typeof error.details?.runId === 'string' ? error.details.runId : null;
      await this.deps.schedules.settleTick(job, dueAt, { outcome: skipped ?? 'failed', runId, detail });
      if (skipped) this.deps.logger.info({ projectId: schedule.projectId, reason: skipped }, 'scheduled run skipped');
      else this.deps.logger.error({ err: error, projectId: schedule.projectId }, 'scheduled run could not start');
      return 'skipped' as const;
    }
  }

  /** The weekly sweep that flags approved tests nobody has run for STALE_TEST_DAYS. */
  async #staleSweepIfDue(now: Date): Promise<StaleSweep | undefined> {
    const { staleSweepCron } = this.deps.config.automation;
    // Armed on the first pass, never run at start-up: it waits for its next due time.
    if (this.#staleNext === undefined) this.#staleNext = nextRunAfter(staleSweepCron, 'UTC', now);
    const due = this.#staleNext;
    if (!due || now < due) return undefined;
    this.#staleNext = nextRunAfter(staleSweepCron, 'UTC', now);
    const claimed = await this.deps.schedules.claimTick({
      job: STALE_SWEEP_JOB,
      dueAt: due.toISOString(),
      projectId: null,
      outcome: 'claimed',
      claimedBy: this.deps.instanceId,
      createdAt: now.toISOString(),
    });
    if (!claimed) return undefined;
    const sweep = await this.sweepStale(now);
    await this.deps.schedules.settleTick(STALE_SWEEP_JOB, due.toISOString(), {
      outcome: 'done',
      runId: null,
      detail: JSON.stringify(sweep),
    });
    return sweep;
  }

  async sweepStale(now: Date): Promise<StaleSweep> {
    const staleDays = this.deps.config.automation.staleTestDays;
    const cutoff = new Date(now.getTime() - staleDays * 86_400_000).toISOString();
    const result = await this.deps.tests.flagStale(cutoff);
    this.deps.countsCache.clear();
    this.deps.logger.info({ ...result, staleDays }, 'stale tests swept');
    return { ...result, staleDays };
  }
}
