import type { CandidateTest } from '../discovery/types.js';

const QUALITY_TYPES = new Set(
  (
    'form form_submission auth checkout crud search functional smoke regression e2e integration accessibility ' +
    'security performance'
  ).split(' '),
);

const STRING = String.raw`"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'`;
/** Group 1: the selector argument; group 2: present when an expected text follows. */
const HELPER_ASSERTION = new RegExp(String.raw`sentri\.expectVisible\(\s*page\s*,\s*(undefined|${STRING})\s*(,)?`, 'g');

const count = (code: string, pattern: RegExp) => code.match(pattern)?.length ?? 0;

/**
 * `sentri.expectVisible(page, selector, text)` is the step helpers' assertion: with a selector it
 * checks visibility, with expected text it checks the text, so it earns what the raw matchers earn.
 */
function helperAssertions(code: string) {
  const calls = [...code.matchAll(HELPER_ASSERTION)];
  return {
    total: calls.length,
    visible: calls.some((call) => call[1] !== 'undefined'),
    text: calls.some((call) => call[2] !== undefined),
  };
}

/** Quality 0–100 of a candidate test from its assertions, locators and metadata (ENGINE.md §2.7). */
export function scoreTest(test: CandidateTest): number {
  const code = test.playwrightCode ?? '';
  const helpers = helperAssertions(code);
  const expects = count(code, /\bexpect(?:\.soft|\.poll)?\(/g) + helpers.total;
  let score = 0;

  if (code.includes('toHaveURL')) score += 20;
  if (code.includes('toHaveTitle')) score += 15;
  if (code.includes('toBeVisible') || helpers.visible) score += 15;
  if (/toHaveText|toContainText/.test(code) || helpers.text) score += 15;
  if (code.includes('toBeEnabled')) score += 10;
  if (code.includes('toHaveValue')) score += 10;
  if (expects >= 2) score += 20;
  if (/toBeTruthy|toBeDefined/.test(code)) score -= 20;
  if (expects === 0) score -= 30;

  if (test.name.trim().length > 10) score += 5;
  if (test.priority === 'high') score += 10;
  else if (test.priority === 'medium') score += 5;
  if (QUALITY_TYPES.has(test.type)) score += 15;

  // Semantic locators: Playwright's getBy* or the step helpers' role=/label=/placeholder=/text= selectors.
  if (/getBy(?:Role|Label|Text|Placeholder|AltText|Title)\(|['"`](?:role|label|placeholder|text)=/.test(code)) {
    score += 10;
  }
  if (/data-testid|test-id|getByTestId\(/.test(code)) score += 10;
  if (count(code, /\bnth(?:-child|-of-type|-last-child)?\s*[(=]/g) > 2) score -= 10;

  return Math.max(0, Math.min(100, score));
}
