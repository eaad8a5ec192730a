import type { CandidateTest, ElementInfo, IntentName, PageSnapshot } from '../discovery/types.js';
import { pageKey } from './plan.js';

const STRONG =
  /\.(?:toHaveURL|toHaveTitle|toBeVisible|toHaveText|toContainText|toBeEnabled|toHaveValue|toBeChecked|toHaveCount|toBeDisabled)\(|sentri\.expectVisible\(/;
const WEAK_LINE = /expect(?:\.soft)?\(.*\)\s*\.\s*(?:toBeTruthy|toBeDefined|not\s*\.\s*toBeNull)\s*\(/;
const ANCHOR = /expect(?:\.soft)?\(\s*page\s*(?:,[^)]*)?\)\s*(?:\.\s*not\s*)?\.\s*(?:toHaveURL|toHaveTitle)\(/;
const ANY_ASSERTION = /\bexpect(?:\.soft|\.poll)?\(|sentri\.expectVisible\(/;
/** Flows whose outcome is not a page the crawler saw: mocked routes, API calls, frames, files, drag, traces. */
const ADVANCED =
  /page\.route\(|route\.(?:fulfill|continue|abort|fallback)\(|request\.newContext\(|api\.(?:get|post|put|patch|delete|fetch)\(|frameLocator\(|setInputFiles\(|dragAndDrop\(|dragTo\(|storageState\(|tracing\.(?:start|stop|startChunk|stopChunk)\(/;
const NAVIGATION = /(?:page\.goto|sentri\.navigate)\(/g;

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const quote = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\r?\n/g, ' ')}'`;
const withoutComments = (code: string) =>
  code
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n');

function hostnameOf(url: string): string | undefined {
  try {
    return new URL(url).hostname || undefined;
  } catch {
    return undefined;
  }
}

/** End of the call starting at `start` (its closing paren, then `;`), skipping string literals. */
function callEnd(code: string, start: number): number {
  let depth = 0;
  let inString: string | null = null;
  for (let i = code.indexOf('(', start); i < code.length; i++) {
    const ch = code[i] as string;
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === inString) inString = null;
    } else if (ch === '"' || ch === "'" || ch === '`') inString = ch;
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return code[i + 1] === ';' ? i + 2 : i + 1;
  }
  return -1;
}

/** Where the test has just opened the snapshot's page: the end of that navigation statement. */
function afterNavigationTo(code: string, url: string): number {
  for (const match of code.matchAll(NAVIGATION)) {
    const args = code.slice(match.index + match[0].length);
    const target = /^\s*(?:page\s*,\s*)?(['"`])([^'"`]*)\1/.exec(args)?.[2];
    if (target === undefined || pageKey(target) !== pageKey(url)) continue;
    const end = callEnd(code, match.index);
    if (end !== -1) return end;
  }
  return -1;
}

function insertAt(code: string, position: number, lines: string[]): string {
  const lineStart = code.lastIndexOf('\n', position - 1) + 1;
  const indent = /^\s*/.exec(code.slice(lineStart))?.[0] ?? '';
  return `${code.slice(0, position)}${lines.map((line) => `\n${indent}${line}`).join('')}${code.slice(position)}`;
}

/** Inserts before the test's closing `});`, indented like the body. */
function insertBeforeEnd(code: string, lines: string[]): string {
  const close = code.lastIndexOf('});');
  if (close === -1) return `${code.replace(/\s*$/, '')}\n${lines.join('\n')}\n`;
  const before = code.slice(0, close).replace(/[ \t]*$/, '');
  const previousLine = before.trimEnd().split('\n').pop() ?? '';
  const indent = /^\s*/.exec(previousLine)?.[0] || '  ';
  return `${before.trimEnd()}\n${lines.map((line) => `${indent}${line}`).join('\n')}\n${code.slice(close)}`;
}

const visible = (locator: string) => `await expect(${locator}.first()).toBeVisible();`;

function firstHeading(snapshot: PageSnapshot): string | undefined {
  const h1 = snapshot.h1.split(' | ')[0]?.trim();
  return h1 || snapshot.headings.find((heading) => heading.level <= 2 && heading.text.trim())?.text.trim();
}

/** The element that shows the page still serves its intent, as a getBy* locator. */
function intentLocator(snapshot: PageSnapshot, intent: IntentName | undefined): string | undefined {
  const find = (predicate: (el: ElementInfo) => boolean) => snapshot.elements.find((el) => el.visible && predicate(el));
  const field = (el: ElementInfo | undefined) =>
    el?.label
      ? `page.getByLabel(${quote(el.label)})`
      : el?.placeholder
        ? `page.getByPlaceholder(${quote(el.placeholder)})`
        : undefined;
  switch (intent) {
    case 'AUTH':
      return field(find((el) => el.type === 'password'));
    case 'SEARCH': {
      const box = find((el) => el.type === 'search' || el.role === 'searchbox');
      if (box?.accessibleName) return `page.getByRole('searchbox', { name: ${quote(box.accessibleName)} })`;
      return field(box);
    }
    case 'FORM_SUBMISSION':
    case 'CHECKOUT': {
      const submit = snapshot.forms.find((form) => form.submitText.trim())?.submitText.trim();
      return submit ? `page.getByRole('button', { name: ${quote(submit)} })` : undefined;
    }
    case 'CRUD': {
      const action = find((el) => (el.tag === 'button' || el.role === 'button') && el.text.trim().length > 1);
      return action ? `page.getByRole('button', { name: ${quote(action.text.trim())} })` : undefined;
    }
    case 'NAVIGATION':
    case 'CONTENT': {
      const nav = find((el) => el.tag === 'a' && el.text.trim().length > 1);
      return nav ? `page.getByRole('link', { name: ${quote(nav.text.trim())} })` : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * Checks that hold right after the test opened the page the crawler saw: its title, and for a
 * test without assertions its main heading and the element that serves its intent.
 */
function seenPageAssertions(snapshot: PageSnapshot, intent: IntentName | undefined, withTemplate: boolean): string[] {
  const lines: string[] = [];
  const title = snapshot.title.replace(/\s+/g, ' ').trim().slice(0, 30).trim();
  if (title) lines.push(`await expect(page).toHaveTitle(/${escapeRegex(title)}/i);`);
  if (!withTemplate) return lines;
  const heading = firstHeading(snapshot);
  if (heading) lines.push(visible(`page.getByRole('heading', { name: ${quote(heading.slice(0, 80))} })`));
  const locator = intentLocator(snapshot, intent);
  if (locator) lines.push(visible(locator));
  return lines;
}

/**
 * Makes sure a generated test asserts something real (ENGINE.md §2.8): tests with strong
 * assertions and a page-load anchor pass untouched; otherwise a hostname anchor goes before the
 * closing `});`, and checks taken from the snapshot go right after the navigation to that page,
 * the only point where they are known to hold. API and advanced-capability tests are left alone.
 */
export function enhanceAssertions(test: CandidateTest, snapshot?: PageSnapshot, intent?: IntentName): CandidateTest {
  const original = test.playwrightCode;
  if (test.isApiTest || !original.trim()) return test;
  const code = withoutComments(original);
  const strong = STRONG.test(code);
  if ((strong && ANCHOR.test(code)) || ADVANCED.test(code)) return test;

  const noAssertions = !ANY_ASSERTION.test(code);
  const weakOnly = !strong && !noAssertions && WEAK_LINE.test(code);
  if (!noAssertions && !weakOnly && !strong) return test;

  let next = weakOnly
    ? original
        .split('\n')
        .filter((line) => !WEAK_LINE.test(line))
        .join('\n')
    : original;

  let placedSeen = false;
  if (snapshot) {
    const seen = seenPageAssertions(snapshot, intent ?? test.intent, noAssertions);
    const position = seen.length > 0 ? afterNavigationTo(next, snapshot.url) : -1;
    if (position !== -1) {
      next = insertAt(next, position, seen);
      placedSeen = true;
    }
  }

  const end: string[] = [];
  if (noAssertions) end.push("await page.waitForLoadState('domcontentloaded', { timeout: 5000 }).catch(() => {});");
  const hostname = hostnameOf(snapshot?.url ?? test.sourceUrl);
  if (hostname) end.push(`await expect(page).toHaveURL(/${escapeRegex(hostname)}/i);`);
  if (noAssertions && !placedSeen) end.push("await expect(page.locator('body')).toBeVisible();");
  if (end.some((line) => line.includes('expect('))) next = insertBeforeEnd(next, end);

  return next === original ? test : { ...test, playwrightCode: next, assertionEnhanced: true };
}
