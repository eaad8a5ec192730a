import { describe, expect, it } from 'vitest';
import { codeFromSteps } from '../export/compile-test.js';
import type { CandidateTest } from '../discovery/types.js';
import { validateTest } from './validate.js';
import { codeOf, makeTest } from './test-factories.js';

const GOTO = "await page.goto('https://shop.test/');";
const issuesOf = (test: CandidateTest) => {
  const result = validateTest(test);
  return result.ok ? [] : result.issues;
};
const issuesOfBody = (...body: string[]) => issuesOf(makeTest({ playwrightCode: codeOf('t', GOTO, ...body) }));

describe('validateTest', () => {
  it('accepts a canonical Playwright test', () => {
    expect(validateTest(makeTest())).toEqual({ ok: true, test: makeTest() });
  });

  it('accepts canonical sentri step code', () => {
    const steps = [
      { action: 'navigate' as const, url: 'https://shop.test/' },
      { action: 'fill' as const, selector: 'label=Email', value: 'ada@shop.test' },
      { action: 'click' as const, selector: 'role=button[name="Add"]' },
      { action: 'press' as const, value: 'Enter' },
      { action: 'assert' as const, selector: 'role=heading[name="Docs"]', expected: 'Docs' },
      { action: 'wait' as const, selector: '#ready' },
    ];
    const test = makeTest({ steps, playwrightCode: codeFromSteps('Docs', steps) ?? '' });
    expect(issuesOf(test)).toEqual([]);
  });

  it('normalises an unknown type and scenario', () => {
    const result = validateTest(makeTest({ type: 'unit' as never, scenario: 'happy' as never }));
    expect(result).toMatchObject({ ok: true, test: { type: 'functional', scenario: 'positive' } });
  });

  it('rejects bad names and missing steps', () => {
    expect(issuesOf(makeTest({ name: ' abc ' }))).toEqual(['name is missing or shorter than 5 characters']);
    expect(issuesOf(makeTest({ name: 'Test 2' }))).toEqual(['name "Test 2" is a placeholder']);
    expect(issuesOf(makeTest({ name: 'Untitled' }))).toEqual(['name "Untitled" is a placeholder']);
    expect(issuesOf(makeTest({ steps: [] }))).toEqual(['steps are missing']);
  });

  it('rejects a test without code', () => {
    expect(issuesOf(makeTest({ playwrightCode: '  ' }))).toEqual(['test has no code']);
  });

  it('rejects the example.com placeholder and code that never navigates', () => {
    expect(issuesOf(makeTest({ playwrightCode: codeOf('t', "await page.goto('https://example.com');") }))).toEqual([
      'code uses the placeholder URL example.com',
    ]);
    expect(issuesOf(makeTest({ playwrightCode: codeOf('t', "await expect(page).toHaveTitle('x');") }))).toEqual([
      'code never navigates (no page.goto, sentri.navigate or click)',
    ]);
    expect(issuesOf(makeTest({ playwrightCode: 'page.goto(1)' }))).toEqual([
      'code has no async test function',
      'code has no function body',
    ]);
  });

  it('lets API tests skip navigation', () => {
    const api = makeTest({
      generatedFrom: 'api_har_capture',
      playwrightCode:
        "test('api', async ({ request }) => {\n  const r = await request.get('/api/items');\n  expect(r.status()).toBe(200);\n});",
    });
    expect(issuesOf(api)).toEqual([]);
  });

  it('reports syntax errors with their position', () => {
    expect(issuesOfBody("await page.getByRole('button').click(;")).toEqual([
      "syntax error (line 3, col 40): ')' expected.",
    ]);
  });

  it('rejects hallucinated Playwright methods, also down a locator chain', () => {
    expect(issuesOfBody("await page.clicks('#go');")).toEqual(['invalid Playwright method .clicks()']);
    expect(issuesOfBody("await page.getByRole('button').first().clicks();")).toEqual([
      'invalid Playwright method .clicks()',
    ]);
    expect(issuesOfBody("await sentri.tap(page, 'Go');")).toEqual(['invalid Playwright method .tap()']);
    expect(issuesOfBody("await page.keyboard.press('Enter');", 'expect(page.url().includes("x")).toBe(true);')).toEqual(
      [],
    );
  });

  it('rejects unknown and redundant matchers', () => {
    expect(issuesOfBody("await expect(page.getByText('Hi')).toBeAwesome();")).toEqual([
      'unknown assertion matcher .toBeAwesome()',
    ]);
    expect(issuesOfBody("await expect(page.getByText('Hi')).not.toBeHidden();")).toEqual([
      'redundant .not.toBeHidden(): use the positive matcher',
    ]);
    expect(issuesOfBody("await expect.soft(page.getByText('Hi')).not.toBeVisible();")).toEqual([]);
  });

  it('rejects raw CSS in visibility and text assertions only', () => {
    expect(issuesOfBody("await expect(page.locator('div > span')).toBeVisible();")).toEqual([
      'raw CSS selector "div > span" in a .toBeVisible() assertion: use sentri.expectVisible or a semantic locator (getByRole, getByLabel, getByText)',
    ]);
    expect(issuesOfBody("await expect(page.locator('.price').first()).toHaveText('$1');")).toHaveLength(1);
    expect(issuesOfBody("await expect(page.locator('li.item')).toHaveCount(3);")).toEqual([]);
    expect(issuesOfBody("await expect(page.locator('text=Welcome')).toBeVisible();")).toEqual([]);
  });

  it('checks CSS and XPath selector literals', () => {
    expect(issuesOfBody('await page.locator(\'div[data-x="1"\').click();')).toEqual([
      'invalid selector "div[data-x=\\"1\\"": unbalanced brackets',
    ]);
    expect(issuesOfBody("await page.locator('a:glowing').click();")).toEqual([
      'invalid selector "a:glowing": unsupported pseudo-class :glowing',
    ]);
    expect(issuesOfBody("await page.locator('a b c d e f g h').click();")).toEqual([
      'invalid selector "a b c d e f g h": too deep (7 combinators)',
    ]);
    expect(issuesOfBody('await page.locator(\'//div//[@id="x"]\').click();')).toHaveLength(1);
    expect(
      issuesOfBody(
        'await page.locator(\'button:has-text("Buy: now")\').click();',
        "await page.locator('input:not([type=hidden]):nth-child(2n+1)').fill('x');",
        "await page.locator('xpath=//main/section[2]/div').click();",
        "await page.locator('.md\\\\:flex > a').click();",
      ),
    ).toEqual([]);
  });

  it('rejects code the safety check refuses', () => {
    const issues = issuesOfBody("const fs = require('fs');", "fs.readFileSync('/etc/passwd');");
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(/^unsafe code: line 3: .*require/);
  });
});
