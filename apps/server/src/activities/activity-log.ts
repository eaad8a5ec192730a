import type { Clock } from '@sentri/core';
import type { ActivitiesRepository, ActivityRow, CountersRepository } from '@sentri/db';
import type { Principal } from '../auth/access.js';

export interface ActivityInput {
  type: string;
  workspaceId: string;
  projectId?: string | null;
  projectName?: string | null;
  testId?: string | null;
  testName?: string | null;
  detail?: string | null;
  status?: string;
}

/** Writes the audit trail: every mutation says who did what to which entity. */
export class ActivityLog {
  constructor(
    private readonly activities: ActivitiesRepository,
    private readonly counters: CountersRepository,
    private readonly clock: Clock,
  ) {}

  /** `actor` is undefined for what the system does on its own (schedules, CI triggers). */
  async record(actor: Principal | undefined, input: ActivityInput): Promise<void> {
    await this.activities.insert({
      id: await this.counters.nextId('activity'),
      type: input.type,
      workspaceId: input.workspaceId,
      projectId: input.projectId ?? null,
      projectName: input.projectName ?? null,
      testId: input.testId ?? null,
      testName: input.testName ?? null,
      detail: input.detail ?? null,
      status: input.status ?? 'completed',
      userId: actor?.userId ?? null,
      userName: actor ? actor.name || actor.email || actor.userId : null,
      createdAt: this.clock.now().toISOString(),
    });
  }

  /** Newest first; `limit` is clamped to 1–1000 (200 when absent or unreadable). */
  list(workspaceId: string, query: { type?: string; projectId?: string; limit?: string }): Promise<ActivityRow[]> {
    const requested = Number.parseInt(query.limit ?? '', 10);
    const limit = Number.isNaN(requested) || requested === 0 ? 200 : Math.min(1000, Math.max(1, requested));
    return this.activities.list(
      workspaceId,
      { type: query.type || undefined, projectId: query.projectId || undefined },
      limit,
    );
  }

  clear(workspaceId: string): Promise<number> {
    return this.activities.clear(workspaceId);
  }
}
