import { AppError } from '@sentri/core';
import type { CountersRepository, ProjectsRepository, RunRow, TestRow } from '@sentri/db';
import { failCrashedRun, refusalOf, skipUnfinished, testRunJob } from './test-run-lifecycle.js';
import type { ActivityLog } from '../activities/activity-log.js';
import type { Lifecycle } from '../lifecycle.js';
import type { Principal, WorkspaceScope } from '../auth/access.js';
import type { TestCountsCache } from '../tests/test-counts-cache.js';
import type { FeedbackService } from '../discovery/feedback-service.js';
import { computeFlakyScores } from './flaky-scores.js';
import { JobRunner } from './job-runner.js';
import type { RunEventHub } from './run-event-hub.js';
import { RunJournal } from './run-journal.js';
import { resolveRunOptions, type RunOptions, type RunRequestBody } from './run-options.js';
import { toRunSummary, toRunView } from './run-view.js';
import { executeTestRun, type ExecutorDeps } from './test-run-executor.js';
import type { RunnableProject } from './test-run-lifecycle.js';

interface RunServiceDeps extends ExecutorDeps {
  projects: ProjectsRepository;
  counters: CountersRepository;
  hub: RunEventHub;
  activity: ActivityLog;
  countsCache: TestCountsCache;
  lifecycle: Lifecycle;
  /** Proposes repaired drafts for tests that failed on locators or timing (needs an AI provider). */
  feedback?: { afterRun: FeedbackService['afterRun'] };
  /** Told once a test run has ended, however it ended: notifications and CI callbacks. */
  outcomes?: { afterRun(runId: string): Promise<unknown> };
}

/** Who started a test run: a user (the whole project, or one `test`), a schedule, or CI. */
export type RunOrigin = 'user' | 'test' | 'schedule' | 'ci';
export interface RunLaunch {
  origin: RunOrigin;
  callbackUrl?: string | null;
}
type Scope = Pick<WorkspaceScope, 'id'>;

const ACTIVE_MESSAGE = (runId: string) =>
  `A run is already in progress (${runId}). Please wait for it to finish or abort it first.`;

/** Test runs: starting them (one active run per project), reading them, aborting them. */
export class RunService {
  readonly jobs: JobRunner;

  constructor(private readonly deps: RunServiceDeps) {
    this.jobs = new JobRunner(deps.config.queue.maxWorkers, deps.logger);
    deps.hub.onAbortRequest((runId) => void this.abortRequested(runId));
  }

  /** Runs left `running` by a process that is gone can never finish: say so. */
  async interruptOrphans(): Promise<string[]> {
    const ids = await this.deps.runs.interruptAll('Server restarted while run was in progress', this.now());
    if (ids.length > 0) this.deps.logger.warn({ runs: ids }, 'runs interrupted by a restart');
    // A CI job still waiting for one of them hears how it ended.
    for (const id of ids) void this.ended(id);
    return ids;
  }

  /** `actor` is undefined when a schedule or a CI token starts the run. */
  async startProjectRun(
    actor: Principal | undefined,
    scope: Scope,
    projectId: string,
    body: RunRequestBody,
    launch: RunLaunch = { origin: 'user' },
  ) {
    const project = await this.deps.projects.findLive(scope.id, projectId);
    if (!project) throw new AppError('PROJECT_NOT_FOUND');
    const active = await this.deps.runs.activeRunId(project.id);
    if (active) throw new AppError('RUN_ALREADY_ACTIVE', ACTIVE_MESSAGE(active), { runId: active });
    const options = resolveRunOptions(body, this.deps.config);
    const tests = await this.deps.tests.listByProject(project.id);
    if (tests.length === 0) throw new AppError('RUN_NO_TESTS');
    const approved = tests.filter((test) => test.reviewStatus === 'approved');
    if (approved.length === 0) throw new AppError('RUN_NO_APPROVED_TESTS');
    return this.start(actor, scope, project, approved, options, launch);
  }

  /** One test, whatever its review status: how a reviewer checks a draft before approving it. */
  async startTestRun(actor: Principal, scope: WorkspaceScope, testId: string) {
    const test = await this.deps.tests.findLive(scope.id, testId);
    if (!test) throw new AppError('TEST_NOT_FOUND', 'test not found');
    const project = await this.deps.projects.findLive(scope.id, test.projectId);
    if (!project) throw new AppError('PROJECT_NOT_FOUND', 'project not found');
    const active = await this.deps.runs.activeRunId(project.id);
    if (active) throw new AppError('RUN_ALREADY_ACTIVE', ACTIVE_MESSAGE(active), { runId: active });
    const refusal = refusalOf(test, this.deps.config.crawl.allowPrivateUrls);
    if (refusal) throw new AppError('TEST_CODE_REFUSED', refusal, { testId: test.id });
    return this.start(
      actor,
      scope,
      project,
      [test],
      resolveRunOptions({ dialsConfig: { parallelWorkers: 1 } }, this.deps.config),
      { origin: 'test' },
    );
  }

  async list(scope: WorkspaceScope, projectId: string, page?: { limit: number; offset: number }) {
    const project = await this.deps.projects.findLive(scope.id, projectId);
    if (!project) throw new AppError('PROJECT_NOT_FOUND');
    const { rows, total } = await this.deps.runs.listByProject(project.id, page);
    return { rows: rows.map(toRunSummary), total };
  }

  async get(scope: WorkspaceScope, runId: string) {
    const run = await this.deps.runs.findLive(scope.id, runId);
    if (!run) throw new AppError('RUN_NOT_FOUND');
    return this.view(run);
  }

  /** The run as a client sees it, and the event position it reflects. */
  async view(run: RunRow) {
    const seq = await this.deps.runs.lastSeq(run.id);
    const [results, logs] = await Promise.all([
      this.deps.runs.results(run.id),
      this.deps.runs.eventsAfter(run.id, 0, ['log']),
    ]);
    const lines = logs
      .filter((event) => event.seq <= seq)
      .map((event) => `[${event.createdAt}] ${event.message ?? ''}`);
    return Object.assign(toRunView(run, results, lines), { lastEventId: seq });
  }

  async abort(actor: Principal, scope: WorkspaceScope, runId: string) {
    const run = await this.deps.runs.findLive(scope.id, runId);
    if (!run) throw new AppError('RUN_NOT_FOUND');
    const at = this.deps.clock.now();
    const stopped = await this.deps.runs.finish(run.id, {
      status: 'aborted',
      finishedAt: at.toISOString(),
      duration: at.getTime() - Date.parse(run.startedAt),
      error: 'Aborted by user',
    });
    if (!stopped) throw new AppError('RUN_NOT_ACTIVE');
    // The process executing the run stops it and writes its end, so the run's log has one writer:
    // this one, or the one that hears the request on Redis. Without either, nobody runs it any more.
    if (!(await this.stopHere(run)) && !(await this.deps.hub.requestAbort(run.id))) await this.closeUnowned(run);
    await this.deps.activity.record(actor, {
      type: `${run.type}.abort`,
      workspaceId: scope.id,
      projectId: run.projectId,
      detail: `Aborted ${run.id}`,
    });
    return { ok: true as const };
  }

  /** Stops the run's job if this process executes it; false when it does not. */
  private async stopHere(run: RunRow): Promise<boolean> {
    const job = this.jobs.get(run.id);
    if (!job) return false;
    const journal = this.journals.get(run.id) ?? (await this.journalFor(run.id));
    await journal.log('⛔ Aborted by user', 'warn');
    job.abort();
    // Results still being stored land before the skipped ones are filled in.
    void job.done
      .then(() => this.closeAborted(run, journal))
      .catch((error: unknown) =>
        this.deps.logger.error({ err: error, runId: run.id }, 'closing an aborted run failed'),
      );
    return true;
  }

  private async closeUnowned(run: RunRow) {
    const journal = this.journals.get(run.id) ?? (await this.journalFor(run.id));
    await journal.log('⛔ Aborted by user', 'warn');
    await this.closeAborted(run, journal);
  }

  /** Another process marked a run this one executes as aborted: stop it here. */
  private async abortRequested(runId: string) {
    try {
      const run = await this.deps.runs.findById(runId);
      if (run?.status !== 'aborted') return;
      // The job may have ended just before the request came: then its end is written here too.
      if (!(await this.stopHere(run))) await this.closeUnowned(run);
    } catch (error) {
      this.deps.logger.error({ err: error, runId }, 'aborting a run for another process failed');
    }
  }

  private readonly journals = new Map<string, RunJournal>();

  private async journalFor(runId: string) {
    return new RunJournal(
      runId,
      await this.deps.runs.lastSeq(runId),
      this.deps.runs,
      this.deps.hub,
      this.deps.clock,
      this.deps.logger,
    );
  }

  private now() {
    return this.deps.clock.now().toISOString();
  }

  private async start(
    actor: Principal | undefined,
    scope: Scope,
    project: RunnableProject,
    tests: TestRow[],
    options: RunOptions,
    launch: RunLaunch,
  ) {
    const queue = tests.map((test) => ({ id: test.id, name: test.name, steps: JSON.parse(test.steps) as unknown[] }));
    const outcome = await this.deps.runs.start({
      id: await this.deps.counters.nextId('run'),
      projectId: project.id,
      workspaceId: scope.id,
      type: 'test_run',
      triggeredBy: actor?.userId ?? null,
      origin: launch.origin,
      callbackUrl: launch.callbackUrl ?? null,
      startedAt: this.now(),
      total: tests.length,
      passed: 0,
      failed: 0,
      testQueue: JSON.stringify(queue),
      parallelWorkers: options.workers,
      browser: options.browser.name,
      networkCondition: options.network,
      options: JSON.stringify({
        device: options.device,
        locale: options.locale,
        timezoneId: options.timezoneId,
        geolocation: options.geolocation,
      }),
    });
    if ('activeRunId' in outcome)
      throw new AppError('RUN_ALREADY_ACTIVE', ACTIVE_MESSAGE(outcome.activeRunId), { runId: outcome.activeRunId });
    const run = outcome.started;
    const journal = new RunJournal(run.id, 0, this.deps.runs, this.deps.hub, this.deps.clock, this.deps.logger);
    this.journals.set(run.id, journal);
    await journal.log(`Queued ${tests.length} test(s) of ${project.name}`);
    await this.deps.activity.record(actor, {
      type: `${activityKind(launch.origin)}.start`,
      workspaceId: scope.id,
      projectId: project.id,
      projectName: project.name,
      status: 'running',
      detail: `${run.id}: ${tests.length} test(s)`,
    });
    const job = this.jobs.enqueue(run.id, (signal) =>
      this.execute(actor, scope, run, project, tests, options, journal, signal),
    );
    this.deps.lifecycle.track({ done: job.done, interrupt: (reason) => void this.interrupt(run, reason) });
    // Before the run id is handed out: an abort sent to another process must find its way here.
    const release = await this.deps.hub.own(run.id);
    void job.done.finally(release);
    return { runId: run.id };
  }

  private async execute(
    actor: Principal | undefined,
    scope: Scope,
    run: RunRow,
    project: RunnableProject,
    tests: TestRow[],
    options: RunOptions,
    journal: RunJournal,
    signal: AbortSignal,
  ) {
    try {
      const outcome = await executeTestRun(
        testRunJob(run, project, tests, options, this.deps.config),
        journal,
        signal,
        this.deps,
      );
      this.deps.countsCache.invalidate(project.id);
      if (signal.aborted) return;
      const at = this.deps.clock.now();
      const status = outcome.error ? 'failed' : 'completed';
      const finished = await this.deps.runs.finish(run.id, {
        status,
        finishedAt: at.toISOString(),
        duration: at.getTime() - Date.parse(run.startedAt),
        passed: outcome.passed,
        failed: outcome.failed,
        retryCount: outcome.retryCount,
        failedAfterRetry: outcome.failedAfterRetry,
        error: outcome.error?.message ?? null,
        errorCategory: outcome.error?.category ?? null,
        options: JSON.stringify({ ...JSON.parse(run.options ?? '{}'), flaky: outcome.flaky }),
      });
      if (!finished) return;
      if (status === 'completed') await this.updateFlakyScores(project.id);
      const summary = `${outcome.passed} passed, ${outcome.failed} failed, ${outcome.flaky} flaky, ${outcome.skipped} skipped`;
      await journal.log(
        status === 'completed' ? `Run finished: ${summary}` : `Run failed: ${outcome.error?.message}`,
        status === 'completed' ? 'success' : 'error',
      );
      await journal.record('done', {
        status,
        passed: outcome.passed,
        failed: outcome.failed,
        flaky: outcome.flaky,
        total: tests.length,
      });
      await this.deps.activity.record(actor, {
        type: `${activityKind(run.origin)}.${status === 'completed' ? 'complete' : 'fail'}`,
        workspaceId: scope.id,
        projectId: project.id,
        projectName: project.name,
        status: status === 'completed' ? 'completed' : 'failed',
        detail: `${run.id}: ${summary}`,
      });
      if (status === 'completed' && outcome.failed > 0 && this.deps.feedback && !signal.aborted) {
        await this.deps.feedback
          .afterRun(run, { id: project.id, url: project.url, workspaceId: scope.id }, journal, signal)
          .catch((error: unknown) => this.deps.logger.warn({ err: error, runId: run.id }, 'feedback loop failed'));
      }
    } catch (error) {
      await failCrashedRun(this.deps, run, journal, error);
    } finally {
      await journal.flush();
      this.journals.delete(run.id);
    }
    if (!signal.aborted) await this.ended(run.id);
  }

  /** Notifications and callbacks, after the run's final state is stored; never fails the run. */
  private async ended(runId: string) {
    await this.deps.outcomes
      ?.afterRun(runId)
      .catch((error: unknown) => this.deps.logger.error({ err: error, runId }, 'run outcome handling failed'));
  }

  /** Fills in `skipped` for the tests an abort stopped before they finished, then closes the stream. */
  private async closeAborted(run: RunRow, journal: RunJournal) {
    await skipUnfinished(this.deps.runs, run);
    const current = await this.deps.runs.findById(run.id);
    await journal.record('done', {
      status: 'aborted',
      passed: current?.passed ?? 0,
      failed: current?.failed ?? 0,
      total: run.total,
    });
    await this.ended(run.id);
  }

  /** Shutdown could not wait for the run: it ends `interrupted`, never left `running`. */
  private async interrupt(run: RunRow, reason: string) {
    const at = this.deps.clock.now();
    const stopped = await this.deps.runs.finish(run.id, {
      status: 'interrupted',
      finishedAt: at.toISOString(),
      duration: at.getTime() - Date.parse(run.startedAt),
      error: `${reason} while run was in progress`,
    });
    this.jobs.get(run.id)?.abort();
    if (stopped) {
      await this.journals.get(run.id)?.record('done', { status: 'interrupted' });
      await this.ended(run.id);
    }
  }

  private async updateFlakyScores(projectId: string) {
    try {
      await this.deps.tests.setFlakyScores(computeFlakyScores(await this.deps.runs.recentResults(projectId, 20)));
    } catch (error) {
      this.deps.logger.warn({ err: error, projectId }, 'flaky scores could not be updated');
    }
  }
}

/** Scheduled runs keep their own activity types, so the log tells them from manual ones. */
function activityKind(origin: string | null): string {
  return origin === 'schedule' ? 'scheduled_run' : 'test_run';
}
