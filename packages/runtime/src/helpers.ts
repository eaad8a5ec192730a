import type { FrameLocator, Locator } from '@playwright/test';
import { settings } from './config.js';
import { runStep, type StepOptions, type Target } from './find.js';
import { cssString, isBareTag, looksLikeSelector, resolveSelector, type Scope } from './selectors.js';
import { selectorStrategies, waterfall, type ActionKind } from './strategies.js';

/**
 * The `safe*` helpers (ENGINE.md §5.1): act on an element named by its accessible text, label or
 * placeholder — or by any Playwright / recorder selector — through the strategy waterfall, healing
 * memory and fingerprint heal of find.ts. Every helper accepts a page, a frame, the FrameLocator
 * `safeSelectFrame` returns, or a container Locator as its first argument.
 */

/** `text`: a plain argument is accessible text (the safe* helpers); `step`: a bare tag is CSS too (`sentri.*`). */
export type ArgumentMode = 'text' | 'step';

/** Does a selector itself name the content (text, accessible name, label…)? Then it is asserted, never healed. */
function namesContent(selector: string): boolean {
  return /(^|>>\s*)(text|role|label|placeholder|alt|title)=|:has-text\(|:text(-is|-matches)?\(/i.test(selector);
}

/**
 * `Home > Products`, `Ctrl + S`: §5.3 calls these selectors (a spaced combinator between words),
 * but without any CSS-only punctuation they are just as likely visible text.
 */
function couldBeText(label: string): boolean {
  return /\s[>~+]\s/.test(label) && !/[#.[\]:="'()*/]/.test(label) && !label.includes('>>');
}

export function targetFor(
  action: ActionKind,
  label: string,
  mode: ArgumentMode,
  options: { role?: string; assertion?: boolean } = {},
): Target {
  const selector = looksLikeSelector(label) || (mode === 'step' && isBareTag(label));
  const ambiguous = selector && couldBeText(label);
  const strategies = !selector
    ? waterfall(action, label, options.role)
    : ambiguous
      ? [...selectorStrategies(action, label), ...waterfall(action, label, options.role)]
      : selectorStrategies(action, label);
  return {
    action,
    label,
    strategies,
    // Text (or text-or-CSS): the whole list is "as written"; only losing a remembered strategy heals.
    textual: !selector || ambiguous,
    // An assertion's text is checked as written: a fingerprint may re-find an element named by
    // structure (CSS, XPath, test id), never stand in for the text or name being asserted.
    fingerprintHeal: !options.assertion || (selector && !namesContent(label)),
  };
}

export function requireText(helper: string, what: string, value: unknown): string {
  if (typeof value !== 'string' || !value.trim()) throw new TypeError(`${helper}: ${what} argument is required`);
  return value;
}

const only = (elements: Locator[]): Locator => {
  const [element] = elements;
  if (!element) throw new Error('internal: no element resolved');
  return element;
};

/** One action on one element, shared by the safe* and the sentri.* helpers. */
export async function interact(
  helper: string,
  action: ActionKind,
  scope: Scope,
  label: string,
  mode: ArgumentMode,
  act: (element: Locator, timeoutMs: number) => Promise<void>,
  options: StepOptions & { role?: string; assertion?: boolean } = {},
): Promise<Locator> {
  const target = targetFor(action, label, mode, options);
  const [element] = await runStep(
    helper,
    scope,
    [target],
    (elements, timeout) => act(only(elements), timeout),
    options,
  );
  return only(element ? [element] : []);
}

const settle = (element: Locator) =>
  element
    .page()
    .waitForLoadState('domcontentloaded', { timeout: 3000 })
    .catch(() => undefined);

/** What each action does once the element is found. */
export const acts = {
  async click(element: Locator, timeout: number) {
    await element.click({ timeout });
    await settle(element);
  },
  async dblclick(element: Locator, timeout: number) {
    await element.dblclick({ timeout });
    await settle(element);
  },
  async hover(element: Locator, timeout: number) {
    await element.hover({ timeout });
    await new Promise((resolve) => setTimeout(resolve, 300));
  },
  async rightclick(element: Locator, timeout: number) {
    await element.click({ button: 'right', timeout });
  },
  async tap(element: Locator, timeout: number) {
    await element.tap({ timeout });
  },
  fill: (value: unknown) => async (element: Locator, timeout: number) => {
    await element.fill('', { timeout });
    await element.fill(String(value ?? ''), { timeout });
  },
  select: (value: SelectValue) => async (element: Locator, timeout: number) => {
    const option = typeof value === 'number' || typeof value === 'boolean' ? String(value) : value;
    await element.selectOption(option as Parameters<Locator['selectOption']>[0], { timeout });
  },
  async check(element: Locator, timeout: number) {
    await element.check({ timeout });
  },
  async uncheck(element: Locator, timeout: number) {
    await element.uncheck({ timeout });
  },
  async focus(element: Locator, timeout: number) {
    await element.focus({ timeout });
  },
  press: (key: string) => async (element: Locator, timeout: number) => {
    await element.press(key, { timeout });
  },
  upload: (files: UploadFiles) => async (element: Locator, timeout: number) => {
    const isFileInput = await element.evaluate(
      new Function('el', "return el.tagName === 'INPUT' && el.type === 'file';") as (el: unknown) => boolean,
      undefined,
      { timeout },
    );
    if (isFileInput) {
      await element.setInputFiles(files, { timeout });
      return;
    }
    // A styled "Upload" button: let it open the chooser and answer that.
    const [chooser] = await Promise.all([
      element.page().waitForEvent('filechooser', { timeout }),
      element.click({ timeout }),
    ]);
    await chooser.setFiles(files, { timeout });
  },
};

export type SelectValue =
  | string
  | number
  | boolean
  | string[]
  | { value?: string; label?: string; index?: number }
  | { value?: string; label?: string; index?: number }[];
export type UploadFiles = Parameters<Locator['setInputFiles']>[0];

export async function safeClick(page: Scope, text: string): Promise<void> {
  await interact('safeClick', 'click', page, requireText('safeClick', 'text', text), 'text', acts.click);
}

export async function safeDblClick(page: Scope, text: string): Promise<void> {
  await interact('safeDblClick', 'dblclick', page, requireText('safeDblClick', 'text', text), 'text', acts.dblclick);
}

export async function safeHover(page: Scope, text: string): Promise<void> {
  await interact('safeHover', 'hover', page, requireText('safeHover', 'text', text), 'text', acts.hover);
}

export async function safeRightClick(page: Scope, text: string): Promise<void> {
  await interact(
    'safeRightClick',
    'rightclick',
    page,
    requireText('safeRightClick', 'text', text),
    'text',
    acts.rightclick,
  );
}

/** Needs a touch-enabled context (`hasTouch: true`). */
export async function safeTap(page: Scope, text: string): Promise<void> {
  await interact('safeTap', 'tap', page, requireText('safeTap', 'text', text), 'text', acts.tap);
}

export async function safeFill(page: Scope, labelOrPlaceholder: string, value: unknown): Promise<void> {
  const label = requireText('safeFill', 'label', labelOrPlaceholder);
  await interact('safeFill', 'fill', page, label, 'text', acts.fill(value));
}

/** Numbers and booleans become strings; arrays and option objects pass through to `selectOption`. */
export async function safeSelect(page: Scope, label: string, value: SelectValue): Promise<void> {
  await interact('safeSelect', 'select', page, requireText('safeSelect', 'label', label), 'text', acts.select(value));
}

export async function safeCheck(page: Scope, label: string): Promise<void> {
  await interact('safeCheck', 'check', page, requireText('safeCheck', 'label', label), 'text', acts.check);
}

export async function safeUncheck(page: Scope, label: string): Promise<void> {
  await interact('safeUncheck', 'uncheck', page, requireText('safeUncheck', 'label', label), 'text', acts.uncheck);
}

export async function safeDrag(page: Scope, sourceText: string, targetText: string): Promise<void> {
  const source = targetFor('drag-src', requireText('safeDrag', 'source', sourceText), 'text');
  const target = targetFor('drag-tgt', requireText('safeDrag', 'target', targetText), 'text');
  await runStep('safeDrag', page, [source, target], async ([from, to], timeout) => {
    if (!from || !to) throw new Error('internal: drag ends not resolved');
    await from.dragTo(to, { timeout });
  });
}

/** A file input is filled directly (hidden ones too); any other element is clicked and its file chooser answered. */
export async function safeUpload(page: Scope, labelOrSelector: string, files: UploadFiles): Promise<void> {
  const label = requireText('safeUpload', 'label', labelOrSelector);
  await interact('safeUpload', 'upload', page, label, 'text', acts.upload(files));
}

export async function safeFocus(page: Scope, label: string): Promise<void> {
  await interact('safeFocus', 'focus', page, requireText('safeFocus', 'label', label), 'text', acts.focus);
}

export async function safePress(page: Scope, labelOrSelector: string, key: string): Promise<void> {
  const label = requireText('safePress', 'label', labelOrSelector);
  await interact('safePress', 'press', page, label, 'text', acts.press(requireText('safePress', 'key', key)));
}

/**
 * The frame a test continues in, synchronously. A selector is used as written; a name matches an
 * iframe's title, name or aria-label (substring) or its id.
 */
export function safeSelectFrame(page: Scope, selectorOrName: string): FrameLocator {
  const arg = requireText('safeSelectFrame', 'selector', selectorOrName);
  if (looksLikeSelector(arg)) return resolveSelector(page, arg).first().contentFrame();
  const value = cssString(arg);
  return page
    .locator(`iframe[title*=${value}], iframe[name*=${value}], iframe[aria-label*=${value}], iframe[id=${value}]`)
    .first()
    .contentFrame();
}

/** The one matcher `safeExpect` needs; `expect` from `@playwright/test` (or a configured copy) fits. */
export type VisibilityExpect = (actual: Locator) => {
  toBeVisible(options?: { timeout?: number }): Promise<void>;
};

/**
 * Asserts that the element named by `text` (with `role`, when given) is visible, or that a Locator
 * is. Not retried: the lookup already waits HEALING_ELEMENT_TIMEOUT. The text is part of the
 * assertion, so it is never healed: when no element shows it, this fails, whatever fingerprint is
 * remembered. Only a structural selector (CSS, XPath, test id) may be re-found by fingerprint.
 */
export async function safeExpect(
  page: Scope,
  expect: VisibilityExpect,
  text: string | Locator,
  role?: string,
): Promise<void> {
  if (typeof text !== 'string') {
    if (!text || typeof text.and !== 'function') throw new TypeError('safeExpect: text argument is required');
    await expect(text).toBeVisible({ timeout: settings().elementTimeoutMs });
    return;
  }
  const label = requireText('safeExpect', 'text', text);
  await interact(
    'safeExpect',
    'expect',
    page,
    label,
    'text',
    async (element, timeout) => {
      await expect(element).toBeVisible({ timeout });
    },
    { attempts: 1, assertion: true, ...(role ? { role } : {}) },
  );
}
