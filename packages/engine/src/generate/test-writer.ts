import { visibleTextSelector } from '../discovery/page-state.js';
import { ENTER_FRAME } from '../discovery/snapshot.js';
import type { ObservedAction } from '../discovery/types.js';

/** One step of a generated test: the sentence a reviewer reads and the code that performs it. */
export interface WrittenStep {
  text: string;
  code: string;
}

/** A JS string literal, single-quoted when that needs no escaping (most selectors contain `"`). */
export function lit(value: string): string {
  return /^[^'\\\n\r\u2028\u2029]*$/.test(value) ? `'${value}'` : JSON.stringify(value);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

export const open = (path: string): WrittenStep => ({
  text: `Open ${path}`,
  code: `await sentri.navigate(page, ${lit(path)});`,
});

export function perform(action: ObservedAction): WrittenStep {
  const target = lit(action.locator);
  const frame = framePrefixOf(action.locator);
  const label = (action.label || action.locator) + (frame ? `" in the "${frameName(frame)}` : '');
  switch (action.kind) {
    case 'fill':
      return {
        text: `Fill "${label}" with "${action.value ?? ''}"`,
        code: `await sentri.fill(page, ${target}, ${lit(action.value ?? '')});`,
      };
    case 'select':
      return {
        text: `Select "${action.value ?? ''}" in "${label}"`,
        code: `await sentri.select(page, ${target}, ${lit(action.value ?? '')});`,
      };
    case 'check':
      return { text: `Check "${label}"`, code: `await sentri.check(page, ${target});` };
    case 'uncheck':
      return { text: `Uncheck "${label}"`, code: `await sentri.uncheck(page, ${target});` };
    case 'press':
      return {
        text: `Press ${action.value ?? 'Enter'} in "${label}"`,
        code: `await sentri.press(page, ${lit(action.value ?? 'Enter')}, ${target});`,
      };
    case 'navigate':
      return open(action.value ?? action.locator);
    default:
      return { text: `Click "${label}"`, code: `await sentri.click(page, ${target});` };
  }
}

export const seeText = (text: string): WrittenStep => ({
  text: `Verify "${text}" is shown`,
  code: `await sentri.expectVisible(page, undefined, ${lit(text)});`,
});

export const seeElement = (locator: string, text: string): WrittenStep => ({
  text: `Verify "${text}" is shown`,
  code: `await sentri.expectVisible(page, ${lit(locator)}, ${lit(text)});`,
});

/**
 * The heading itself, by its role and name, with no fallback to other text: a page that lost its
 * heading still shows the same words elsewhere (the menu entry that leads to it).
 */
export const seeHeading = (locator: string, text: string): WrittenStep => ({
  text: `Verify the heading "${text}" is shown`,
  code: `await expect(sentri.target(page, ${lit(locator)})).toBeVisible();`,
});

/**
 * Text shown on screen, not just present in the document: what a tab, an accordion or a message
 * reveals is often in the page all along, hidden. Inside an iframe when `framePrefix` says which.
 */
export const seeVisibleText = (text: string, framePrefix = ''): WrittenStep => ({
  text: `Verify "${text}" is shown${framePrefix ? ` in the ${frameName(framePrefix)} frame` : ''}`,
  code: `await sentri.expectVisible(page, ${lit(visibleTextSelector(text, framePrefix))}, ${lit(text)});`,
});

/** No element on screen shows the text any more (it may still be in the document, hidden). */
export const notSeeText = (text: string): WrittenStep => ({
  text: `Verify "${text}" is no longer shown`,
  code: `await expect(page.getByText(${lit(text)}, { exact: true }).filter({ visible: true })).toHaveCount(0);`,
});

/** The part of a locator that selects the iframe it reaches into, with the step into it; '' when none. */
export function framePrefixOf(locator: string): string {
  const index = locator.indexOf(ENTER_FRAME);
  return index < 0 ? '' : locator.slice(0, index + ENTER_FRAME.length);
}

/** `title="Coupon form" >> …` → `Coupon form`: how a step names the frame to a reader. */
function frameName(prefix: string): string {
  const frame = prefix.slice(0, prefix.indexOf(ENTER_FRAME));
  const quoted = /"((?:[^"\\]|\\.)*)"/.exec(frame);
  return quoted?.[1] ?? frame;
}

export const atPath = (path: string): WrittenStep => {
  const url = new URL(path, 'http://x');
  const pattern = escapeRegExp(url.pathname + url.search);
  return {
    text: `Verify the address is ${url.pathname + url.search}`,
    code: `await expect(page).toHaveURL(/${pattern}$/);`,
  };
};

export const titled = (title: string): WrittenStep => ({
  text: `Verify the page title is "${title}"`,
  code: `await expect(page).toHaveTitle(${lit(title)});`,
});

export const checked = (locator: string, label: string): WrittenStep => ({
  text: `Verify "${label}" is checked`,
  code: `await expect(sentri.target(page, ${lit(locator)})).toBeChecked();`,
});

export const landmark = (role: string): WrittenStep => ({
  text: `Verify the ${role} region is shown`,
  code: `await expect(page.getByRole(${lit(role)}).first()).toBeVisible();`,
});

/** The canonical stored form: one `test(...)` call with a `// Step N:` comment before each step. */
export function writeTest(name: string, steps: WrittenStep[], fixture: 'page' | 'request' = 'page'): string {
  const body = steps
    .map((step, index) => `  // Step ${index + 1}: ${step.text.replace(/\s+/g, ' ')}\n  ${step.code}`)
    .join('\n');
  return `test(${lit(name)}, async ({ ${fixture} }) => {\n${body}\n});\n`;
}
