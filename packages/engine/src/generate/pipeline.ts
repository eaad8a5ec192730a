import type { CandidateTest, CrawlResult, Journey, ObservedAction } from '../discovery/types.js';
import { generateBuiltinTests } from './builtin-generator.js';
import { classifyPage, type ClassifiedPage } from './classify.js';
import { dedupeAgainstExisting, dedupeBatch, structuralHash, type ExistingTest } from './dedupe.js';
import type { Dials } from './dials.js';
import { enhanceAssertions } from './enhance.js';
import { filterElements } from './filter.js';
import { capTests, planJourneys, runTestBudget } from './plan.js';
import { scoreTest } from './quality.js';
import { validateTest } from './validate.js';

/** What a generator gets to work from: the crawl, the classified pages and the planned journeys. */
export interface GenerationContext {
  crawl: CrawlResult;
  pages: ClassifiedPage[];
  journeys: Journey[];
  dials: Dials;
  login?: ObservedAction[];
}

export type Generator = (context: GenerationContext) => Promise<CandidateTest[]>;

export interface PipelineStats {
  pagesFound: number;
  rawTestsGenerated: number;
  duplicatesRemoved: number;
  assertionsEnhanced: number;
  validationRejected: number;
  journeysDetected: number;
  averageQuality: number;
  apiEndpointsDiscovered: number;
  apiTestsGenerated: number;
}

export interface PipelineInput {
  crawl: CrawlResult;
  dials: Dials;
  /** The project's stored tests, so a new crawl does not re-create what is already there. */
  existing: ExistingTest[];
  login?: ObservedAction[];
  /** The AI generator; without one the built-in generator writes the tests. */
  generate?: Generator;
  /**
   * Compare only actions and assertions when deduplicating. Right for generators that write one
   * test per distinct thing seen (the built-in one, OpenAPI import); fuzzy name and wording
   * matching is for model output. Defaults to true for the built-in generator.
   */
  exactDedupe?: boolean;
  /** Called as each stage starts (ENGINE.md §0: steps 2–7; 8 is storing, done by the caller). */
  onStage?: (step: number, name: string) => void | Promise<void>;
}

export interface PipelineResult {
  tests: CandidateTest[];
  rejected: { name: string; issues: string[] }[];
  stats: PipelineStats;
}

export const builtinGenerator: Generator = async (context) =>
  generateBuiltinTests({ crawl: context.crawl, ...(context.login ? { login: context.login } : {}) });

/** filter → classify → plan → generate → deduplicate → enhance → validate, over one crawl. */
export async function runPipeline(input: PipelineInput): Promise<PipelineResult> {
  const { crawl, dials } = input;
  const stage = async (step: number, name: string) => input.onStage?.(step, name);

  await stage(2, 'filter');
  const filtered = crawl.pages.map((page) => ({ page, elements: filterElements(page.elements, 30, page.url) }));
  await stage(3, 'classify');
  const pages = filtered.map(({ page, elements }) => classifyPage(page, elements));
  const journeys = planJourneys(pages, crawl.pages, crawl.journeys, dials.testCount);

  await stage(4, 'generate');
  const generate = input.generate ?? builtinGenerator;
  const raw = await generate({ crawl, pages, journeys, dials, ...(input.login ? { login: input.login } : {}) });
  const intentOf = new Map(pages.map((page) => [page.url, page.dominantIntent]));

  await stage(5, 'deduplicate');
  const scored = raw.map((test) => ({ ...test, qualityScore: scoreTest(test) }));
  // Built-in tests are compared with stored ones after enhancement, in the form they are stored.
  const exact = input.exactDedupe ?? !input.generate;
  const fresh = !exact
    ? dedupeAgainstExisting(dedupeBatch(scored).tests, input.existing)
    : exactDuplicatesRemoved(scored, []);

  await stage(6, 'enhance');
  const snapshotOf = new Map(crawl.pages.map((page) => [page.url, page]));
  let enhanced = 0;
  const improved = fresh.map((test) => {
    const next = enhanceAssertions(test, snapshotOf.get(test.sourceUrl), test.intent ?? intentOf.get(test.sourceUrl));
    if (next.assertionEnhanced) enhanced += 1;
    return next;
  });

  await stage(7, 'validate');
  const rejected: PipelineResult['rejected'] = [];
  const valid: CandidateTest[] = [];
  for (const test of improved) {
    const verdict = validateTest(test);
    if (verdict.ok) valid.push({ ...verdict.test, qualityScore: scoreTest(verdict.test) });
    else rejected.push({ name: test.name, issues: verdict.issues });
  }
  // Every page and every observed interaction is something worth a test.
  const subjects = crawl.pages.length + crawl.observations.length + crawl.apiEndpoints.length;
  const stored = !exact ? valid : exactDuplicatesRemoved(valid, input.existing);
  const tests = capTests(stored, runTestBudget(dials.testCount, subjects));
  const quality = tests.map((test) => test.qualityScore ?? 0);
  return {
    tests,
    rejected,
    stats: {
      pagesFound: crawl.pages.length,
      rawTestsGenerated: raw.length,
      duplicatesRemoved: raw.length - fresh.length + (valid.length - stored.length),
      assertionsEnhanced: enhanced,
      validationRejected: rejected.length,
      journeysDetected: journeys.length,
      averageQuality: quality.length ? Math.round(quality.reduce((a, b) => a + b, 0) / quality.length) : 0,
      apiEndpointsDiscovered: crawl.apiEndpoints.length,
      apiTestsGenerated: tests.filter((test) => test.isApiTest).length,
    },
  };
}

/**
 * The built-in generator writes each test from a different observation, so tests that read alike
 * ("add an item", "add then delete it") are still different tests: only the same actions and
 * assertions count as a duplicate, within the batch or against the project's live tests.
 */
function exactDuplicatesRemoved(tests: CandidateTest[], existing: ExistingTest[]): CandidateTest[] {
  const seen = new Set(existing.filter((test) => test.reviewStatus !== 'rejected').map(structuralHash));
  return tests.filter((test) => {
    const hash = structuralHash(test);
    if (seen.has(hash)) return false;
    seen.add(hash);
    return true;
  });
}
