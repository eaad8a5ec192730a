import { expect, type Locator, type Page } from '@playwright/test';
import { settings } from './config.js';
import { acts, interact, requireText } from './helpers.js';
import { resolveSelector } from './selectors.js';

/**
 * The helpers Sentri's generated tests call, one per step action
 * (`await sentri.click(page, 'role=button[name="Buy"]')`). Selectors are Playwright selectors,
 * semantic ones first (`role=button[name="Buy"]`, `text=Checkout`, `label=Email`), and the
 * recorder's forms (`data-testid=`, `placeholder=`, `alt=`, `title=`, `tag.class >> nth=1`); plain
 * text is taken as an accessible name. They run on the same waterfall, healing memory and
 * fingerprint heal as the `safe*` helpers.
 * This file ships inside every exported project: it must only depend on @playwright/test.
 */

/** The locator a selector means, without waiting or healing (recorder forms included). */
export function target(page: Page, selector: string): Locator {
  return resolveSelector(page, selector).first();
}

export async function navigate(page: Page, url: string): Promise<void> {
  await page.goto(url);
}

export async function click(page: Page, selector: string): Promise<void> {
  await interact('sentri.click', 'click', page, requireText('sentri.click', 'selector', selector), 'step', acts.click);
}

export async function fill(page: Page, selector: string, value: string): Promise<void> {
  const label = requireText('sentri.fill', 'selector', selector);
  await interact('sentri.fill', 'fill', page, label, 'step', acts.fill(value));
}

export async function select(page: Page, selector: string, value: string): Promise<void> {
  const label = requireText('sentri.select', 'selector', selector);
  await interact('sentri.select', 'select', page, label, 'step', acts.select(value));
}

export async function check(page: Page, selector: string): Promise<void> {
  await interact('sentri.check', 'check', page, requireText('sentri.check', 'selector', selector), 'step', acts.check);
}

export async function uncheck(page: Page, selector: string): Promise<void> {
  const label = requireText('sentri.uncheck', 'selector', selector);
  await interact('sentri.uncheck', 'uncheck', page, label, 'step', acts.uncheck);
}

export async function hover(page: Page, selector: string): Promise<void> {
  await interact('sentri.hover', 'hover', page, requireText('sentri.hover', 'selector', selector), 'step', acts.hover);
}

/** A key on the element, or on the page (the focused element) without a selector. */
export async function press(page: Page, key: string, selector?: string): Promise<void> {
  requireText('sentri.press', 'key', key);
  if (selector) await interact('sentri.press', 'press', page, selector, 'step', acts.press(key));
  else await page.keyboard.press(key);
}

/**
 * Visible, and when `expected` is given, containing that text. Without a selector: anywhere on the
 * page. The element may be re-found by healing; `expected` is always checked as written.
 */
export async function expectVisible(page: Page, selector: string | undefined, expected?: string): Promise<void> {
  const timeout = settings().elementTimeoutMs;
  if (!selector) {
    const body = page.locator('body');
    if (expected) await expect(body).toContainText(expected, { timeout });
    else await expect(body).toBeVisible({ timeout });
    return;
  }
  await interact(
    'sentri.expectVisible',
    'expect',
    page,
    selector,
    'step',
    async (element, remaining) => {
      if (expected) await expect(element).toContainText(expected, { timeout: remaining });
      else await expect(element).toBeVisible({ timeout: remaining });
    },
    { attempts: 1, assertion: true },
  );
}

/** Until the element is visible (found through the waterfall), or without a selector until the network is idle. */
export async function waitFor(page: Page, selector?: string): Promise<void> {
  if (!selector) {
    await page.waitForLoadState('networkidle');
    return;
  }
  await interact('sentri.waitFor', 'wait', page, selector, 'step', async () => undefined, { attempts: 1 });
}
