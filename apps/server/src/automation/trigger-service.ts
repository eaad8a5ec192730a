import { createHash, randomBytes } from 'node:crypto';
import { AppError, checkOutboundUrl, type Clock } from '@sentri/core';
import type {
  CountersRepository,
  ProjectRow,
  ProjectsRepository,
  RunsRepository,
  TriggerTokensRepository,
} from '@sentri/db';
import type { ActivityLog } from '../activities/activity-log.js';
import type { Principal, WorkspaceScope } from '../auth/access.js';
import type { RunService } from '../runs/run-service.js';

const MAX_CALLBACK_URL = 2048;
const MAX_LABEL = 120;

export interface TriggerBody {
  callbackUrl?: unknown;
  dialsConfig?: unknown;
}

/** A project reached with a valid trigger token: what CI may act on. */
export interface TriggerAccess {
  project: ProjectRow;
  tokenId: string;
}

interface TriggerServiceDeps {
  projects: ProjectsRepository;
  tokens: TriggerTokensRepository;
  runsRepository: RunsRepository;
  runs: Pick<RunService, 'startProjectRun'>;
  counters: CountersRepository;
  activity: ActivityLog;
  clock: Clock;
  allowPrivateUrls: boolean;
  /** The dashboard's address, for links CI prints. */
  appUrl: string;
}

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * CI's way in: project-scoped tokens whose plaintext is shown once and stored only as a SHA-256
 * hash, a trigger that starts a regression run, and read access to that run's status, stream
 * and reports with the same token.
 */
export class TriggerService {
  constructor(private readonly deps: TriggerServiceDeps) {}

  async createToken(actor: Principal, scope: WorkspaceScope, projectId: string, body: { label?: unknown }) {
    const project = await this.project(scope, projectId);
    const label = typeof body.label === 'string' ? body.label.trim().slice(0, MAX_LABEL) || null : null;
    const token = randomBytes(40).toString('hex');
    const row = {
      id: await this.deps.counters.nextId('webhook'),
      projectId: project.id,
      tokenHash: hashOf(token),
      label,
      createdAt: this.deps.clock.now().toISOString(),
      lastUsedAt: null,
    };
    await this.deps.tokens.create(row);
    await this.deps.activity.record(actor, {
      type: 'project.trigger_token_create',
      workspaceId: scope.id,
      projectId: project.id,
      projectName: project.name,
      detail: `${row.id}${label ? ` (${label})` : ''}`,
    });
    return { id: row.id, token, label, createdAt: row.createdAt };
  }

  async listTokens(scope: WorkspaceScope, projectId: string) {
    const project = await this.project(scope, projectId);
    return this.deps.tokens.list(project.id);
  }

  async deleteToken(actor: Principal, scope: WorkspaceScope, projectId: string, tokenId: string) {
    const project = await this.project(scope, projectId);
    if (!(await this.deps.tokens.remove(project.id, tokenId))) throw new AppError('TRIGGER_TOKEN_NOT_FOUND');
    await this.deps.activity.record(actor, {
      type: 'project.trigger_token_delete',
      workspaceId: scope.id,
      projectId: project.id,
      projectName: project.name,
      detail: tokenId,
    });
    return { ok: true as const };
  }

  /** Checks `Authorization: Bearer <token>` for a project, reporting problems in the documented order. */
  async authenticate(authorization: string | undefined, projectId: string): Promise<TriggerAccess> {
    // HTTP drops trailing spaces, so "Bearer " arrives as "Bearer": an empty token, not a missing header.
    const match = /^Bearer(?:\s+(.*))?$/.exec(authorization ?? '');
    if (!match) throw new AppError('TRIGGER_AUTH_REQUIRED');
    const token = (match[1] ?? '').trim();
    if (!token) throw new AppError('TRIGGER_TOKEN_EMPTY');
    const row = await this.deps.tokens.findByHash(hashOf(token));
    if (!row) throw new AppError('TRIGGER_TOKEN_INVALID');
    const project = await this.deps.projects.findLiveById(projectId);
    if (!project) throw new AppError('PROJECT_NOT_FOUND');
    if (row.projectId !== project.id) throw new AppError('TRIGGER_TOKEN_FORBIDDEN');
    return { project, tokenId: row.id };
  }

  async trigger(access: TriggerAccess, body: TriggerBody, statusUrlOf: (runId: string) => string) {
    const callbackUrl = await this.checkCallback(body.callbackUrl);
    const parallelWorkers = parallelWorkersOf(body.dialsConfig);
    const { runId } = await this.deps.runs.startProjectRun(
      undefined,
      { id: access.project.workspaceId },
      access.project.id,
      parallelWorkers === undefined ? {} : { dialsConfig: { parallelWorkers } },
      { origin: 'ci', callbackUrl },
    );
    await this.deps.tokens.touch(access.tokenId, this.deps.clock.now().toISOString());
    return { runId, statusUrl: statusUrlOf(runId) };
  }

  /** A run of the token's project; another project's run is indistinguishable from a missing one. */
  async run(access: TriggerAccess, runId: string) {
    const run = await this.deps.runsRepository.findLive(access.project.workspaceId, runId);
    if (!run || run.projectId !== access.project.id) throw new AppError('RUN_NOT_FOUND', 'run not found');
    return run;
  }

  async status(access: TriggerAccess, runId: string) {
    const run = await this.run(access, runId);
    const results = await this.deps.runsRepository.results(run.id);
    const flaky = (JSON.parse(run.options ?? '{}') as { flaky?: number }).flaky ?? 0;
    return {
      id: run.id,
      status: run.status,
      passed: run.passed ?? 0,
      failed: run.failed ?? 0,
      total: run.total ?? 0,
      startedAt: run.startedAt,
      finishedAt: run.finishedAt,
      duration: run.duration,
      error: run.error,
      flaky,
      skipped: results.filter((result) => result.status === 'skipped').length,
      detailUrl: `${this.deps.appUrl}/runs/${run.id}`,
    };
  }

  private async checkCallback(value: unknown): Promise<string | null> {
    if (value === undefined || value === null || value === '') return null;
    if (typeof value !== 'string')
      throw new AppError('REQUEST_VALIDATION_FAILED', 'callbackUrl must be a string.', { field: 'callbackUrl' });
    if (value.length > MAX_CALLBACK_URL) throw new AppError('TRIGGER_CALLBACK_TOO_LONG');
    const check = await checkOutboundUrl(value, { allowPrivate: this.deps.allowPrivateUrls });
    if (!check.ok) throw new AppError('URL_REFUSED', `callbackUrl: ${check.reason}`, { field: 'callbackUrl' });
    return check.url.toString();
  }

  private async project(scope: WorkspaceScope, projectId: string) {
    const project = await this.deps.projects.findLive(scope.id, projectId);
    if (!project) throw new AppError('PROJECT_NOT_FOUND');
    return project;
  }
}

/**
 * `dialsConfig: {parallelWorkers?: number}`, as POST /projects/:id/run takes it: anything else is
 * refused rather than ignored, so a CI job never starts a run with settings other than it asked for.
 */
function parallelWorkersOf(dials: unknown): number | undefined {
  if (dials === undefined) return undefined;
  const invalid = (message: string, field: string) => new AppError('REQUEST_VALIDATION_FAILED', message, { field });
  if (typeof dials !== 'object' || dials === null || Array.isArray(dials))
    throw invalid('dialsConfig must be an object.', 'body.dialsConfig');
  const { parallelWorkers } = dials as { parallelWorkers?: unknown };
  if (parallelWorkers !== undefined && (typeof parallelWorkers !== 'number' || !Number.isFinite(parallelWorkers)))
    throw invalid('dialsConfig.parallelWorkers must be a number.', 'body.dialsConfig.parallelWorkers');
  return parallelWorkers;
}
