import type { CandidateTest, PageSnapshot } from '../../discovery/types.js';
import { validateTest } from '../validate.js';
import type { JsonModel, ModelTier } from './json-model.js';
import { elementLines, TIER_LIMITS } from './page-facts.js';
import { testsReplySchema, toCandidate } from './reply.js';
import { uiSystemPrompt } from './system-prompts.js';
import { clean, composePrompt } from './untrusted.js';

export interface FailingTest {
  id: string;
  name: string;
  code: string;
  /** The failure as the runner reported it. */
  error: string;
  /** SELECTOR_ISSUE, TIMEOUT… (ENGINE.md §6.1). */
  category: string;
  sourceUrl: string;
  pageTitle: string;
}

const FIX_RULES: Record<string, string> = {
  SELECTOR_ISSUE:
    'An element could not be found. Use only the verified locators listed for the page as it is now; keep every assertion about what the user sees.',
  TIMEOUT:
    'A step timed out. Wait for the content the next step needs (sentri.expectVisible) instead of fixed sleeps; use the verified locators listed for the page.',
};

/**
 * A regenerated candidate for a test that failed on locators or timing (ENGINE.md §6.2, done
 * differently): the model sees the failing code, the error and the page as it is now, and its
 * answer is only a proposal — validated here, stored as a new draft beside the original by the
 * caller, never over it. Assertions are kept: a failing check may be a real bug, not a test to fix.
 */
export async function proposeFix(
  model: JsonModel,
  test: FailingTest,
  page: PageSnapshot | undefined,
  options: { tier: ModelTier; signal?: AbortSignal },
): Promise<{ ok: true; test: CandidateTest } | { ok: false; reason: string }> {
  const limits = TIER_LIMITS[options.tier];
  const prompt = composePrompt([
    `Repair this failing Playwright test. ${FIX_RULES[test.category] ?? FIX_RULES.SELECTOR_ISSUE}`,
    'Never remove or weaken an assertion; never assert something the page data does not show.',
    {
      label: 'FAILING TEST',
      lines: [`name: ${clean(test.name)}`, ...test.code.split('\n').map((line) => clean(line, 300))],
    },
    { label: 'FAILURE', lines: [`category: ${clean(test.category, 40)}`, clean(test.error, 600)] },
    {
      label: 'PAGE NOW',
      lines: page
        ? [`url: ${clean(page.url)}`, `title: ${clean(page.title)}`, ...elementLines(page.elements, limits.elements)]
        : ['(the page could not be loaded)'],
    },
    'Reply with JSON {"tests":[one test]} with the same name, the repaired steps and playwrightCode.',
  ]);
  const reply = await model.generateJson({
    system: uiSystemPrompt(options.tier),
    prompt,
    schema: testsReplySchema,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const first = reply.tests[0];
  if (!first) return { ok: false, reason: 'the model proposed no test' };
  const candidate = toCandidate(first, {
    sourceUrl: test.sourceUrl,
    pageTitle: test.pageTitle,
    generatedFrom: 'feedback_regeneration',
    fixture: 'page',
    fallbackName: test.name,
  });
  const verdict = validateTest({ ...candidate, name: test.name });
  return verdict.ok ? { ok: true, test: verdict.test } : { ok: false, reason: verdict.issues.join('; ') };
}
