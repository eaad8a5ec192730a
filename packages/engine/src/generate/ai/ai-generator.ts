import type { CandidateTest, Journey, Observation, PageSnapshot } from '../../discovery/types.js';
import type { ClassifiedPage } from '../classify.js';
import type { GenerationContext, Generator } from '../pipeline.js';
import { pageKey, runTestBudget } from '../plan.js';
import { perform } from '../test-writer.js';
import { endsGeneration, errorMessage, type JsonModel, type ModelTier } from './json-model.js';
import { actionLine, journeyFactLines, observationLines, pageFactLines, pathOf, TIER_LIMITS } from './page-facts.js';
import { dialsForCall, journeyPrompt, pagePrompt } from './prompts.js';
import { testsReplySchema, toCandidate, type Stamp } from './reply.js';
import { uiSystemPrompt } from './system-prompts.js';
import { clean } from './untrusted.js';

export interface AiGeneratorOptions {
  tier: ModelTier;
  signal?: AbortSignal;
  onLog?: (message: string) => void;
  /** Most model calls one crawl may make (default 12). */
  maxCalls?: number;
}

export const DEFAULT_MAX_CALLS = 12;
/** One reply should stay small enough for a model to write it well. */
const MAX_TESTS_PER_CALL = 10;

type Target = { kind: 'journey'; journey: Journey } | { kind: 'page'; page: ClassifiedPage };

const INTERACTIVE_TAGS = new Set(['button', 'input', 'select', 'textarea']);
const INTERACTIVE_ROLES = new Set(['button', 'link', 'textbox']);

function interactiveCount(page: ClassifiedPage): number {
  return page.classifiedElements.filter(
    ({ element }) => INTERACTIVE_TAGS.has(element.tag.toLowerCase()) || INTERACTIVE_ROLES.has(element.role),
  ).length;
}

/**
 * What gets a call, in order (ENGINE.md §2.3): the planned journeys, then high-priority pages no
 * journey covers, then other uncovered pages with at least 3 interactive elements.
 */
export function planTargets(context: GenerationContext, log: (message: string) => void): Target[] {
  const covered = new Set(context.journeys.flatMap((journey) => journey.pages.map((page) => pageKey(page.url))));
  const uncovered = context.pages.filter((page) => !covered.has(pageKey(page.url)));
  const others = uncovered.filter((page) => !page.isHighPriority);
  for (const page of others) {
    const count = interactiveCount(page);
    if (count < 3) log(`Skipping ${pathOf(page.url)}: only ${count} interactive elements`);
  }
  return [
    ...context.journeys.map((journey) => ({ kind: 'journey' as const, journey })),
    ...uncovered.filter((page) => page.isHighPriority).map((page) => ({ kind: 'page' as const, page })),
    ...others.filter((page) => interactiveCount(page) >= 3).map((page) => ({ kind: 'page' as const, page })),
  ];
}

interface CallPlan {
  system: string;
  prompt: string;
  stamp: Stamp;
  label: string;
}

function lookup(context: GenerationContext) {
  const snapshotByKey = new Map(context.crawl.pages.map((snapshot) => [pageKey(snapshot.url), snapshot]));
  const pageByKey = new Map(context.pages.map((page) => [pageKey(page.url), page]));
  return {
    snapshot: (url: string, fingerprint?: string): PageSnapshot | undefined =>
      (fingerprint ? context.crawl.pages.find((s) => s.fingerprint === fingerprint) : undefined) ??
      snapshotByKey.get(pageKey(url)),
    page: (url: string) => pageByKey.get(pageKey(url)),
    observations: (urls: string[]): Observation[] => {
      const keys = new Set(urls.map(pageKey));
      return context.crawl.observations.filter((observation) => keys.has(pageKey(observation.pageUrl)));
    },
  };
}

function planCall(target: Target, context: GenerationContext, options: AiGeneratorOptions, count: number): CallPlan {
  const { tier } = options;
  const find = lookup(context);
  const signedIn = (context.login?.length ?? 0) > 0;
  const prelude = (context.login ?? []).map(perform);
  const dialsFragment = dialsForCall(context.dials, count);
  const observedBlock = (observations: Observation[]) => {
    const lines = observationLines(observations, TIER_LIMITS[tier].observations);
    return lines.length ? { label: 'OBSERVED BEHAVIOUR', lines } : undefined;
  };
  const system = uiSystemPrompt(tier);

  if (target.kind === 'page') {
    const { page } = target;
    const observed = observedBlock(find.observations([page.url]));
    return {
      system,
      label: pathOf(page.url),
      prompt: pagePrompt({
        tier,
        path: clean(pathOf(page.url)),
        intent: page.dominantIntent,
        facts: { label: 'PAGE DATA', lines: pageFactLines(page, find.snapshot(page.url), tier) },
        ...(observed ? { observed } : {}),
        dialsFragment,
        count,
        signedIn,
      }),
      stamp: {
        sourceUrl: page.url,
        pageTitle: page.title,
        generatedFrom: 'ai_crawl',
        fixture: 'page',
        intent: page.dominantIntent,
        prelude,
      },
    };
  }

  const { journey } = target;
  const first = journey.pages[0]?.url ?? context.crawl.startUrl;
  const pageOf = (url: string, fingerprint?: string) => {
    const page = find.page(url);
    const snapshot = find.snapshot(url, fingerprint);
    return { ...(page ? { page } : {}), ...(snapshot ? { snapshot } : {}) };
  };
  const actions = journey.observedActions.map((action, index) => `${index + 1}. ${actionLine(action)}`);
  const observed = observedBlock(find.observations(journey.pages.map((page) => page.url)));
  return {
    system,
    label: `journey "${journey.name}"`,
    prompt: journeyPrompt({
      tier,
      firstPath: clean(pathOf(first)),
      facts: { label: 'JOURNEY DATA', lines: journeyFactLines(journey, pageOf, tier) },
      ...(actions.length ? { actions: { label: 'OBSERVED ACTIONS', lines: actions } } : {}),
      ...(observed ? { observed } : {}),
      dialsFragment,
      count,
      signedIn,
    }),
    stamp: {
      sourceUrl: first,
      pageTitle: journey.name,
      generatedFrom: 'ai_crawl',
      fixture: 'page',
      intent: journey.type,
      journeyType: journey.type,
      prelude,
    },
  };
}

/**
 * The AI generator for a crawl: one model call per journey or page, sequential, at most `maxCalls`.
 * The test-count dial is per run, so each call asks for its share of the run's budget (the pipeline
 * caps the final suite). A failing call is logged and skipped; a spent budget, an abort or a
 * persistent rate limit ends generation with the tests written so far.
 */
export function aiGenerator(model: JsonModel, options: AiGeneratorOptions): Generator {
  const log = options.onLog ?? (() => undefined);
  return async (context) => {
    const subjects = context.crawl.pages.length + context.crawl.observations.length + context.crawl.apiEndpoints.length;
    const budget = runTestBudget(context.dials.testCount, subjects);
    const limit = Math.max(1, Math.min(options.maxCalls ?? DEFAULT_MAX_CALLS, budget));
    const targets = planTargets(context, log).slice(0, limit);
    const count = Math.min(MAX_TESTS_PER_CALL, Math.max(1, Math.ceil(budget / Math.max(1, targets.length))));
    const tests: CandidateTest[] = [];
    for (const target of targets) {
      if (options.signal?.aborted) break;
      const call = planCall(target, context, options, count);
      try {
        const reply = await model.generateJson({
          system: call.system,
          prompt: call.prompt,
          schema: testsReplySchema,
          ...(options.signal ? { signal: options.signal } : {}),
        });
        const written = reply.tests.map((test) => toCandidate(test, call.stamp));
        tests.push(...written);
        log(`Generated ${written.length} test${written.length === 1 ? '' : 's'} for ${call.label}`);
      } catch (error) {
        log(`AI generation failed for ${call.label}: ${errorMessage(error)}`);
        if (endsGeneration(error, options.signal)) {
          log(`Stopping AI generation with ${tests.length} tests written`);
          break;
        }
      }
    }
    return tests;
  };
}
