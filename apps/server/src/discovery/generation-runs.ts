import { AppError } from '@sentri/core';
import type { ProjectRow, RunRow } from '@sentri/db';
import type { CandidateTest, PipelineStats } from '@sentri/engine';
import type { Principal, WorkspaceScope } from '../auth/access.js';
import { RunJournal } from '../runs/run-journal.js';
import { failCrashedRun } from '../runs/test-run-lifecycle.js';
import { tokenUsageOf, type AiSession } from './ai-session.js';
import type { CrawlServiceDeps } from './crawl-service.js';
import { storeGeneratedTests } from './store-generated.js';

export type GenerationDeps = Omit<CrawlServiceDeps, 'aiSettings'>;

const ACTIVE_MESSAGE = (runId: string) =>
  `A run is already in progress (${runId}). Please wait for it to finish or abort it first.`;
const STAGES = ['', 'crawl', 'filter', 'classify', 'generate', 'deduplicate', 'enhance', 'validate', 'done'];

export interface GenerationRunInput {
  actor: Principal;
  scope: WorkspaceScope;
  project: ProjectRow;
  type: 'crawl' | 'generate';
  generateInput: Record<string, unknown>;
  promptAudit?: Record<string, unknown>;
  queued: string;
}

export type GenerationWork = (run: RunRow, journal: RunJournal, signal: AbortSignal) => Promise<void>;

/**
 * Starts a crawl or generate run (one active run per project), queues its work on the shared job
 * runner and makes sure it never stays `running`: a crash fails it, a shutdown interrupts it.
 */
export async function beginGenerationRun(deps: GenerationDeps, input: GenerationRunInput, work: GenerationWork) {
  const { actor, scope, project } = input;
  const outcome = await deps.runs.start({
    id: await deps.counters.nextId('run'),
    projectId: project.id,
    workspaceId: scope.id,
    type: input.type,
    triggeredBy: actor.userId,
    startedAt: deps.clock.now().toISOString(),
    total: null,
    testQueue: null,
    parallelWorkers: null,
  });
  if ('activeRunId' in outcome) {
    throw new AppError('RUN_ALREADY_ACTIVE', ACTIVE_MESSAGE(outcome.activeRunId), { runId: outcome.activeRunId });
  }
  const run = outcome.started;
  await deps.runs.update(run.id, {
    generateInput: JSON.stringify(input.generateInput),
    ...(input.promptAudit ? { promptAudit: JSON.stringify(input.promptAudit) } : {}),
  });
  const journal = new RunJournal(run.id, 0, deps.runs, deps.hub, deps.clock, deps.logger);
  await journal.log(input.queued);
  const kind = input.type === 'crawl' ? 'crawl' : 'test.generate';
  await deps.activity.record(actor, {
    type: `${kind}.start`,
    workspaceId: scope.id,
    projectId: project.id,
    projectName: project.name,
    status: 'running',
    detail: run.id,
  });
  const job = deps.jobs.enqueue(run.id, async (signal) => {
    try {
      await work(run, journal, signal);
    } catch (error) {
      await failCrashedRun(deps, run, journal, error);
    } finally {
      await journal.flush();
    }
  });
  deps.lifecycle.track({ done: job.done, interrupt: (reason) => void interrupt(deps, run, journal, reason) });
  // Before the run id is handed out: an abort sent to another process must find its way here.
  const release = await deps.hub.own(run.id);
  void job.done.finally(release);
  return { runId: run.id };
}

/** Moves the run to pipeline step `step` (ENGINE.md §0) and tells watchers. */
export function stageReporter(deps: GenerationDeps, run: RunRow, journal: RunJournal) {
  return async (step: number) => {
    await deps.runs.update(run.id, { currentStep: step });
    await journal.record('stage', { step, name: STAGES[step] });
  };
}

export interface GenerationOutcome {
  actor: Principal;
  scope: WorkspaceScope;
  project: ProjectRow;
  run: RunRow;
  journal: RunJournal;
  tests: CandidateTest[];
  stats: PipelineStats | Record<string, unknown>;
  session: AiSession | undefined;
  summary: string;
}

/** Step 8 and the end: drafts stored, the run completed (or completed_empty), watchers told. */
export async function finishGeneration(deps: GenerationDeps, outcome: GenerationOutcome): Promise<void> {
  const { run, journal, project, session } = outcome;
  await stageReporter(deps, run, journal)(8);
  const ids = await storeGeneratedTests(deps, project, outcome.tests, session?.model);
  deps.countsCache.invalidate(project.id);
  const status = ids.length ? 'completed' : 'completed_empty';
  await deps.runs.update(run.id, {
    tests: JSON.stringify(ids),
    pipelineStats: JSON.stringify(outcome.stats),
    ...(session ? { tokenUsage: JSON.stringify(tokenUsageOf(session, deps.config.ai.runTokenBudget)) } : {}),
  });
  const at = deps.clock.now();
  const finished = await deps.runs.finish(run.id, {
    status,
    finishedAt: at.toISOString(),
    duration: at.getTime() - Date.parse(run.startedAt),
  });
  if (!finished) return;
  await journal.log(
    ids.length
      ? `Generated ${ids.length} draft test(s) ${outcome.summary}; review them before they run.`
      : 'No new tests were generated: nothing was found that the project does not already test.',
    ids.length ? 'success' : 'warn',
  );
  await journal.record('done', { status, testsGenerated: ids.length });
  await deps.activity.record(outcome.actor, {
    type: run.type === 'crawl' ? 'crawl.complete' : 'test.generate',
    workspaceId: outcome.scope.id,
    projectId: project.id,
    projectName: project.name,
    status: 'completed',
    detail: `${run.id}: ${ids.length} test(s) ${outcome.summary}`,
  });
}

/** A run that ends with a reason a user can act on (unreachable app, no provider reply…). */
export async function failGeneration(
  deps: GenerationDeps,
  run: RunRow,
  journal: RunJournal,
  error: string,
  errorCategory: string,
): Promise<void> {
  const at = deps.clock.now();
  const failed = await deps.runs.finish(run.id, {
    status: 'failed',
    finishedAt: at.toISOString(),
    duration: at.getTime() - Date.parse(run.startedAt),
    error,
    errorCategory,
  });
  if (!failed) return;
  await journal.log(error, 'error');
  await journal.record('done', { status: 'failed', testsGenerated: 0, error });
}

async function interrupt(deps: GenerationDeps, run: RunRow, journal: RunJournal, reason: string) {
  const at = deps.clock.now();
  const stopped = await deps.runs.finish(run.id, {
    status: 'interrupted',
    finishedAt: at.toISOString(),
    duration: at.getTime() - Date.parse(run.startedAt),
    error: `${reason} while run was in progress`,
  });
  deps.jobs.get(run.id)?.abort();
  if (stopped) await journal.record('done', { status: 'interrupted' });
}
