import { AppError, type ArtifactStore } from '@sentri/core';
import type { BinType, RecycleBinRepository, RunRow, WorkspaceDataRepository } from '@sentri/db';
import type { ActivityLog } from '../activities/activity-log.js';
import type { Principal, WorkspaceScope } from '../auth/access.js';
import type { ProjectService } from '../projects/project-service.js';
import type { TestCountsCache } from '../tests/test-counts-cache.js';
import { toTestView } from '../tests/test-view.js';

const TYPES: BinType[] = ['project', 'test', 'run'];

/** What was deleted, and the way back (API.md §4.19); plus the admin's bulk clean-up (§4.17). */
export class RecycleBinService {
  constructor(
    private readonly bin: RecycleBinRepository,
    private readonly data: WorkspaceDataRepository,
    private readonly projects: ProjectService,
    private readonly activity: ActivityLog,
    private readonly testCounts: TestCountsCache,
    private readonly artifacts: ArtifactStore,
  ) {}

  async list(scope: WorkspaceScope) {
    const { projects, tests, runs } = await this.bin.list(scope.id);
    return {
      projects: projects.map((project) => ({ ...this.projects.toView(project), deletedAt: project.deletedAt })),
      tests: tests.map((test) => ({ ...toTestView(test), deletedAt: test.deletedAt })),
      runs: runs.map(runSummary),
    };
  }

  async restore(actor: Principal, scope: WorkspaceScope, typeInput: string, id: string): Promise<{ ok: true }> {
    const type = parseType(typeInput);
    const item = await this.bin.find(scope.id, type, id);
    if (!item) throw new AppError('BIN_ITEM_NOT_FOUND', 'not found or not in recycle bin');
    if (type !== 'project' && item.projectDeletedAt) throw new AppError('BIN_PARENT_DELETED');
    await this.bin.restore(type, id);
    this.testCounts.invalidate(item.projectId);
    await this.activity.record(actor, {
      type: `${type}.restore`,
      workspaceId: scope.id,
      projectId: item.projectId,
      projectName: item.projectName,
      ...(type === 'test' ? { testId: id, testName: item.name } : {}),
      ...(type === 'run' ? { detail: `Restored ${id}` } : {}),
    });
    return { ok: true };
  }

  async purge(actor: Principal, scope: WorkspaceScope, typeInput: string, id: string): Promise<{ ok: true }> {
    const type = parseType(typeInput);
    const item = await this.bin.find(scope.id, type, id);
    if (!item) throw new AppError('BIN_ITEM_NOT_FOUND');
    const { runIds, testIds } = await this.bin.purge(type, id);
    await this.deleteFiles(runIds, testIds);
    this.testCounts.invalidate(item.projectId);
    // Written after the purge, so a project's purge record survives the removal of its activities.
    await this.activity.record(actor, {
      type: `${type}.purge`,
      workspaceId: scope.id,
      projectId: type === 'project' ? null : item.projectId,
      projectName: item.projectName,
      ...(type === 'test' ? { testId: id, testName: item.name } : {}),
      detail: `Permanently deleted ${type} ${id}`,
    });
    return { ok: true };
  }

  async clearRuns(actor: Principal, scope: WorkspaceScope): Promise<{ ok: true; cleared: number }> {
    const runIds = await this.data.clearRuns(scope.id);
    await this.deleteFiles(runIds, []);
    const cleared = runIds.length;
    await this.activity.record(actor, {
      type: 'settings.update',
      workspaceId: scope.id,
      detail: `Cleared ${cleared} run(s)`,
    });
    return { ok: true, cleared };
  }

  /** Evidence of deleted runs and baselines of deleted tests; a file that cannot go is logged, not fatal. */
  private async deleteFiles(runIds: string[], testIds: string[]): Promise<void> {
    const prefixes = [...runIds.map((id) => `runs/${id}`), ...testIds.map((id) => `baselines/${id}`)];
    for (const prefix of prefixes) await this.artifacts.deletePrefix(prefix).catch(() => undefined);
  }

  async clearHealing(actor: Principal, scope: WorkspaceScope): Promise<{ ok: true; cleared: number }> {
    const cleared = await this.data.clearHealing(scope.id);
    await this.activity.record(actor, {
      type: 'settings.update',
      workspaceId: scope.id,
      detail: `Cleared ${cleared} healing entr${cleared === 1 ? 'y' : 'ies'}`,
    });
    return { ok: true, cleared };
  }
}

function parseType(value: string): BinType {
  if ((TYPES as string[]).includes(value)) return value as BinType;
  throw new AppError('REQUEST_VALIDATION_FAILED', 'type must be project, test, or run', { field: 'params.type' });
}

function runSummary(run: RunRow) {
  return {
    id: run.id,
    projectId: run.projectId,
    type: run.type,
    status: run.status,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    passed: run.passed,
    failed: run.failed,
    total: run.total,
    deletedAt: run.deletedAt,
  };
}
