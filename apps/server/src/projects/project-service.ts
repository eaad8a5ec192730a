import { AppError, type Clock } from '@sentri/core';
import type { CountersRepository, ProjectRow, ProjectsRepository } from '@sentri/db';
import type { ActivityLog } from '../activities/activity-log.js';
import type { Principal, WorkspaceScope } from '../auth/access.js';
import type { SecretBox } from '../infra/secret-box.js';
import type { TestCountsCache } from '../tests/test-counts-cache.js';
import { parseCredentials, parseProjectName, parseProjectUrl, type ProjectCredentials } from './project-input.js';

export interface ProjectView {
  id: string;
  name: string;
  url: string;
  credentials: { usernameSelector: string; passwordSelector: string; submitSelector: string; _hasAuth: true } | null;
  failOnVisualRegression: boolean;
  status: string;
  workspaceId: string;
  createdAt: string;
  updatedAt: string;
}

/** The apps under test. Sign-in credentials are sealed at rest and never sent back. */
export class ProjectService {
  constructor(
    private readonly projects: ProjectsRepository,
    private readonly counters: CountersRepository,
    private readonly activity: ActivityLog,
    private readonly box: SecretBox,
    private readonly testCounts: TestCountsCache,
    private readonly clock: Clock,
    private readonly allowPrivateUrls = true,
  ) {}

  async create(actor: Principal, scope: WorkspaceScope, body: unknown): Promise<ProjectView> {
    if (!body || typeof body !== 'object') throw invalid('Request body is required.', 'body');
    const input = body as Record<string, unknown>;
    const name = parseProjectName(input.name);
    const url = parseProjectUrl(input.url, this.allowPrivateUrls);
    const credentials =
      input.credentials === undefined || input.credentials === null ? null : parseCredentials(input.credentials);
    const project = await this.projects.insert({
      id: await this.counters.nextId('project'),
      workspaceId: scope.id,
      name,
      url,
      credentials: credentials ? this.seal(credentials) : null,
      createdAt: this.clock.now().toISOString(),
    });
    await this.activity.record(actor, {
      type: 'project.create',
      workspaceId: scope.id,
      projectId: project.id,
      projectName: name,
    });
    return this.toView(project);
  }

  async list(scope: WorkspaceScope): Promise<ProjectView[]> {
    return (await this.projects.listAllLive(scope.id)).map((project) => this.toView(project));
  }

  async get(scope: WorkspaceScope, id: string): Promise<ProjectView> {
    return this.toView(await this.find(scope, id));
  }

  /** Name, URL and credentials; credential fields left out keep their value, `credentials: null` removes them. */
  async update(
    actor: Principal,
    scope: WorkspaceScope,
    id: string,
    body: Record<string, unknown>,
  ): Promise<ProjectView> {
    const current = await this.find(scope, id);
    const changes: Partial<Pick<ProjectRow, 'name' | 'url' | 'credentials' | 'failOnVisualRegression'>> = {};
    if (body.failOnVisualRegression !== undefined) {
      if (typeof body.failOnVisualRegression !== 'boolean')
        throw invalid('failOnVisualRegression must be true or false.', 'body.failOnVisualRegression');
      changes.failOnVisualRegression = body.failOnVisualRegression ? 1 : 0;
    }
    if (body.name !== undefined) changes.name = parseProjectName(body.name);
    if (body.url !== undefined) changes.url = parseProjectUrl(body.url, this.allowPrivateUrls);
    if (body.credentials === null) changes.credentials = null;
    else if (body.credentials !== undefined) {
      const merged = {
        ...(current.credentials ? this.open(current.credentials) : {}),
        ...parseCredentials(body.credentials),
      };
      changes.credentials = this.seal(merged);
    }
    if (Object.keys(changes).length === 0) throw invalid('No valid fields to update.', 'body');
    const updated = await this.projects.update(scope.id, id, changes, this.clock.now().toISOString());
    if (!updated) throw new AppError('PROJECT_NOT_FOUND');
    const fields = Object.keys(changes).join(', ');
    await this.activity.record(actor, {
      type: 'project.update',
      workspaceId: scope.id,
      projectId: id,
      projectName: updated.name,
      detail: `Changed ${fields}`,
    });
    return this.toView(updated);
  }

  async remove(actor: Principal, scope: WorkspaceScope, id: string) {
    const project = await this.find(scope, id);
    const result = await this.projects.softDelete(scope.id, id, this.clock.now().toISOString());
    if (result.outcome === 'not_found') throw new AppError('PROJECT_NOT_FOUND');
    if (result.outcome === 'active_run') throw new AppError('PROJECT_RUN_ACTIVE', undefined, { runId: result.runId });
    this.testCounts.invalidate(id);
    const { outcome: _deleted, ...counts } = result;
    await this.activity.record(actor, {
      type: 'project.delete',
      workspaceId: scope.id,
      projectId: id,
      projectName: project.name,
      detail: `Moved to the recycle bin with ${counts.deletedTests} test(s) and ${counts.deletedRuns} run(s)`,
    });
    return { ok: true as const, ...counts };
  }

  /** Another workspace's project is indistinguishable from one that does not exist. */
  private async find(scope: WorkspaceScope, id: string): Promise<ProjectRow> {
    const project = await this.projects.findLive(scope.id, id);
    if (!project) throw new AppError('PROJECT_NOT_FOUND');
    return project;
  }

  private seal(credentials: ProjectCredentials): string {
    return JSON.stringify({
      ...credentials,
      username: this.box.seal(credentials.username ?? ''),
      password: this.box.seal(credentials.password ?? ''),
      _encrypted: true,
    });
  }

  private open(stored: string): ProjectCredentials {
    const sealed = JSON.parse(stored) as ProjectCredentials;
    return {
      ...sealed,
      username: this.box.open(sealed.username ?? ''),
      password: this.box.open(sealed.password ?? ''),
    };
  }

  /** The API form: credential secrets are never part of it. */
  toView(project: ProjectRow): ProjectView {
    const stored = project.credentials ? (JSON.parse(project.credentials) as ProjectCredentials) : null;
    return {
      id: project.id,
      name: project.name,
      url: project.url,
      credentials: stored
        ? {
            usernameSelector: stored.usernameSelector ?? '',
            passwordSelector: stored.passwordSelector ?? '',
            submitSelector: stored.submitSelector ?? '',
            _hasAuth: true,
          }
        : null,
      failOnVisualRegression: project.failOnVisualRegression === 1,
      status: project.status,
      workspaceId: project.workspaceId,
      createdAt: project.createdAt,
      updatedAt: project.updatedAt,
    };
  }
}

const invalid = (message: string, field: string) => new AppError('REQUEST_VALIDATION_FAILED', message, { field });
