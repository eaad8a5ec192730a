import { describe, expect, it } from 'vitest';
import { codeShape, compileStep, toSpecFile } from './compile-test.js';
import { specFileNames } from './playwright-project.js';

describe('compiling steps into Playwright code', () => {
  it.each([
    [{ action: 'navigate', url: '/cart' }, 'await sentri.navigate(page, "/cart");'],
    [
      { action: 'click', selector: 'role=button[name="Buy"]' },
      'await sentri.click(page, "role=button[name=\\"Buy\\"]");',
    ],
    [{ action: 'fill', selector: 'label=Email', value: 'a@b.c' }, 'await sentri.fill(page, "label=Email", "a@b.c");'],
    [{ action: 'select', selector: '#size', value: 'XL' }, 'await sentri.select(page, "#size", "XL");'],
    [{ action: 'check', selector: '#terms' }, 'await sentri.check(page, "#terms");'],
    [{ action: 'press', value: 'Escape' }, 'await sentri.press(page, "Escape");'],
    [{ action: 'assert', expected: 'Done' }, 'await sentri.expectVisible(page, undefined, "Done");'],
    [{ action: 'assert', selector: 'h1' }, 'await sentri.expectVisible(page, "h1");'],
    [{ action: 'wait', selector: '#spinner' }, 'await sentri.waitFor(page, "#spinner");'],
    ['Open the */ shop', '// Open the */ shop'],
  ])('%j → %s', (step, code) => {
    expect(compileStep(step)).toBe(code);
  });

  it('tells a whole spec, a test call and a bare body apart', () => {
    expect(codeShape("import { test } from '@playwright/test';\ntest('a', async () => {});")).toBe('spec');
    expect(codeShape("test('a', async ({ page }) => {});")).toBe('test-call');
    expect(codeShape("async ({ page }) => { await page.goto('/'); }")).toBe('body');
    expect(codeShape("await page.goto('/');")).toBe('body');
  });

  it('wraps a bare body in one test and keeps a whole spec verbatim', () => {
    const wrapped = toSpecFile(
      { name: 'Home "page"', steps: [], playwrightCode: "async ({ page }) => {\n  await page.goto('/');\n}" },
      '../rt',
    );
    expect(wrapped).toContain(`test("Home \\"page\\"", async ({ page }) => {\n  await page.goto('/');\n});`);
    expect(wrapped).toContain(`import { sentri } from "../rt";`);
    const spec = "import { test } from '@playwright/test';\ntest('x', async () => {});";
    expect(toSpecFile({ name: 'x', steps: [], playwrightCode: spec }, '../rt')).toBe(`${spec}\n`);
  });

  it('is deterministic, and marks a test without code or actions as fixme', () => {
    const test = { name: 'Notes', steps: ['Look'], playwrightCode: null };
    expect(toSpecFile(test, '../rt')).toBe(toSpecFile(test, '../rt'));
    expect(toSpecFile(test, '../rt')).toContain('test.fixme("Notes"');
  });

  it('names spec files uniquely', () => {
    expect(specFileNames(['Checkout', 'checkout!', '', '***', 'Checkout'])).toEqual([
      'checkout.spec.ts',
      'checkout-2.spec.ts',
      'test-3.spec.ts',
      'test-4.spec.ts',
      'checkout-3.spec.ts',
    ]);
  });
});
