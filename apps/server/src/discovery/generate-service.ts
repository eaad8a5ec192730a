import { AppError } from '@sentri/core';
import type { ProjectRow, RunRow } from '@sentri/db';
import {
  apiContractTests,
  describeRequestTests,
  extractAttachedSpec,
  parseDials,
  parseOpenApi,
  runPipeline,
  sanitisePromptText,
  type CandidateTest,
  type CrawlResult,
  type Dials,
} from '@sentri/engine';
import type { Principal, WorkspaceScope } from '../auth/access.js';
import type { RunJournal } from '../runs/run-journal.js';
import { openAiSession, type AiSession } from './ai-session.js';
import { existingTests, type CrawlServiceDeps } from './crawl-service.js';
import { beginGenerationRun, failGeneration, finishGeneration, stageReporter } from './generation-runs.js';

const MAX_DESCRIPTION = 50_000;
/** Provider failures in the run error categories clients already know (API.md §5.5). */
export const ERROR_CATEGORIES: Record<string, string> = {
  LLM_RATE_LIMITED: 'rate_limit',
  LLM_AUTH_FAILED: 'auth',
  LLM_TIMEOUT: 'timeout',
  LLM_UNAVAILABLE: 'provider_overload',
  LLM_NOT_CONFIGURED: 'no_provider',
  LLM_BUDGET_EXCEEDED: 'token_budget',
  LLM_MALFORMED_REPLY: 'malformed_reply',
  LLM_REQUEST_REJECTED: 'request_rejected',
};
const invalid = (message: string, field: string) => new AppError('REQUEST_VALIDATION_FAILED', message, { field });

/** No crawl behind a description: an empty one the pipeline stages can still run over. */
const noCrawl = (url: string): CrawlResult => ({
  startUrl: url,
  origin: new URL(url).origin,
  mode: 'crawl',
  pages: [],
  graph: { nodes: [], edges: [] },
  apiEndpoints: [],
  observations: [],
  journeys: [],
  failures: [],
});

/**
 * `POST /projects/:id/tests/generate`: tests from a description. An attached OpenAPI document
 * becomes contract tests without any AI; anything else is written by the workspace's AI
 * provider, streamed token by token on the run's events.
 */
export class GenerateService {
  constructor(private readonly deps: CrawlServiceDeps) {}

  async start(actor: Principal, scope: WorkspaceScope, projectId: string, body: Record<string, unknown>) {
    const project = await this.deps.projects.findLive(scope.id, projectId);
    if (!project) throw new AppError('PROJECT_NOT_FOUND', 'project not found');
    const name = typeof body.name === 'string' ? sanitisePromptText(body.name).trim().slice(0, 200) : '';
    if (!name) throw invalid('name is required', 'body.name');
    if (body.description !== undefined && typeof body.description !== 'string') {
      throw invalid('description must be a string', 'body.description');
    }
    const raw = ((body.description as string | undefined) ?? '').trim();
    if (raw.length > MAX_DESCRIPTION) {
      throw invalid(
        `Description is too long (${Math.round(raw.length / 1000)}KB). Maximum is 50KB. Try removing large attachments.`,
        'body.description',
      );
    }
    const dials = parseDials(body.dialsConfig);
    // The spec is read before sanitising: stripping role prefixes would damage YAML keys like `user:`.
    const spec = extractAttachedSpec(raw);
    const openApi = spec ? parseOpenApi(spec) : null;
    const description = sanitisePromptText(raw);
    const provider = openApi?.endpoints.length ? null : await this.deps.aiSettings.providerConfig(scope.id);
    if (!openApi?.endpoints.length && !provider) throw new AppError('AI_PROVIDER_NOT_CONFIGURED');
    return beginGenerationRun(
      this.deps,
      {
        actor,
        scope,
        project,
        type: 'generate',
        generateInput: { name, description, dialsConfig: dials },
        promptAudit: {
          descriptionLength: raw.length,
          dialsConfigSummary: body.dialsConfig === undefined ? null : dials,
          requestedAt: this.deps.clock.now().toISOString(),
          openApiOperations: openApi?.endpoints.length ?? 0,
        },
        queued: `Generating "${name}"${openApi ? ` from an OpenAPI document (${openApi.endpoints.length} operations)` : ''}`,
      },
      async (run, journal, signal) => {
        const session = provider ? openAiSession(provider, this.deps.config.ai) : undefined;
        const write = openApi?.endpoints.length
          ? async () => apiContractTests(openApi.endpoints, project.url, 'openapi_import')
          : () => this.writeWithAi(session as AiSession, project, name, description, dials, journal, signal);
        await this.execute(actor, scope, run, project, dials, journal, signal, session, write, !session);
      },
    );
  }

  private async execute(
    actor: Principal,
    scope: WorkspaceScope,
    run: RunRow,
    project: ProjectRow,
    dials: Dials,
    journal: RunJournal,
    signal: AbortSignal,
    session: AiSession | undefined,
    write: () => Promise<CandidateTest[]>,
    exactDedupe: boolean,
  ) {
    const stage = stageReporter(this.deps, run, journal);
    let written: CandidateTest[];
    try {
      await stage(4);
      written = await write();
    } catch (error) {
      if (signal.aborted) return;
      const code = ERROR_CATEGORIES[(error as { code?: string }).code ?? ''] ?? 'unknown';
      const message = error instanceof Error ? error.message : String(error);
      return failGeneration(this.deps, run, journal, `The AI provider could not write the tests: ${message}`, code);
    }
    if (signal.aborted) return;
    const result = await runPipeline({
      crawl: noCrawl(project.url),
      dials: { ...dials, testCount: dials.testCount === 'ai_decides' ? 'large' : dials.testCount },
      existing: await existingTests(this.deps.tests, project.id),
      generate: async () => written,
      exactDedupe,
      onStage: async (step) => (step > 4 ? stage(step) : undefined),
    });
    for (const { name, issues } of result.rejected) {
      await journal.log(`Rejected "${name}": ${issues.join('; ')}`, 'warn');
    }
    await finishGeneration(this.deps, {
      actor,
      scope,
      project,
      run,
      journal,
      tests: result.tests,
      stats: result.stats,
      session,
      summary: 'from the description',
    });
  }

  private async writeWithAi(
    session: AiSession,
    project: ProjectRow,
    name: string,
    description: string,
    dials: Dials,
    journal: RunJournal,
    signal: AbortSignal,
  ) {
    await journal.log(`Writing tests with ${session.model}`);
    // Tokens are live-only: many and small, and the finished tests are what is kept.
    return describeRequestTests(
      session.client,
      { name, description, appUrl: project.url, dials, projectName: project.name },
      { tier: session.tier, signal, onToken: (token) => journal.token(token) },
    );
  }
}
