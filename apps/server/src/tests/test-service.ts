import { isDeepStrictEqual } from 'node:util';
import { AppError, type Clock } from '@sentri/core';
import { codeFromSteps } from '@sentri/engine';
import { createTwoFilesPatch } from 'diff';
import type {
  CountersRepository,
  ProjectRow,
  ProjectsRepository,
  TestChanges,
  TestRow,
  TestsRepository,
} from '@sentri/db';
import type { ActivityLog } from '../activities/activity-log.js';
import type { Principal, WorkspaceScope } from '../auth/access.js';
import {
  acceptedCode,
  invalid,
  parsePaging,
  parseSearch,
  parsePriority,
  parseSteps,
  parseTags,
  type TestStep,
} from './test-input.js';
import { toTestView, type TestView } from './test-view.js';
import { totalFromCounts, type TestCountsCache } from './test-counts-cache.js';

export type ReviewAction = 'approve' | 'reject' | 'restore';
const REVIEW: Record<ReviewAction, string> = { approve: 'approved', reject: 'rejected', restore: 'draft' };
const BULK_ACTIONS = ['approve', 'reject', 'restore', 'delete'];
const MAX_BULK = 500;

/** Manual tests, their review workflow and bulk actions (API.md §4.7, §4.8). */
export class TestService {
  constructor(
    private readonly tests: TestsRepository,
    private readonly projects: ProjectsRepository,
    private readonly counters: CountersRepository,
    private readonly activity: ActivityLog,
    private readonly countsCache: TestCountsCache,
    private readonly clock: Clock,
  ) {}

  /** Validation first, then the project lookup (so a bad body is a 400 even for an unknown project). */
  async create(actor: Principal, scope: WorkspaceScope, projectId: string, body: unknown): Promise<TestView> {
    if (!body || typeof body !== 'object') throw invalid('Request body is required.', 'body');
    const input = body as Record<string, unknown>;
    const name = typeof input.name === 'string' ? input.name.trim() : '';
    if (!name) throw invalid('Test name is required.', 'body.name');
    const steps = input.steps === undefined ? [] : parseSteps(input.steps);
    const priority = input.priority === undefined ? 'medium' : parsePriority(input.priority);
    if (input.type !== undefined && typeof input.type !== 'string')
      throw invalid('Type must be a string.', 'body.type');
    if (
      input.playwrightCode !== undefined &&
      input.playwrightCode !== null &&
      typeof input.playwrightCode !== 'string'
    ) {
      throw invalid('playwrightCode must be a string.', 'body.playwrightCode');
    }
    const project = await this.project(scope, projectId);
    const row = await this.tests.insert({
      id: await this.counters.nextId('test'),
      projectId: project.id,
      workspaceId: project.workspaceId,
      name,
      description: typeof input.description === 'string' ? input.description.trim() : '',
      steps: JSON.stringify(steps),
      playwrightCode:
        typeof input.playwrightCode === 'string' && input.playwrightCode.trim()
          ? acceptedCode(name, input.playwrightCode)
          : (codeFromSteps(name, steps) ?? null),
      priority,
      type: typeof input.type === 'string' && input.type.trim() ? input.type.trim().slice(0, 50) : 'manual',
      sourceUrl: project.url,
      pageTitle: project.name,
      createdAt: this.now(),
    });
    this.countsCache.invalidate(project.id);
    await this.record(actor, scope, 'test.create', project, row);
    return toTestView(row);
  }

  async listByProject(scope: WorkspaceScope, projectId: string, query: Record<string, unknown>) {
    const project = await this.project(scope, projectId);
    const paging = parsePaging(query);
    if (!paging) return (await this.tests.listByProject(project.id)).map(toTestView);
    const text = (key: string) =>
      typeof query[key] === 'string' && query[key] !== '' ? (query[key] as string) : undefined;
    const category = text('category');
    const reviewStatus = text('reviewStatus');
    const filters = {
      reviewStatus: reviewStatus && reviewStatus !== 'all' ? reviewStatus : undefined,
      category: category === 'api' || category === 'ui' ? (category as 'api' | 'ui') : undefined,
      search: parseSearch(text('search')),
      stale: query.stale === 'true' ? true : undefined,
    };
    const total = totalFromCounts(await this.cachedCounts(project.id), filters);
    const page = await this.tests.pageByProject(
      project.id,
      filters,
      paging.pageSize,
      (paging.page - 1) * paging.pageSize,
      total,
    );
    return envelope(page.rows.map(toTestView), page.total, paging);
  }

  async listByWorkspace(scope: WorkspaceScope, query: Record<string, unknown>) {
    const paging = parsePaging(query);
    const page = await this.tests.listByWorkspace(
      scope.id,
      paging && { limit: paging.pageSize, offset: (paging.page - 1) * paging.pageSize },
    );
    const views = page.rows.map(toTestView);
    return paging ? envelope(views, page.total, paging) : views;
  }

  async get(scope: WorkspaceScope, testId: string): Promise<TestView> {
    return toTestView(await this.find(scope, testId));
  }

  async counts(scope: WorkspaceScope, projectId: string) {
    return this.cachedCounts((await this.project(scope, projectId)).id);
  }

  private cachedCounts(projectId: string) {
    return this.countsCache.get(projectId, () => this.tests.counts(projectId));
  }

  /** A change of content (steps, name, description, code, priority) sends the test back to review. */
  async update(
    actor: Principal,
    scope: WorkspaceScope,
    testId: string,
    body: unknown,
  ): Promise<TestView & { _codeStale?: true }> {
    if (!body || typeof body !== 'object') throw invalid('Request body is required.', 'body');
    const input = body as Record<string, unknown>;
    const changes: TestChanges = {};
    if (input.name !== undefined) {
      if (typeof input.name !== 'string' || !input.name.trim())
        throw invalid('Name must be a non-empty string.', 'body.name');
      changes.name = input.name.trim();
    }
    if (typeof input.description === 'string') changes.description = input.description.trim();
    const steps = input.steps === undefined ? undefined : parseSteps(input.steps);
    if (input.priority !== undefined) changes.priority = parsePriority(input.priority);
    if (input.tags !== undefined) changes.tags = JSON.stringify(parseTags(input.tags));
    if (typeof input.linkedIssueKey === 'string')
      changes.linkedIssueKey = input.linkedIssueKey.trim().slice(0, 100) || null;
    if (input.playwrightCode !== undefined && typeof input.playwrightCode !== 'string') {
      throw invalid('playwrightCode must be a string.', 'body.playwrightCode');
    }

    const current = await this.find(scope, testId);
    if (steps !== undefined) changes.steps = JSON.stringify(steps);
    const code = this.nextCode(current, changes.name ?? current.name, steps, input);
    if (code.value !== undefined && code.value !== current.playwrightCode) {
      changes.playwrightCode = code.value;
      changes.playwrightCodePrev = current.playwrightCode;
    }
    const contentChanged =
      (changes.name !== undefined && changes.name !== current.name) ||
      (changes.description !== undefined && changes.description !== current.description) ||
      (changes.priority !== undefined && changes.priority !== current.priority) ||
      changes.playwrightCode !== undefined ||
      (steps !== undefined && !isDeepStrictEqual(steps, JSON.parse(current.steps)));
    if (contentChanged && current.reviewStatus !== 'draft') {
      changes.reviewStatus = 'draft';
      changes.reviewedAt = null;
    }
    const updated = await this.tests.update(current.id, changes, this.now());
    this.countsCache.invalidate(current.projectId);
    const project = await this.projects.findLive(scope.id, current.projectId);
    await this.record(actor, scope, 'test.edit', project, updated);
    const diff =
      changes.playwrightCode !== undefined
        ? {
            _codeDiff: createTwoFilesPatch(
              'before',
              'after',
              current.playwrightCode ?? '',
              changes.playwrightCode ?? '',
            ),
          }
        : {};
    return { ...toTestView(updated), ...diff, ...(code.stale ? { _codeStale: true as const } : {}) };
  }

  /**
   * The code after an edit. Code sent with the edit wins (in canonical form). Otherwise new
   * steps recompile the code when it was compiled from the old steps (or on `regenerateCode`);
   * code a person wrote is left alone and reported stale instead of being overwritten.
   */
  private nextCode(
    current: TestRow,
    name: string,
    steps: TestStep[] | undefined,
    input: Record<string, unknown>,
  ): { value?: string | null; stale?: boolean } {
    if (typeof input.playwrightCode === 'string') {
      return { value: input.playwrightCode.trim() ? acceptedCode(name, input.playwrightCode) : null };
    }
    const oldSteps = JSON.parse(current.steps) as TestStep[];
    const newSteps = steps ?? oldSteps;
    const renamedOrRestepped = name !== current.name || !isDeepStrictEqual(newSteps, oldSteps);
    if (!renamedOrRestepped && input.regenerateCode !== true) return {};
    const generated = codeFromSteps(name, newSteps);
    const wasGenerated =
      current.playwrightCode === null || current.playwrightCode === codeFromSteps(current.name, oldSteps);
    if (generated !== undefined && (wasGenerated || input.regenerateCode === true)) return { value: generated };
    return { stale: steps !== undefined && current.playwrightCode !== null };
  }

  async remove(actor: Principal, scope: WorkspaceScope, projectId: string, testId: string): Promise<{ ok: true }> {
    const project = await this.projectOr404(scope, projectId, 'not found');
    const [deleted] = await this.tests.softDelete(project.id, [testId], this.now());
    this.countsCache.invalidate(project.id);
    if (!deleted) throw new AppError('TEST_NOT_FOUND');
    await this.activity.record(actor, {
      type: 'test.delete',
      workspaceId: scope.id,
      projectId: project.id,
      projectName: project.name,
      testId: deleted.id,
      testName: deleted.name,
    });
    return { ok: true };
  }

  async review(
    actor: Principal,
    scope: WorkspaceScope,
    projectId: string,
    testId: string,
    action: ReviewAction,
  ): Promise<TestView> {
    const project = await this.projectOr404(scope, projectId, 'not found');
    const [updated] = await this.tests.setReview(
      project.id,
      [testId],
      REVIEW[action],
      action === 'restore' ? null : this.now(),
      this.now(),
    );
    this.countsCache.invalidate(project.id);
    if (!updated) throw new AppError('TEST_NOT_FOUND');
    await this.record(actor, scope, `test.${action}`, project, updated);
    return toTestView(updated);
  }

  /** Project lookup first, then validation; unknown, deleted or foreign ids are skipped silently. */
  async bulk(actor: Principal, scope: WorkspaceScope, projectId: string, body: unknown) {
    const project = await this.project(scope, projectId);
    if (!body || typeof body !== 'object') throw invalid('Request body is required.', 'body');
    const { testIds, action } = body as { testIds?: unknown; action?: unknown };
    if (!Array.isArray(testIds) || testIds.length === 0)
      throw invalid('testIds must be a non-empty array.', 'body.testIds');
    if (testIds.length > MAX_BULK) throw invalid(`Maximum ${MAX_BULK} tests per bulk action.`, 'body.testIds');
    if (!testIds.every((id) => typeof id === 'string')) throw invalid('Each testId must be a string.', 'body.testIds');
    if (typeof action !== 'string' || !BULK_ACTIONS.includes(action)) {
      throw invalid('Action must be approve, reject, restore, or delete.', 'body.action');
    }
    const ids = [...new Set(testIds as string[])];
    this.countsCache.invalidate(project.id);
    if (action === 'delete') {
      const deleted = await this.tests.softDelete(project.id, ids, this.now());
      if (deleted.length > 0)
        await this.activity.record(actor, {
          type: 'test.bulk_delete',
          workspaceId: scope.id,
          projectId: project.id,
          projectName: project.name,
          detail: `Deleted ${deleted.length} test(s)`,
        });
      return { deleted: deleted.length, tests: deleted };
    }
    const reviewAction = action as ReviewAction;
    const updated = await this.tests.setReview(
      project.id,
      ids,
      REVIEW[reviewAction],
      reviewAction === 'restore' ? null : this.now(),
      this.now(),
    );
    for (const test of updated) await this.record(actor, scope, `test.${reviewAction}`, project, test);
    if (updated.length > 0) {
      await this.activity.record(actor, {
        type: `test.bulk_${reviewAction}`,
        workspaceId: scope.id,
        projectId: project.id,
        projectName: project.name,
        detail: `${updated.length} test(s)`,
      });
    }
    return { updated: updated.length, tests: updated.map(toTestView) };
  }

  private async find(scope: WorkspaceScope, testId: string): Promise<TestRow> {
    const test = await this.tests.findLive(scope.id, testId);
    if (!test) throw new AppError('TEST_NOT_FOUND');
    return test;
  }

  private project(scope: WorkspaceScope, projectId: string): Promise<ProjectRow> {
    return this.projectOr404(scope, projectId, 'project not found');
  }

  private async projectOr404(scope: WorkspaceScope, projectId: string, message: string): Promise<ProjectRow> {
    const project = await this.projects.findLive(scope.id, projectId);
    if (!project) throw new AppError('PROJECT_NOT_FOUND', message);
    return project;
  }

  private record(
    actor: Principal,
    scope: WorkspaceScope,
    type: string,
    project: ProjectRow | undefined,
    test: TestRow,
  ) {
    return this.activity.record(actor, {
      type,
      workspaceId: scope.id,
      projectId: test.projectId,
      projectName: project?.name ?? null,
      testId: test.id,
      testName: test.name,
    });
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}

function envelope<T>(data: T[], total: number, paging: { page: number; pageSize: number }) {
  const offset = (paging.page - 1) * paging.pageSize;
  return { data, meta: { total, page: paging.page, pageSize: paging.pageSize, hasMore: offset + data.length < total } };
}
