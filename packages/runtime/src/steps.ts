import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The helpers Sentri's generated tests call, one per step action. Selectors are Playwright
 * selectors, semantic ones first (`role=button[name="Buy"]`, `text=Checkout`, `label=Email`),
 * so a test reads like its steps and survives markup changes that keep the meaning.
 * This file ships inside every exported project: it must only depend on @playwright/test.
 */
export function target(page: Page, selector: string): Locator {
  const label = /^label=(.+)$/.exec(selector);
  if (label?.[1]) return page.getByLabel(unquote(label[1])).first();
  const placeholder = /^placeholder=(.+)$/.exec(selector);
  if (placeholder?.[1]) return page.getByPlaceholder(unquote(placeholder[1])).first();
  return page.locator(selector).first();
}

function unquote(text: string): string {
  return text.replace(/^["'](.*)["']$/, '$1');
}

export async function navigate(page: Page, url: string): Promise<void> {
  await page.goto(url);
}

export async function click(page: Page, selector: string): Promise<void> {
  await target(page, selector).click();
}

export async function fill(page: Page, selector: string, value: string): Promise<void> {
  await target(page, selector).fill(value);
}

export async function select(page: Page, selector: string, value: string): Promise<void> {
  await target(page, selector).selectOption(value);
}

export async function check(page: Page, selector: string): Promise<void> {
  await target(page, selector).check();
}

export async function uncheck(page: Page, selector: string): Promise<void> {
  await target(page, selector).uncheck();
}

export async function hover(page: Page, selector: string): Promise<void> {
  await target(page, selector).hover();
}

export async function press(page: Page, key: string, selector?: string): Promise<void> {
  if (selector) await target(page, selector).press(key);
  else await page.keyboard.press(key);
}

/** Visible, and when `expected` is given, containing that text. Without a selector: anywhere on the page. */
export async function expectVisible(page: Page, selector: string | undefined, expected?: string): Promise<void> {
  const locator = selector ? target(page, selector) : page.locator('body');
  if (expected) await expect(locator).toContainText(expected);
  else await expect(locator).toBeVisible();
}

export async function waitFor(page: Page, selector?: string): Promise<void> {
  if (selector) await target(page, selector).waitFor();
  else await page.waitForLoadState('networkidle');
}
