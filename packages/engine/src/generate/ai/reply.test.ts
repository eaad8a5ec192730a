import { describe, expect, it } from 'vitest';
import { validateTest } from '../validate.js';
import { FEW_SHOT_EXAMPLES } from './prompts.js';
import { MalformedReplyError, parseTestsReply, toCandidate, type ReplyTest } from './reply.js';
import { sanitiseSteps } from './steps-prose.js';
import { normaliseCode } from './test-code.js';

const replyTest = (overrides: Partial<ReplyTest> = {}): ReplyTest => ({
  name: 'Search finds a product by name',
  description: 'Searching for a mug lists it',
  priority: 'medium',
  type: 'functional',
  scenario: 'positive',
  steps: ['Open the search page', 'Search for "mug"', 'Verify "Blue mug" is listed'],
  playwrightCode: [
    "test('Search finds a product by name', async ({ page }) => {",
    '  // Step 1: Open the search page',
    "  await sentri.navigate(page, '/search');",
    '  // Step 2: Search for "mug"',
    "  await sentri.fill(page, 'label=Search products', 'mug');",
    "  await sentri.press(page, 'Enter', 'label=Search products');",
    '  // Step 3: Verify "Blue mug" is listed',
    "  await sentri.expectVisible(page, undefined, 'Blue mug');",
    '  await expect(page).toHaveURL(/\\/search\\?q=mug$/);',
    '});',
  ].join('\n'),
  ...overrides,
});

const stamp = {
  sourceUrl: 'https://shop.test/search',
  pageTitle: 'Search',
  generatedFrom: 'ai_crawl',
  fixture: 'page',
} as const;

describe('parseTestsReply', () => {
  it('reads {tests}, a bare array, one test object, a fenced reply and a reply with a sentence around it', () => {
    const one = replyTest();
    const forms = [
      JSON.stringify({ tests: [one] }),
      JSON.stringify([one]),
      JSON.stringify(one),
      `\`\`\`json\n${JSON.stringify({ tests: [one] })}\n\`\`\``,
      `Here are your tests: ${JSON.stringify({ tests: [one] })} Good luck!`,
    ];
    for (const text of forms) expect(parseTestsReply(text).map((t) => t.name)).toEqual([one.name]);
  });

  it('drops tests missing fields, and refuses a reply with no usable test', () => {
    const text = JSON.stringify({ tests: [replyTest(), { name: 'no code' }] });
    expect(parseTestsReply(text)).toHaveLength(1);
    expect(() => parseTestsReply('Sorry, I cannot help with that.')).toThrow(MalformedReplyError);
    expect(() => parseTestsReply(JSON.stringify({ tests: [{ name: 'no code' }] }))).toThrow(
      /playwrightCode|description/,
    );
    expect(() => parseTestsReply('{"result": 1}')).toThrow(/no "tests" list/);
    expect(parseTestsReply('{"tests": []}')).toEqual([]);
  });
});

describe('normaliseCode', () => {
  it('strips fences, imports and describe wrappers, and titles the test with its name', () => {
    const raw = [
      '```typescript',
      "import { test, expect } from '@playwright/test';",
      "const { chromium } = require('playwright');",
      "test.describe('Search', () => {",
      "  test.only('first', async ({ page }) => {",
      "    await sentri.navigate(page, '/search');",
      '  });',
      "  test('second', async ({ page }) => {",
      "    await sentri.navigate(page, '/other');",
      '  });',
      '});',
      '```',
    ].join('\n');
    const code = normaliseCode(raw, "Search's first test", 'page');
    expect(code).toBe(
      [
        'test("Search\'s first test", async ({ page }) => {',
        "  await sentri.navigate(page, '/search');",
        '});',
        '',
      ].join('\n'),
    );
  });

  it('picks the test whose title is the name, and wraps a bare body in a test call', () => {
    const two =
      "test('a', async ({ page }) => { await sentri.navigate(page, '/a'); });\ntest('b', async ({ page }) => { await sentri.navigate(page, '/b'); });";
    expect(normaliseCode(two, 'b', 'page')).toContain("'/b'");
    const bare =
      "// Step 1: Call the API\nconst response = await request.get('/api/items');\nexpect(response.status()).toBe(200);";
    expect(normaliseCode(bare, 'API: items', 'request')).toBe(
      [
        "test('API: items', async ({ request }) => {",
        '  // Step 1: Call the API',
        "  const response = await request.get('/api/items');",
        '  expect(response.status()).toBe(200);',
        '});',
        '',
      ].join('\n'),
    );
  });
});

describe('sanitiseSteps', () => {
  it('rewrites steps to prose when most of them are code', () => {
    expect(
      sanitiseSteps([
        "import { test } from '@playwright/test';",
        "await page.goto('https://shop.test/login', { waitUntil: 'domcontentloaded' });",
        "await page.getByLabel('Email').fill('ada@shop.test');",
        'await sentri.click(page, \'role=button[name="Sign in"]\');',
        "await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();",
        "await expect(page.locator('main')).toContainText('Welcome back');",
        'await expect(page).toHaveURL(/dashboard/);',
        "await page.waitForLoadState('domcontentloaded');",
        'await page.keyboard.press("Escape");',
        '});',
      ]),
    ).toEqual([
      'Navigate to https://shop.test/login',
      'Enter "ada@shop.test" into Email',
      'Click "Sign in"',
      'Verify Dashboard is visible',
      'Verify the page shows "Welcome back"',
      'Verify the URL matches /dashboard/',
      'Wait for page to load',
      'Keyboard press "Escape"',
    ]);
  });

  it('leaves prose alone, even with a code line or two among it', () => {
    const steps = ['Open the login page', 'Enter the email', "await page.click('#go');"];
    expect(sanitiseSteps(steps)).toEqual(steps);
  });
});

describe('toCandidate', () => {
  it('stamps the source, normalises type and scenario, and keeps preconditions in the description', () => {
    const test = toCandidate(
      replyTest({ type: 'Form', scenario: 'Edge case', preconditions: 'A product named mug exists' }),
      { ...stamp, intent: 'SEARCH' },
    );
    expect(test).toMatchObject({
      type: 'functional',
      scenario: 'edge_case',
      sourceUrl: 'https://shop.test/search',
      generatedFrom: 'ai_crawl',
      intent: 'SEARCH',
      isJourneyTest: false,
      isApiTest: false,
      description: 'Searching for a mug lists it\nPreconditions: A product named mug exists',
    });
    expect(validateTest(test)).toMatchObject({ ok: true });
  });

  it('falls back to the code comments when the steps are all wrappers', () => {
    const test = toCandidate(replyTest({ steps: ["test('x', async ({ page }) => {", '});'] }), stamp);
    expect(test.steps).toEqual(['Open the search page', 'Search for "mug"', 'Verify "Blue mug" is listed']);
  });
});

describe('few-shot examples', () => {
  it('teach code that Sentri accepts', () => {
    const json = FEW_SHOT_EXAMPLES.slice(FEW_SHOT_EXAMPLES.indexOf('{'));
    const tests = parseTestsReply(json).map((reply) => toCandidate(reply, stamp));
    expect(tests).toHaveLength(2);
    for (const test of tests) expect(validateTest(test)).toMatchObject({ ok: true });
  });
});
