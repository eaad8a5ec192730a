import { looksLikeSelector } from '@sentri/runtime';
import ts from 'typescript';
import type { CandidateTest, TestType } from '../discovery/types.js';
import { checkTestCode, describeProblems } from '../safety/check-code.js';

export type Validation = { ok: true; test: CandidateTest } | { ok: false; issues: string[] };

const words = (list: string) => new Set(list.trim().split(/\s+/));

const TEST_TYPES = words('functional smoke regression e2e integration accessibility security performance');
const SCENARIOS = words('positive negative edge_case');

/** Real Playwright API names callable on page, locator, frame, context, request, browser, api, test, expect, testInfo and route. */
const PLAYWRIGHT_METHODS = words(`
  goto reload goBack goForward waitForURL waitForLoadState waitForNavigation url title content setContent
  click dblclick tap fill clear type pressSequentially press check uncheck setChecked selectOption selectText
  setInputFiles hover focus blur dispatchEvent dragTo dragAndDrop scrollIntoViewIfNeeded highlight
  waitFor waitForTimeout waitForSelector waitForFunction waitForResponse waitForRequest waitForEvent
  route unroute unrouteAll routeFromHAR fulfill continue abort fallback request
  textContent innerText innerHTML inputValue getAttribute allTextContents allInnerTexts isVisible isHidden
  isEnabled isDisabled isChecked isEditable boundingBox screenshot count all ariaSnapshot
  locator getByRole getByText getByLabel getByPlaceholder getByAltText getByTestId getByTitle frameLocator
  contentFrame owner first last nth filter and or frame frames mainFrame
  setViewportSize viewportSize emulateMedia setExtraHTTPHeaders setGeolocation grantPermissions
  clearPermissions setOffline addInitScript addScriptTag addStyleTag exposeFunction exposeBinding
  $ $$ $eval $$eval $x evaluate evaluateAll evaluateHandle elementHandle elementHandles
  newPage pages cookies addCookies clearCookies storageState close isClosed bringToFront context opener
  pause setDefaultTimeout setDefaultNavigationTimeout newContext contexts browser version isConnected
  get post put patch delete head fetch dispose
  describe beforeEach afterEach beforeAll afterAll step soft poll configure use extend only skip fixme fail
  slow info setTimeout serial parallel attach outputPath
  down up move wheel insertText on once off addLocatorHandler removeLocatorHandler then catch finally
  any anything objectContaining arrayContaining stringContaining stringMatching
`);

/** The step helpers of `@sentri/runtime` (`sentri.click(page, …)`). */
const SENTRI_HELPERS = words('navigate click fill select check uncheck hover press expectVisible waitFor target');

/** Calls that return another Playwright object, so the chain after them is still checked. */
const CHAINABLE = words(`
  locator getByRole getByText getByLabel getByPlaceholder getByAltText getByTestId getByTitle frameLocator
  contentFrame owner first last nth filter and or frame mainFrame context page
`);
/** Properties that lead to another Playwright object. */
const SUB_OBJECTS = words('keyboard mouse touchscreen request clock describe step');
const ROOTS = words('page locator frame context request browser api test expect testInfo route sentri');

const MATCHERS = words(`
  toBeAttached toBeChecked toBeDisabled toBeEditable toBeEmpty toBeEnabled toBeFocused toBeHidden
  toBeInViewport toBeVisible toContainText toContainClass toHaveAccessibleDescription
  toHaveAccessibleErrorMessage toHaveAccessibleName toHaveAttribute toHaveClass toHaveCount toHaveCSS toHaveId
  toHaveJSProperty toHaveRole toHaveScreenshot toHaveText toHaveValue toHaveValues toMatchAriaSnapshot
  toHaveTitle toHaveURL toBeOK toPass
  toBe toEqual toStrictEqual toBeCloseTo toBeDefined toBeUndefined toBeFalsy toBeTruthy toBeNull toBeNaN
  toBeGreaterThan toBeGreaterThanOrEqual toBeLessThan toBeLessThanOrEqual toBeInstanceOf toContain
  toContainEqual toHaveLength toHaveProperty toMatch toMatchObject toThrow toThrowError toMatchSnapshot
`);
const NOT_REDUNDANT = words('toBeHidden toBeDisabled toBeFalsy toBeNull');
const RAW_CSS_MATCHERS = words('toBeVisible toContainText toHaveText');
/** Playwright's own semantic engines are fine in `page.locator(...)`; only raw CSS is refused. */
const NATIVE_SEMANTIC = /^(?:text|role|data-testid|data-test-id|data-test|internal:[a-z-]+)=/i;
const SELECTOR_METHODS = words('locator querySelector querySelectorAll waitForSelector');
const PLACEHOLDER_NAME = /^(?:test\s*#?\d+|untitled(?:\s+test)?|sample\s+test|example\s+test|descriptive\s+name)$/i;
const API_SOURCES = new Set(['api_har_capture', 'api_user_described', 'openapi_import']);

const CSS_PSEUDOS = words(`
  root empty first-child last-child only-child first-of-type last-of-type only-of-type nth-child nth-last-child
  nth-of-type nth-last-of-type not is where has scope hover focus focus-within focus-visible active visited link
  any-link target checked disabled enabled indeterminate default read-only read-write placeholder-shown required
  optional valid invalid in-range out-of-range user-valid user-invalid autofill blank defined lang dir open
  has-text text text-is text-matches visible nth-match near left-of right-of above below
`);
const MAX_CSS_COMBINATORS = 6;
const MAX_XPATH_STEPS = 8;

/** Quoted strings blanked, so brackets and colons inside them are not read as syntax. */
const blankStrings = (text: string) => text.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""');

function balanced(text: string): boolean {
  const stack: string[] = [];
  for (const ch of text) {
    if (ch === '[' || ch === '(') stack.push(ch === '[' ? ']' : ')');
    else if ((ch === ']' || ch === ')') && stack.pop() !== ch) return false;
  }
  return stack.length === 0;
}

function cssProblem(selector: string): string | undefined {
  // Escaped characters (`.md\:flex`, `#a\[0\]`) are part of a name, not syntax.
  const text = blankStrings(selector).replace(/\\./g, '_');
  if (!balanced(text)) return 'unbalanced brackets';
  const unknown = [...text.replace(/\[[^\]]*\]/g, '[]').matchAll(/::?([a-zA-Z][\w-]*)/g)].find(
    (match) => match[0].startsWith('::') || !CSS_PSEUDOS.has(match[1]?.toLowerCase() ?? ''),
  );
  if (unknown) return `unsupported pseudo-class ${unknown[0]}`;
  let flat = text.replace(/\[[^\]]*\]/g, '[]');
  while (/\([^()]*\)/.test(flat)) flat = flat.replace(/\([^()]*\)/g, '');
  const combinators = Math.max(...flat.split(',').map((part) => part.trim().match(/\s*[>+~]\s*|\s+/g)?.length ?? 0));
  return combinators > MAX_CSS_COMBINATORS ? `too deep (${combinators} combinators)` : undefined;
}

function xpathProblem(selector: string): string | undefined {
  const text = blankStrings(selector);
  if (!balanced(text)) return 'unbalanced brackets';
  if (text.includes('//[@')) return 'predicate without a node test (//[@…])';
  const steps = text.replace(/\[[^\]]*\]/g, '').match(/\/{1,2}/g)?.length ?? 0;
  return steps > MAX_XPATH_STEPS ? `too deep (${steps} steps)` : undefined;
}

/** Checks each `>>` segment of a selector literal: CSS and XPath parts; other engines are left alone. */
function selectorProblem(selector: string): string | undefined {
  for (const raw of selector.split(/\s*>>\s*/)) {
    const segment = raw.trim();
    const engine = /^([a-z][\w:-]*)=/i.exec(segment)?.[1]?.toLowerCase();
    const body = engine ? segment.slice(engine.length + 1) : segment;
    if (engine && engine !== 'css' && engine !== 'xpath') continue;
    const isXpath = engine === 'xpath' || (!engine && /^\(*\.{0,2}\//.test(segment));
    const problem = isXpath ? xpathProblem(body) : cssProblem(body);
    if (problem) return problem;
  }
  return undefined;
}

interface Chain {
  root: string;
  rootCalled: boolean;
  /** Whether every link between the root and the call is a known Playwright object. */
  playwrightAllTheWay: boolean;
}

/** Follows `a.b().c` back to its root identifier. */
function chainOf(expression: ts.Expression): Chain | undefined {
  let node: ts.Expression = expression;
  let called = false;
  let playwrightAllTheWay = true;
  for (;;) {
    if (ts.isParenthesizedExpression(node) || ts.isNonNullExpression(node)) node = node.expression;
    else if (ts.isCallExpression(node)) {
      called = true;
      node = node.expression;
    } else if (ts.isPropertyAccessExpression(node)) {
      const name = node.name.text;
      if (!(called ? CHAINABLE : SUB_OBJECTS).has(name)) playwrightAllTheWay = false;
      called = false;
      node = node.expression;
    } else if (ts.isIdentifier(node)) return { root: node.text, rootCalled: called, playwrightAllTheWay };
    else return undefined;
  }
}

/** `expect(x)`, `expect.soft(x)`, `expect.poll(fn)`, optionally followed by `.not` / `.resolves` / `.rejects`. */
function expectChain(node: ts.Expression): { negated: boolean; subject?: ts.Expression } | undefined {
  let negated = false;
  let current = node;
  while (ts.isPropertyAccessExpression(current) && ['not', 'resolves', 'rejects'].includes(current.name.text)) {
    if (current.name.text === 'not') negated = !negated;
    current = current.expression;
  }
  if (!ts.isCallExpression(current)) return undefined;
  const callee = current.expression;
  const isExpect =
    (ts.isIdentifier(callee) && callee.text === 'expect') ||
    (ts.isPropertyAccessExpression(callee) &&
      ts.isIdentifier(callee.expression) &&
      callee.expression.text === 'expect' &&
      ['soft', 'poll'].includes(callee.name.text));
  return isExpect ? { negated, subject: current.arguments[0] } : undefined;
}

const literalText = (node: ts.Node | undefined) =>
  node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : undefined;

/** The literal in `page.locator('<literal>')`, also behind `.first()`, `.last()` or `.nth(n)`. */
function pageLocatorLiteral(subject: ts.Expression | undefined): string | undefined {
  let node = subject;
  while (node && ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
    const { name, expression } = node.expression;
    if (name.text === 'locator' && ts.isIdentifier(expression) && expression.text === 'page') {
      return literalText(node.arguments[0]);
    }
    if (!['first', 'last', 'nth'].includes(name.text)) return undefined;
    node = expression;
  }
  return undefined;
}

function checkCall(call: ts.CallExpression, issues: Set<string>): void {
  if (!ts.isPropertyAccessExpression(call.expression)) return;
  const method = call.expression.name.text;
  const receiver = call.expression.expression;

  if (SELECTOR_METHODS.has(method)) {
    const selector = literalText(call.arguments[0]);
    const problem = selector === undefined ? undefined : selectorProblem(selector);
    if (problem) issues.add(`invalid selector ${JSON.stringify(selector)}: ${problem}`);
  }

  const assertion = expectChain(receiver);
  if (assertion) {
    if (['catch', 'then', 'finally'].includes(method)) return;
    if (!MATCHERS.has(method)) issues.add(`unknown assertion matcher .${method}()`);
    else if (assertion.negated && NOT_REDUNDANT.has(method))
      issues.add(`redundant .not.${method}(): use the positive matcher`);
    const literal = RAW_CSS_MATCHERS.has(method) ? pageLocatorLiteral(assertion.subject) : undefined;
    if (literal !== undefined && looksLikeSelector(literal) && !NATIVE_SEMANTIC.test(literal)) {
      issues.add(
        `raw CSS selector ${JSON.stringify(literal)} in a .${method}() assertion: use sentri.expectVisible or a semantic locator (getByRole, getByLabel, getByText)`,
      );
    }
    return;
  }

  const chain = chainOf(receiver);
  if (!chain || !ROOTS.has(chain.root) || chain.rootCalled || !chain.playwrightAllTheWay) return;
  const allowed = chain.root === 'sentri' ? SENTRI_HELPERS : PLAYWRIGHT_METHODS;
  if (!allowed.has(method)) issues.add(`invalid Playwright method .${method}()`);
}

function syntaxIssue(source: ts.SourceFile): string | undefined {
  const diagnostics = (source as unknown as { parseDiagnostics?: readonly ts.Diagnostic[] }).parseDiagnostics ?? [];
  const first = diagnostics[0];
  if (!first) return undefined;
  const { line, character } = source.getLineAndCharacterOfPosition(first.start ?? 0);
  return `syntax error (line ${line + 1}, col ${character + 1}): ${ts.flattenDiagnosticMessageText(first.messageText, ' ')}`;
}

function codeIssues(test: CandidateTest, code: string): string[] {
  const issues: string[] = [];
  if (!code.includes('async')) issues.push('code has no async test function');
  if (!code.includes('{')) issues.push('code has no function body');
  if (/https?:\/\/example\.com/.test(code)) issues.push('code uses the placeholder URL example.com');
  const isApi =
    test.isApiTest || API_SOURCES.has(test.generatedFrom) || /request\.newContext|api\.get|api\.post/.test(code);
  if (!isApi && !/page\.goto|sentri\.navigate\(|safeClick|\.click\(|page\.waitForURL/.test(code)) {
    issues.push('code never navigates (no page.goto, sentri.navigate or click)');
  }

  const source = ts.createSourceFile('candidate.spec.ts', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const syntax = syntaxIssue(source);
  if (syntax) return [...issues, syntax];

  const found = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) checkCall(node, found);
    ts.forEachChild(node, visit);
  };
  visit(source);
  issues.push(...found);

  const safety = checkTestCode(code);
  if (!safety.ok) issues.push(`unsafe code: ${describeProblems(safety.problems)}`);
  return issues;
}

/**
 * The last gate before a generated test is stored (ENGINE.md §2.9): every rule must pass, and the
 * code must also pass the execution engine's safety check. A test without code is rejected: it
 * could only ever run as an empty smoke test. Unknown type and scenario are normalised, not refused.
 */
export function validateTest(test: CandidateTest): Validation {
  const issues: string[] = [];
  const name = (test.name ?? '').trim();
  if (name.length < 5) issues.push('name is missing or shorter than 5 characters');
  else if (PLACEHOLDER_NAME.test(name)) issues.push(`name "${name}" is a placeholder`);
  if (!Array.isArray(test.steps) || test.steps.length === 0) issues.push('steps are missing');

  const code = (test.playwrightCode ?? '').trim();
  if (!code) issues.push('test has no code');
  else issues.push(...codeIssues(test, code));

  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    test: {
      ...test,
      type: TEST_TYPES.has(test.type) ? test.type : ('functional' satisfies TestType),
      scenario: SCENARIOS.has(test.scenario) ? test.scenario : 'positive',
    },
  };
}
