import { describe, expect, it } from 'vitest';
import { codeFromSteps } from '../export/compile-test.js';
import { scoreTest } from './quality.js';
import { codeOf, makeTest } from './test-factories.js';

describe('scoreTest', () => {
  it('scores a well-asserted semantic test high', () => {
    // URL 20 + visible 15 + 2 expects 20 + name 5 + high 10 + type 15 + getByRole 10 = 95
    expect(scoreTest(makeTest())).toBe(95);
  });

  it('punishes tests without assertions and truthiness checks', () => {
    const bare = makeTest({
      priority: 'low',
      playwrightCode: codeOf('x', "await page.goto('https://shop.test/');", "await page.locator('#go').click();"),
    });
    expect(scoreTest(bare)).toBe(0);
    const truthy = makeTest({
      priority: 'low',
      playwrightCode: codeOf('x', "await page.goto('https://shop.test/');", 'expect(await page.title()).toBeTruthy();'),
    });
    expect(scoreTest(truthy)).toBe(0);
  });

  it('scores step-compiled sentri code like the equivalent raw assertions', () => {
    const steps = [
      { action: 'navigate' as const, url: 'https://docs.test/' },
      { action: 'click' as const, selector: 'role=link[name="Docs"]' },
      { action: 'assert' as const, selector: 'role=heading[name="Docs"]', expected: 'Docs' },
      { action: 'assert' as const, selector: 'label=Search' },
    ];
    const code = codeFromSteps('Open the docs', steps) ?? '';
    expect(code).toContain('sentri.expectVisible');
    // visible 15 + text 15 + 2 assertions 20 + name 5 + high 10 + type 15 + semantic 10 = 90
    expect(scoreTest(makeTest({ name: 'Open the docs', steps, playwrightCode: code }))).toBe(90);
  });

  it('penalises position-based locators', () => {
    const base = makeTest();
    const nth = makeTest({
      playwrightCode: base.playwrightCode.replace(
        '});',
        "  await page.locator('li').nth(1).click();\n  await page.locator('li').nth(2).click();\n  await page.locator('li:nth-child(3)').click();\n});",
      ),
    });
    expect(scoreTest(nth)).toBe(scoreTest(base) - 10);
  });

  it('stays within 0–100', () => {
    const everything = makeTest({
      playwrightCode: codeOf(
        'x',
        'await expect(page).toHaveURL(/a/); await expect(page).toHaveTitle(/b/);',
        "await expect(page.getByTestId('n')).toHaveText('1'); await expect(page.getByLabel('e')).toHaveValue('x');",
        "await expect(page.getByRole('button')).toBeEnabled(); await expect(page.getByText('y')).toBeVisible();",
      ),
    });
    expect(scoreTest(everything)).toBe(100);
  });
});
