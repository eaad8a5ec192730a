import { AppError, type Clock } from '@sentri/core';
import type { CountersRepository, JobTickRow, ProjectsRepository, ScheduleRow, SchedulesRepository } from '@sentri/db';
import type { ActivityLog } from '../activities/activity-log.js';
import type { Principal, WorkspaceScope } from '../auth/access.js';
import { checkSchedule, nextRunAfter } from './cron.js';

export interface ScheduleBody {
  cronExpr?: unknown;
  timezone?: unknown;
  enabled?: unknown;
}

export const scheduleJob = (projectId: string) => `schedule:${projectId}`;

export function toScheduleView(row: ScheduleRow) {
  return {
    id: row.id,
    projectId: row.projectId,
    cronExpr: row.cronExpr,
    timezone: row.timezone,
    enabled: row.enabled === 1,
    lastRunAt: row.lastRunAt,
    nextRunAt: row.nextRunAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

const toTickView = (tick: JobTickRow) => ({
  dueAt: tick.dueAt,
  outcome: tick.outcome,
  runId: tick.runId,
  detail: tick.detail,
  recordedAt: tick.createdAt,
});

interface ScheduleServiceDeps {
  projects: ProjectsRepository;
  schedules: SchedulesRepository;
  counters: CountersRepository;
  activity: ActivityLog;
  clock: Clock;
}

/** A project's recurring run: one cron expression in one time zone. The scheduler fires it. */
export class ScheduleService {
  constructor(private readonly deps: ScheduleServiceDeps) {}

  async get(scope: WorkspaceScope, projectId: string) {
    await this.project(scope, projectId);
    const row = await this.deps.schedules.find(projectId);
    return { schedule: row ? toScheduleView(row) : null };
  }

  /** Create or replace. `nextRunAt` is computed even when disabled, so the UI can show it. */
  async set(actor: Principal, scope: WorkspaceScope, projectId: string, body: ScheduleBody) {
    const project = await this.project(scope, projectId);
    const zone = body.timezone ?? 'UTC';
    // Not String(): an object's toString may be missing (a 500), and ['UTC'] is no zone; as JSON, neither passes.
    const timezone = typeof zone === 'string' ? zone : JSON.stringify(zone);
    checkSchedule(body.cronExpr, timezone);
    const cronExpr = body.cronExpr.trim();
    const enabled = body.enabled === undefined ? true : Boolean(body.enabled);
    const now = this.deps.clock.now();
    const existing = await this.deps.schedules.find(projectId);
    const row = await this.deps.schedules.upsert(
      {
        id: existing?.id ?? (await this.deps.counters.nextId('schedule')),
        projectId,
        cronExpr,
        timezone,
        enabled: enabled ? 1 : 0,
        nextRunAt: nextRunAfter(cronExpr, timezone, now)?.toISOString() ?? null,
        createdAt: existing?.createdAt ?? now.toISOString(),
      },
      now.toISOString(),
    );
    await this.deps.activity.record(actor, {
      type: 'schedule.update',
      workspaceId: scope.id,
      projectId,
      projectName: project.name,
      detail: `${cronExpr} (${timezone})${enabled ? '' : ', disabled'}`,
    });
    return { ok: true as const, schedule: toScheduleView(row) };
  }

  async remove(actor: Principal, scope: WorkspaceScope, projectId: string) {
    const project = await this.project(scope, projectId);
    if (!(await this.deps.schedules.remove(projectId))) throw new AppError('SCHEDULE_NOT_FOUND');
    await this.deps.activity.record(actor, {
      type: 'schedule.delete',
      workspaceId: scope.id,
      projectId,
      projectName: project.name,
    });
    return { ok: true as const };
  }

  /** What became of the latest due times: started, skipped (and why) or missed while no scheduler ran. */
  async history(scope: WorkspaceScope, projectId: string, limit = 20) {
    await this.project(scope, projectId);
    return { ticks: (await this.deps.schedules.ticks(scheduleJob(projectId), limit)).map(toTickView) };
  }

  private async project(scope: WorkspaceScope, projectId: string) {
    const project = await this.deps.projects.findLive(scope.id, projectId);
    if (!project) throw new AppError('PROJECT_NOT_FOUND', 'Project not found');
    return project;
  }
}
