import { describe, expect, it } from 'vitest';
import { codeFromSteps } from '../export/compile-test.js';
import { enhanceAssertions } from './enhance.js';
import { codeOf, loginSnapshot, makeTest, searchSnapshot } from './test-factories.js';
import { validateTest } from './validate.js';

const withCode = (...body: string[]) => makeTest({ playwrightCode: codeOf('t', ...body) });

describe('enhanceAssertions', () => {
  it('leaves a test with strong assertions and an anchor alone', () => {
    const test = makeTest();
    expect(enhanceAssertions(test, loginSnapshot())).toBe(test);
  });

  it('adds a hostname anchor and the seen title to a test with only toBeVisible', () => {
    const test = withCode(
      "await page.goto('https://shop.test/login');",
      "await page.getByLabel('Email').fill('ada@shop.test');",
      "await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();",
    );
    const enhanced = enhanceAssertions(test, loginSnapshot());
    expect(enhanced.assertionEnhanced).toBe(true);
    expect(enhanced.playwrightCode).toBe(
      codeOf(
        't',
        "await page.goto('https://shop.test/login');",
        'await expect(page).toHaveTitle(/Sign in – Shop/i);',
        "await page.getByLabel('Email').fill('ada@shop.test');",
        "await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();",
        'await expect(page).toHaveURL(/shop\\.test/i);',
      ),
    );
  });

  it('gives a test without assertions checks that hold on the page that was seen', () => {
    const test = withCode(
      "await page.goto('https://shop.test/search', { waitUntil: 'domcontentloaded' });",
      "await page.getByRole('searchbox').fill('shoes');",
    );
    const enhanced = enhanceAssertions(test, searchSnapshot(), 'SEARCH');
    const code = enhanced.playwrightCode;
    const afterGoto = code.indexOf("waitUntil: 'domcontentloaded' });") + 40;
    expect(code.indexOf("getByRole('heading', { name: 'Search' }).first()).toBeVisible()")).toBeLessThan(
      code.indexOf("fill('shoes')"),
    );
    expect(code.indexOf('toHaveTitle(/Search products/i)')).toBeLessThan(afterGoto + 60);
    expect(code).toContain(
      "await expect(page.getByRole('searchbox', { name: 'Search products' }).first()).toBeVisible();",
    );
    expect(code).toMatch(/\.catch\(\(\) => \{\}\);\n {2}await expect\(page\)\.toHaveURL\(\/shop\\\.test\/i\);\n\}\);$/);
    expect(validateTest(enhanced)).toMatchObject({ ok: true });
  });

  it('does not claim a title or heading when the test never opens the seen page', () => {
    const test = withCode("await page.goto('https://shop.test/other');", "await page.getByRole('link').click();");
    const code = enhanceAssertions(test, loginSnapshot(), 'AUTH').playwrightCode;
    expect(code).not.toContain('toHaveTitle');
    expect(code).not.toContain('heading');
    expect(code).toContain("await expect(page.locator('body')).toBeVisible();");
  });

  it('replaces weak assertions', () => {
    const test = withCode("await page.goto('https://shop.test/login');", 'expect(await page.title()).toBeTruthy();');
    const code = enhanceAssertions(test).playwrightCode;
    expect(code).not.toContain('toBeTruthy');
    expect(code).toContain('await expect(page).toHaveURL(/shop\\.test/i);');
  });

  it('escapes the hostname and the title', () => {
    const snapshot = { ...loginSnapshot('https://my-app.example.org/login'), title: 'Cart (2) | $9.99 / total' };
    const test = withCode(
      "await page.goto('https://my-app.example.org/login');",
      "await expect(page.getByText('x')).toBeVisible();",
    );
    const code = enhanceAssertions(test, snapshot).playwrightCode;
    expect(code).toContain('toHaveURL(/my-app\\.example\\.org/i)');
    expect(code).toContain('toHaveTitle(/Cart \\(2\\) \\| \\$9\\.99 \\/ total/i)');
  });

  it('anchors step-compiled sentri tests after their navigation', () => {
    const steps = [
      { action: 'navigate' as const, url: 'https://shop.test/login' },
      { action: 'assert' as const, selector: 'role=heading[name="Sign in"]' },
    ];
    const test = makeTest({ steps, playwrightCode: codeFromSteps('Login page', steps) ?? '' });
    const code = enhanceAssertions(test, loginSnapshot()).playwrightCode;
    expect(code.split('\n')[2]).toBe('  await expect(page).toHaveTitle(/Sign in – Shop/i);');
    expect(code).toContain('toHaveURL(/shop\\.test/i)');
  });

  it('leaves API tests and advanced flows untouched', () => {
    const api = makeTest({ isApiTest: true, playwrightCode: codeOf('api', "const r = await request.get('/api');") });
    expect(enhanceAssertions(api)).toBe(api);
    const mocked = withCode(
      "await page.route('**/api', (route) => route.abort());",
      "await page.goto('https://shop.test/');",
    );
    expect(enhanceAssertions(mocked, loginSnapshot())).toBe(mocked);
  });
});
