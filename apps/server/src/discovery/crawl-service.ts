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
  type ExistingTest,
  type ObservedAction,
  aiGenerator,
} from '@sentri/engine';
import type { Logger } from 'pino';
import type { ActivityLog } from '../activities/activity-log.js';
import type { Principal, WorkspaceScope } from '../auth/access.js';
import type { Config } from '../config/index.js';
import type { SecretBox } from '../infra/secret-box.js';
import type { Lifecycle } from '../lifecycle.js';
import type { JobRunner } from '../runs/job-runner.js';
import type { RunEventHub } from '../runs/run-event-hub.js';
import type { RunJournal } from '../runs/run-journal.js';
import type { AiSettingsService } from '../settings/ai-settings-service.js';
import type { TestCountsCache } from '../tests/test-counts-cache.js';
import { openAiSession } from './ai-session.js';
import { beginGenerationRun, failGeneration, finishGeneration, stageReporter } from './generation-runs.js';

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
  /** Which AI provider a workspace uses; none means the built-in generator writes the tests. */
  aiSettings: Pick<AiSettingsService, 'providerConfig'>;
}

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
    const mode = dials.exploreMode === 'state' ? 'state exploration' : 'link crawl';
    return beginGenerationRun(
      this.deps,
      {
        actor,
        scope,
        project,
        type: 'crawl',
        generateInput: { dialsConfig: dials },
        queued: `Crawl of ${project.url} queued (${mode})`,
      },
      (run, journal, signal) =>
        this.execute(actor, scope, run, project, dials, browser.executablePath ?? undefined, journal, signal),
    );
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
    const stage = stageReporter(this.deps, run, journal);
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
    let crawl;
    try {
      crawl = await crawlSite({
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
    } catch (error) {
      if (!(error instanceof CrawlUnreachableError)) throw error;
      const timeout = error.failures.every((failure) => failure.category === 'timeout');
      return failGeneration(this.deps, run, journal, error.message, timeout ? 'timeout' : 'navigation');
    }
    if (signal.aborted) return;
    await runs.update(run.id, { siteGraph: JSON.stringify(crawl.graph), pagesFound: crawl.pages.length });
    const provider = await this.deps.aiSettings.providerConfig(scope.id);
    const session = provider ? openAiSession(provider, config.ai) : undefined;
    if (session) await journal.log(`Writing tests with ${session.model}`);
    const result = await runPipeline({
      crawl,
      dials,
      existing: await existingTests(this.deps.tests, project.id),
      ...(credentials && crawl.loggedIn ? { login: loginActions(credentials) } : {}),
      ...(session
        ? {
            generate: aiGenerator(session.client, {
              tier: session.tier,
              signal,
              onLog: (message) => void journal.log(message, 'warn'),
            }),
          }
        : {}),
      onStage: stage,
    });
    for (const { name, issues } of result.rejected) {
      await journal.log(`Rejected "${name}": ${issues.join('; ')}`, 'warn');
    }
    if (signal.aborted) return;
    await finishGeneration(this.deps, {
      actor,
      scope,
      project,
      run,
      journal,
      tests: result.tests,
      stats: result.stats,
      session,
      summary: `from ${crawl.pages.length} page(s)`,
    });
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

/** The project's stored tests in the form deduplication compares against. */
export async function existingTests(tests: TestsRepository, projectId: string): Promise<ExistingTest[]> {
  return (await tests.listByProject(projectId)).map((test) => ({
    name: test.name,
    description: test.description,
    steps: JSON.parse(test.steps) as [],
    playwrightCode: test.playwrightCode,
    sourceUrl: test.sourceUrl ?? '',
    reviewStatus: test.reviewStatus,
  }));
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
