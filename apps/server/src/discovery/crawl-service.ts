import { AppError, checkOutboundUrl, type Clock } from '@sentri/core';
import type {
  CountersRepository,
  ProjectRow,
  ProjectsRepository,
  RunRow,
  RunsRepository,
  TestsRepository,
} from '@sentri/db';
import {
  crawlSite,
  CrawlUnreachableError,
  explorerTuning,
  findBrowserExecutable,
  managedBrowserPath,
  parseDials,
  runPipeline,
  type CrawlCredentials,
  type CrawlProgress,
  type Dials,
  type ObservedAction,
  type Generator,
} from '@sentri/engine';
import type { Logger } from 'pino';
import type { ActivityLog } from '../activities/activity-log.js';
import type { Principal, WorkspaceScope } from '../auth/access.js';
import type { Config } from '../config/index.js';
import type { SecretBox } from '../infra/secret-box.js';
import type { Lifecycle } from '../lifecycle.js';
import type { JobRunner } from '../runs/job-runner.js';
import type { RunEventHub } from '../runs/run-event-hub.js';
import { RunJournal } from '../runs/run-journal.js';
import { failCrashedRun } from '../runs/test-run-lifecycle.js';
import type { TestCountsCache } from '../tests/test-counts-cache.js';
import { storeGeneratedTests } from './store-generated.js';

export interface CrawlServiceDeps {
  config: Config;
  projects: ProjectsRepository;
  runs: RunsRepository;
  tests: TestsRepository;
  counters: CountersRepository;
  hub: RunEventHub;
  activity: ActivityLog;
  countsCache: TestCountsCache;
  lifecycle: Lifecycle;
  box: SecretBox;
  jobs: JobRunner;
  clock: Clock;
  logger: Logger;
  /** The AI generator for a workspace, or undefined to use the built-in one. */
  generatorFor?: (workspaceId: string) => Promise<{ generate: Generator; model: string } | undefined>;
}

const ACTIVE_MESSAGE = (runId: string) =>
  `A run is already in progress (${runId}). Please wait for it to finish or abort it first.`;
const STAGES = ['', 'crawl', 'filter', 'classify', 'generate', 'deduplicate', 'enhance', 'validate', 'done'];

/** `POST /projects/:id/crawl`: explore the app in Chromium and turn what was seen into draft tests. */
export class CrawlService {
  constructor(private readonly deps: CrawlServiceDeps) {}

  async start(actor: Principal, scope: WorkspaceScope, projectId: string, body: Record<string, unknown>) {
    const project = await this.deps.projects.findLive(scope.id, projectId);
    if (!project) throw new AppError('PROJECT_NOT_FOUND');
    const dials = parseDials(body.dialsConfig);
    const allowed = await checkOutboundUrl(project.url, { allowPrivate: this.deps.config.crawl.allowPrivateUrls });
    if (!allowed.ok) throw new AppError('URL_REFUSED', allowed.reason, { field: 'project.url' });
    const browser = findBrowserExecutable(
      'chromium',
      this.deps.config.browser.chromiumExecutablePath,
      undefined,
      managedBrowserPath,
    );
    if (!browser.found)
      throw new AppError('RUN_BROWSER_UNAVAILABLE', 'Crawling needs Chromium, which is not installed on this server.');
    const outcome = await this.deps.runs.start({
      id: await this.deps.counters.nextId('run'),
      projectId: project.id,
      workspaceId: scope.id,
      type: 'crawl',
      triggeredBy: actor.userId,
      startedAt: this.deps.clock.now().toISOString(),
      total: null,
      testQueue: null,
      parallelWorkers: null,
    });
    if ('activeRunId' in outcome) {
      throw new AppError('RUN_ALREADY_ACTIVE', ACTIVE_MESSAGE(outcome.activeRunId), { runId: outcome.activeRunId });
    }
    const run = outcome.started;
    await this.deps.runs.update(run.id, { generateInput: JSON.stringify({ dialsConfig: dials }) });
    const journal = new RunJournal(run.id, 0, this.deps.runs, this.deps.hub, this.deps.clock, this.deps.logger);
    await journal.log(
      `Crawl of ${project.url} queued (${dials.exploreMode === 'state' ? 'state exploration' : 'link crawl'})`,
    );
    await this.deps.activity.record(actor, {
      type: 'crawl.start',
      workspaceId: scope.id,
      projectId: project.id,
      projectName: project.name,
      status: 'running',
      detail: run.id,
    });
    const job = this.deps.jobs.enqueue(run.id, (signal) =>
      this.execute(actor, scope, run, project, dials, browser.executablePath ?? undefined, journal, signal),
    );
    this.deps.lifecycle.track({ done: job.done, interrupt: (reason) => void this.interrupt(run, journal, reason) });
    return { runId: run.id };
  }

  private async execute(
    actor: Principal,
    scope: WorkspaceScope,
    run: RunRow,
    project: ProjectRow,
    dials: Dials,
    executablePath: string | undefined,
    journal: RunJournal,
    signal: AbortSignal,
  ) {
    const { config, runs } = this.deps;
    const stage = async (step: number) => {
      await runs.update(run.id, { currentStep: step });
      await journal.record('stage', { step, name: STAGES[step] });
    };
    try {
      await stage(1);
      const tuning = explorerTuning(dials);
      const credentials = this.credentialsOf(project);
      const pages: { url: string; title: string; status: string }[] = [];
      const onProgress = (event: CrawlProgress) => {
        if (event.type === 'log') void journal.log(event.message, event.level);
        else if (event.type === 'page') {
          pages.push({ url: event.node.url, title: event.node.title, status: event.node.status });
          void runs.update(run.id, { pages: JSON.stringify(pages), pagesFound: event.pagesFound });
          void journal.record('page', { node: event.node, pagesFound: event.pagesFound });
        } else if (event.type === 'edge') void journal.record('edge', { edge: event.edge });
      };
      const crawl = await crawlSite({
        url: project.url,
        mode: tuning.mode,
        maxPages: tuning.mode === 'state' ? tuning.maxStates : config.crawl.maxPages,
        maxDepth: tuning.mode === 'state' ? tuning.maxDepth : config.crawl.maxDepth,
        maxActions: tuning.maxActions,
        actionTimeoutMs: tuning.actionTimeoutMs,
        navigationTimeoutMs: Math.min(config.execution.navigationTimeoutMs, 15_000),
        networkIdleMs: config.crawl.networkIdleMs,
        timeBudgetMs: config.crawl.timeLimitMs,
        viewport: config.execution.viewport,
        signal,
        onProgress,
        ...(executablePath ? { executablePath } : {}),
        ...(credentials ? { credentials } : {}),
        refuseUrl: async (url) => {
          const verdict = await checkOutboundUrl(url, { allowPrivate: config.crawl.allowPrivateUrls });
          return verdict.ok ? undefined : verdict.reason;
        },
      });
      if (signal.aborted) return;
      await runs.update(run.id, { siteGraph: JSON.stringify(crawl.graph), pagesFound: crawl.pages.length });
      const ai = await this.deps.generatorFor?.(scope.id);
      const existing = await this.deps.tests.listByProject(project.id);
      const result = await runPipeline({
        crawl,
        dials,
        existing: existing.map((test) => ({
          name: test.name,
          description: test.description,
          steps: JSON.parse(test.steps) as [],
          playwrightCode: test.playwrightCode,
          sourceUrl: test.sourceUrl ?? '',
          reviewStatus: test.reviewStatus,
        })),
        ...(credentials && crawl.loggedIn ? { login: loginActions(credentials) } : {}),
        ...(ai ? { generate: ai.generate } : {}),
        onStage: stage,
      });
      for (const { name, issues } of result.rejected)
        await journal.log(`Rejected "${name}": ${issues.join('; ')}`, 'warn');
      if (signal.aborted) return;
      await stage(8);
      const ids = await storeGeneratedTests(this.deps, project, result.tests, ai?.model);
      this.deps.countsCache.invalidate(project.id);
      const status = ids.length ? 'completed' : 'completed_empty';
      const at = this.deps.clock.now();
      await runs.update(run.id, { tests: JSON.stringify(ids), pipelineStats: JSON.stringify(result.stats) });
      const finished = await runs.finish(run.id, {
        status,
        finishedAt: at.toISOString(),
        duration: at.getTime() - Date.parse(run.startedAt),
      });
      if (!finished) return;
      await journal.log(
        ids.length
          ? `Generated ${ids.length} draft test(s) from ${crawl.pages.length} page(s); review them before they run.`
          : 'No tests could be generated: the crawl found nothing to test. Check the URL, the credentials and robots.txt.',
        ids.length ? 'success' : 'warn',
      );
      await journal.record('done', { status, testsGenerated: ids.length });
      await this.deps.activity.record(actor, {
        type: 'crawl.complete',
        workspaceId: scope.id,
        projectId: project.id,
        projectName: project.name,
        status: 'completed',
        detail: `${run.id}: ${ids.length} test(s) from ${crawl.pages.length} page(s)`,
      });
    } catch (error) {
      if (error instanceof CrawlUnreachableError) await this.failUnreachable(run, journal, error);
      else await failCrashedRun(this.deps, run, journal, error);
    } finally {
      await journal.flush();
    }
  }

  private async failUnreachable(run: RunRow, journal: RunJournal, error: CrawlUnreachableError) {
    const at = this.deps.clock.now();
    const timeout = error.failures.every((failure) => failure.category === 'timeout');
    const failed = await this.deps.runs.finish(run.id, {
      status: 'failed',
      finishedAt: at.toISOString(),
      duration: at.getTime() - Date.parse(run.startedAt),
      error: error.message,
      errorCategory: timeout ? 'timeout' : 'navigation',
    });
    if (!failed) return;
    await journal.log(error.message, 'error');
    await journal.record('done', { status: 'failed', testsGenerated: 0, error: error.message });
  }

  private async interrupt(run: RunRow, journal: RunJournal, reason: string) {
    const at = this.deps.clock.now();
    const stopped = await this.deps.runs.finish(run.id, {
      status: 'interrupted',
      finishedAt: at.toISOString(),
      duration: at.getTime() - Date.parse(run.startedAt),
      error: `${reason} while run was in progress`,
    });
    this.deps.jobs.get(run.id)?.abort();
    if (stopped) await journal.record('done', { status: 'interrupted' });
  }

  private credentialsOf(project: ProjectRow): CrawlCredentials | undefined {
    if (!project.credentials) return undefined;
    const stored = JSON.parse(project.credentials) as Partial<Record<keyof CrawlCredentials, string>>;
    if (!stored.usernameSelector || !stored.passwordSelector || !stored.submitSelector) return undefined;
    return {
      usernameSelector: stored.usernameSelector,
      passwordSelector: stored.passwordSelector,
      submitSelector: stored.submitSelector,
      username: this.deps.box.open(stored.username ?? ''),
      password: this.deps.box.open(stored.password ?? ''),
    };
  }
}

/** The sign-in a generated test performs first when the crawl needed it. */
function loginActions(credentials: CrawlCredentials): ObservedAction[] {
  return [
    { kind: 'navigate', locator: '/', value: '/', label: 'the start page' },
    { kind: 'fill', locator: credentials.usernameSelector, value: credentials.username, label: 'username' },
    { kind: 'fill', locator: credentials.passwordSelector, value: credentials.password, label: 'password' },
    { kind: 'click', locator: credentials.submitSelector, label: 'sign in' },
  ];
}
