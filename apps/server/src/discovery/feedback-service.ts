import type { Clock } from '@sentri/core';
import type { CountersRepository, ProjectRow, RunRow, RunsRepository, TestsRepository } from '@sentri/db';
import { crawlSite, findBrowserExecutable, managedBrowserPath, proposeFix, type PageSnapshot } from '@sentri/engine';
import type { Logger } from 'pino';
import type { Config } from '../config/index.js';
import type { RunJournal } from '../runs/run-journal.js';
import type { AiSettingsService } from '../settings/ai-settings-service.js';
import { openAiSession, tokenUsageOf } from './ai-session.js';

/** Failures a new locator or wait can fix; an assertion failure may be a real bug and is left alone. */
const FIXABLE = new Set(['SELECTOR_ISSUE', 'TIMEOUT']);
/** Proposals one run may produce: each costs a model call and a page load. */
export const MAX_PROPOSALS_PER_RUN = 5;

export interface FeedbackDeps {
  config: Config;
  aiSettings: Pick<AiSettingsService, 'providerConfig'>;
  tests: TestsRepository;
  runs: RunsRepository;
  counters: CountersRepository;
  clock: Clock;
  logger: Logger;
}

/**
 * The feedback loop after a test run (ENGINE.md §6.2, without its defects): for tests that failed
 * on locators or timing, the AI proposes a repaired version from the page as it is now. Each
 * proposal is a new draft that points at the original (`revisionOf`, with the original code as
 * `playwrightCodePrev` for the diff); the approved test is never touched. Needs an AI provider.
 */
export class FeedbackService {
  constructor(private readonly deps: FeedbackDeps) {}

  async afterRun(
    run: RunRow,
    project: Pick<ProjectRow, 'id' | 'url' | 'workspaceId'>,
    journal: RunJournal,
    signal: AbortSignal,
  ): Promise<void> {
    const provider = await this.deps.aiSettings.providerConfig(run.workspaceId);
    if (!provider) return;
    const results = await this.deps.runs.results(run.id);
    const fixable = results.filter((r) => r.status === 'failed' && FIXABLE.has(r.failureCategory ?? ''));
    if (fixable.length === 0) return;
    const live = await this.deps.tests.listByProject(project.id);
    const pending = new Set(live.filter((t) => t.revisionOf && t.reviewStatus === 'draft').map((t) => t.revisionOf));
    const session = openAiSession(provider, this.deps.config.ai);
    const proposals: { testId: string; proposedTestId: string; category: string }[] = [];
    const skipped: { testId: string; reason: string }[] = [];
    for (const result of fixable) {
      if (signal.aborted || proposals.length >= MAX_PROPOSALS_PER_RUN) break;
      const test = live.find((t) => t.id === result.testId);
      if (!test?.playwrightCode || pending.has(test.id)) continue;
      try {
        const page = await this.pageNow(new URL(test.sourceUrl ?? project.url, project.url).href, signal);
        const proposal = await proposeFix(
          session.client,
          {
            id: test.id,
            name: test.name,
            code: test.playwrightCode,
            error: result.error ?? '',
            category: result.failureCategory ?? '',
            sourceUrl: test.sourceUrl ?? project.url,
            pageTitle: test.pageTitle ?? '',
          },
          page,
          { tier: session.tier, signal },
        );
        if (!proposal.ok) {
          skipped.push({ testId: test.id, reason: proposal.reason });
          continue;
        }
        const id = await this.deps.counters.nextId('test');
        await this.deps.tests.insertGenerated([
          {
            id,
            projectId: project.id,
            workspaceId: project.workspaceId,
            name: test.name,
            description:
              `Proposed fix for ${test.id} after ${run.id} (${result.failureCategory}): ${proposal.test.description}`.slice(
                0,
                2000,
              ),
            steps: JSON.stringify(proposal.test.steps),
            playwrightCode: proposal.test.playwrightCode,
            playwrightCodePrev: test.playwrightCode,
            revisionOf: test.id,
            priority: test.priority,
            type: test.type,
            scenario: test.scenario,
            sourceUrl: test.sourceUrl,
            pageTitle: test.pageTitle,
            createdAt: this.deps.clock.now().toISOString(),
            generatedFrom: 'feedback_regeneration',
            modelUsed: session.model,
            tags: JSON.stringify(['proposed-fix']),
          },
        ]);
        proposals.push({ testId: test.id, proposedTestId: id, category: result.failureCategory ?? '' });
        await journal.log(`🔧 Proposed a fix for ${test.id} as draft ${id}: review it beside the original.`);
      } catch (error) {
        skipped.push({ testId: test.id, reason: error instanceof Error ? error.message : String(error) });
      }
    }
    await this.deps.runs.update(run.id, {
      feedbackLoop: JSON.stringify({ improved: proposals.length, proposals, skipped }),
      tokenUsage: JSON.stringify(tokenUsageOf(session, this.deps.config.ai.runTokenBudget)),
    });
  }

  /** The page the test starts on, as it is now, with verified locators for the model to use. */
  private async pageNow(url: string, signal: AbortSignal): Promise<PageSnapshot | undefined> {
    const browser = findBrowserExecutable(
      'chromium',
      this.deps.config.browser.chromiumExecutablePath,
      undefined,
      managedBrowserPath,
    );
    try {
      const crawl = await crawlSite({
        url,
        mode: 'crawl',
        maxPages: 1,
        maxDepth: 0,
        maxActions: 0,
        actionTimeoutMs: 5000,
        navigationTimeoutMs: 15_000,
        networkIdleMs: this.deps.config.crawl.networkIdleMs,
        timeBudgetMs: 30_000,
        signal,
        ...(browser.executablePath ? { executablePath: browser.executablePath } : {}),
      });
      return crawl.pages[0];
    } catch (error) {
      this.deps.logger.warn({ err: error, url }, 'page for a proposed fix could not be read');
      return undefined;
    }
  }
}
