import { describe, expect, it } from 'vitest';
import { dedupeAgainstExisting, dedupeBatch, nameSimilarity, structuralHash, type ExistingTest } from './dedupe.js';
import { codeOf, makeTest } from './test-factories.js';

const searchTest = makeTest({
  name: 'Search for running shoes returns results',
  description: 'Searches the catalogue for shoes and sees product cards',
  steps: ['Open the search page', 'Type "running shoes"', 'Press Enter'],
  playwrightCode: codeOf(
    'Search for running shoes returns results',
    "await page.goto('https://shop.test/search');",
    "await page.getByRole('searchbox').fill('running shoes');",
    "await page.getByRole('searchbox').press('Enter');",
    "await expect(page.getByRole('listitem')).not.toHaveCount(0);",
  ),
  intent: 'SEARCH',
  sourceUrl: 'https://shop.test/search',
});

const existing = (overrides: Partial<ExistingTest> = {}): ExistingTest => {
  const { name, description, steps, playwrightCode, sourceUrl } = makeTest();
  return { name, description, steps, playwrightCode, sourceUrl, reviewStatus: 'approved', ...overrides };
};

describe('structuralHash', () => {
  it('ignores formatting and the test name but not the actions', () => {
    const login = makeTest();
    const reformatted = makeTest({
      name: 'Another title',
      playwrightCode: login.playwrightCode.replace(/'/g, '"').replace(/\n {2}/g, '\n    '),
    });
    expect(structuralHash(reformatted)).toBe(structuralHash(login));
    expect(structuralHash(searchTest)).not.toBe(structuralHash(login));
  });
});

describe('nameSimilarity', () => {
  it('is 1 for equal names and falls with edits', () => {
    expect(nameSimilarity('checkout', 'checkout')).toBe(1);
    expect(nameSimilarity('kitten', 'sitting')).toBeCloseTo(1 - 3 / 7);
  });
});

describe('dedupeBatch', () => {
  it('removes a renamed near-duplicate and keeps the better one', () => {
    const original = makeTest({ priority: 'medium' });
    const renamed = makeTest({
      name: 'User signs in with valid credential',
      description: 'Logs in and lands on the dashboard',
      playwrightCode: original.playwrightCode.replace("'correct horse'", "'battery staple'"),
    });
    const { tests, stats } = dedupeBatch([original, renamed, searchTest]);
    expect(tests.map((t) => t.name)).toEqual(['User signs in with valid credential', searchTest.name]);
    expect(stats).toMatchObject({ total: 3, unique: 2, duplicatesRemoved: 1 });
    expect(stats.averageQuality).toBe(Math.round(((tests[0]?.qualityScore ?? 0) + (tests[1]?.qualityScore ?? 0)) / 2));
  });

  it('keeps distinct tests on the same page', () => {
    const invalid = makeTest({
      name: 'Sign in is refused with a wrong password',
      description: 'A wrong password shows an error message',
      scenario: 'negative',
      steps: ['Enter a wrong password', 'Submit', 'See "Invalid credentials"'],
      playwrightCode: codeOf(
        'wrong password',
        "await page.goto('https://shop.test/login');",
        "await page.getByLabel('Password').fill('nope');",
        "await page.getByRole('button', { name: 'Sign in' }).click();",
        "await expect(page.getByRole('alert')).toContainText('Invalid credentials');",
      ),
    });
    const { tests, stats } = dedupeBatch([makeTest(), invalid]);
    expect(tests).toHaveLength(2);
    expect(stats.duplicatesRemoved).toBe(0);
  });

  it('catches exact copies by structure even on different pages', () => {
    const copy = { ...searchTest, name: 'Totally different wording here', sourceUrl: 'https://shop.test/' };
    const { tests } = dedupeBatch([searchTest, copy, searchTest]);
    expect(tests).toHaveLength(1);
  });

  it('does not compare short names by spelling', () => {
    const a = makeTest({
      name: 'Login works',
      description: 'one',
      steps: ['a'],
      playwrightCode: codeOf('a', 'await page.goto("/a");'),
    });
    const b = makeTest({
      name: 'Login worked',
      description: 'two',
      steps: ['b'],
      playwrightCode: codeOf('b', 'await page.goto("/b");'),
    });
    expect(dedupeBatch([a, b]).tests).toHaveLength(2);
  });
});

describe('dedupeAgainstExisting', () => {
  it('drops a test that repeats an approved or draft test', () => {
    const renamed = makeTest({ name: 'User signs in with valid credential', description: 'new wording' });
    expect(dedupeAgainstExisting([renamed, searchTest], [existing()])).toEqual([searchTest]);
    expect(dedupeAgainstExisting([makeTest()], [existing({ reviewStatus: 'draft' })])).toEqual([]);
  });

  it('lets a test through when the look-alike was rejected', () => {
    expect(dedupeAgainstExisting([makeTest()], [existing({ reviewStatus: 'rejected' })])).toEqual([makeTest()]);
  });

  it('only compares names on the same page', () => {
    const elsewhere = existing({ sourceUrl: 'https://shop.test/other', playwrightCode: null, steps: ['different'] });
    expect(dedupeAgainstExisting([makeTest()], [elsewhere])).toHaveLength(1);
  });
});
