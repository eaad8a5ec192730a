import type { Locator } from '@playwright/test';
import { cssString, parseSelector, type Scope, type SelectorEngine } from './selectors.js';

/** What a helper does with the element; also the `<action>` part of the healing key. */
export type ActionKind =
  | 'click'
  | 'dblclick'
  | 'hover'
  | 'tap'
  | 'rightclick'
  | 'fill'
  | 'select'
  | 'check'
  | 'uncheck'
  | 'drag-src'
  | 'drag-tgt'
  | 'upload'
  | 'focus'
  | 'press'
  | 'expect'
  | 'wait';

/**
 * One way of finding an element. The name is stable (it is what healing memory stores and what
 * heal events report); the index is only its position in this call's list.
 */
export interface Strategy {
  name: string;
  /** Locators to try in order; the first with a visible match wins (`allowHidden`: any match). */
  build(scope: Scope): Locator[];
  /** File inputs are usually hidden behind a styled button, so hidden matches count for them. */
  allowHidden?: boolean;
}

/** Elements `fill()` works on. */
export const FILLABLE = [
  'input:not([type=hidden]):not([type=checkbox]):not([type=radio]):not([type=file]):not([type=submit])' +
    ':not([type=button]):not([type=reset]):not([type=image]):not([type=range]):not([type=color])',
  'textarea',
  '[contenteditable]:not([contenteditable=false])',
  '[role=textbox]',
  '[role=searchbox]',
  '[role=combobox]',
  '[role=spinbutton]',
].join(', ');
/** Elements that take keyboard focus for focus()/press(). */
export const FOCUSABLE = `${FILLABLE}, select, button, a[href], summary, [tabindex]`;
export const SELECTABLE = 'select, [role=listbox], [role=combobox]';
export const CHECKABLE =
  'input[type=checkbox], input[type=radio], [role=checkbox], [role=radio], [role=switch], [role=menuitemcheckbox], [role=menuitemradio]';
export const FILE_INPUT = 'input[type=file]';

/**
 * Narrows a locator to what the action can act on: the element itself when it is of the right
 * kind (`and`, fixing upstream's descendant-only `onlyFillable`, ENGINE.md §5.2 / §15.4), else such
 * an element inside it (a wrapper `div`, a `label`). Fill stops there; the other kinds fall back to
 * the element itself and let Playwright act on it (custom widgets with keyboard handlers).
 */
export function narrow(action: ActionKind, scope: Scope, locator: Locator): Locator[] {
  const kinds: Partial<Record<ActionKind, string>> = {
    fill: FILLABLE,
    focus: FOCUSABLE,
    press: FOCUSABLE,
    select: SELECTABLE,
    check: CHECKABLE,
    uncheck: CHECKABLE,
    upload: FILE_INPUT,
  };
  const kind = kinds[action];
  if (!kind) return [locator];
  const inner = action === 'focus' || action === 'press' ? FILLABLE : kind;
  const narrowed = [locator.and(scope.locator(kind)), locator.locator(inner)];
  return action === 'fill' ? narrowed : [...narrowed, locator];
}

type AriaRole = Parameters<Scope['getByRole']>[0];

const role = (name: string, text: string): Strategy => ({
  name: `role:${name}`,
  build: (scope) => [scope.getByRole(name as AriaRole, { name: text })],
});
const roles = (names: string[], text: string) => names.map((name) => role(name, text));
const textExact = (text: string): Strategy => ({
  name: 'text-exact',
  build: (scope) => [scope.getByText(text, { exact: true })],
});
const textLoose = (text: string): Strategy => ({ name: 'text', build: (scope) => [scope.getByText(text)] });
const css = (name: string, selector: string, allowHidden = false): Strategy => ({
  name,
  build: (scope) => [scope.locator(selector)],
  ...(allowHidden ? { allowHidden } : {}),
});
const ariaLabel = (text: string) => css('aria-label', `[aria-label*=${cssString(text)}]`);
const title = (text: string) => css('title', `[title*=${cssString(text)}]`);
const label = (action: ActionKind, text: string, allowHidden = false): Strategy => ({
  name: 'label',
  build: (scope) => narrow(action, scope, scope.getByLabel(text)),
  ...(allowHidden ? { allowHidden } : {}),
});
const placeholder = (text: string): Strategy => ({
  name: 'placeholder',
  build: (scope) => [scope.getByPlaceholder(text)],
});

const CLICK_ROLES = ['button', 'link', 'menuitem', 'tab', 'checkbox', 'radio', 'switch', 'option'];
const FIELD_ROLES = ['searchbox', 'combobox', 'textbox', 'spinbutton'];
const EXPECT_ROLES = [
  'button',
  'link',
  'menuitem',
  'tab',
  'heading',
  'img',
  'navigation',
  'listitem',
  'cell',
  'row',
  'dialog',
  'alert',
  'checkbox',
  'radio',
  'switch',
  'slider',
  'progressbar',
  'option',
];
const CHECK_CONTAINERS = ['li', 'tr', '[role=listitem]', '[role=row]', '.item', '.row', '.todo', '.task'];

/**
 * The strategy waterfall of ENGINE.md §5.2 for a plain-text argument (an accessible name, a label,
 * visible text), in order. `role` is the expected role of `safeExpect(page, expect, text, role)`.
 */
export function waterfall(action: ActionKind, text: string, expectedRole?: string): Strategy[] {
  switch (action) {
    case 'click':
    case 'dblclick':
      return [...roles(CLICK_ROLES, text), textExact(text), textLoose(text), ariaLabel(text), title(text)];
    case 'hover':
      return [
        ...roles(['button', 'link', 'menuitem', 'tab', 'img'], text),
        textExact(text),
        textLoose(text),
        ariaLabel(text),
        title(text),
      ];
    case 'tap':
      return [...roles(['button', 'link'], text), textExact(text), textLoose(text), ariaLabel(text)];
    case 'rightclick':
      return [
        ...roles(['button', 'link', 'treeitem', 'listitem'], text),
        textExact(text),
        textLoose(text),
        ariaLabel(text),
      ];
    case 'fill':
      return [
        label('fill', text),
        placeholder(text),
        ...roles(FIELD_ROLES, text),
        css('input-aria-label', `input[aria-label*=${cssString(text)}]`),
        css('textarea-aria-label', `textarea[aria-label*=${cssString(text)}]`),
        css('input-title', `input[title*=${cssString(text)}]`),
      ];
    case 'select':
      return [
        label('select', text),
        ...roles(['combobox', 'listbox'], text),
        css('select-aria-label', `select[aria-label*=${cssString(text)}]`),
      ];
    case 'check':
    case 'uncheck':
      return [
        role('checkbox', text),
        label(action, text),
        ariaLabel(text),
        {
          // A checkbox inside the list item / row that shows the text (todo lists, tables).
          name: 'container-checkbox',
          build: (scope) =>
            CHECK_CONTAINERS.map((container) =>
              scope.locator(container).filter({ hasText: text }).getByRole('checkbox'),
            ),
        },
        {
          name: 'container-input',
          build: (scope) =>
            ['li', 'tr'].map((container) =>
              scope.locator(container).filter({ hasText: text }).locator('input[type=checkbox]'),
            ),
        },
      ];
    case 'drag-src':
    case 'drag-tgt':
      return [textExact(text), textLoose(text), ...roles(['listitem', 'treeitem'], text), ariaLabel(text), title(text)];
    case 'upload':
      return [
        { name: 'testid', build: (scope) => [scope.getByTestId(text)], allowHidden: true },
        label('upload', text, true),
        role('button', text),
        textExact(text),
        css('file-aria-label', `input[type=file][aria-label*=${cssString(text)}]`, true),
        css('file-input', 'input[type=file]', true),
      ];
    case 'focus':
    case 'press':
      return [
        label(action, text),
        placeholder(text),
        ...roles(['textbox', 'button'], text),
        textExact(text),
        ariaLabel(text),
      ];
    case 'expect':
    case 'wait':
      if (expectedRole) {
        return [role(expectedRole, text), textExact(text), textLoose(text), label(action, text), ariaLabel(text)];
      }
      return [
        ...roles(FIELD_ROLES, text),
        label(action, text),
        placeholder(text),
        css('input-aria-label', `input[aria-label*=${cssString(text)}]`),
        css('input-title', `input[title*=${cssString(text)}]`),
        ...roles(EXPECT_ROLES, text),
        textExact(text),
        textLoose(text),
        ariaLabel(text),
      ];
  }
}

const ENGINE_NAMES: Record<SelectorEngine, string> = {
  css: 'css',
  chain: 'css',
  xpath: 'xpath',
  text: 'selector:text',
  role: 'selector:role',
  testid: 'selector:testid',
  label: 'selector:label',
  placeholder: 'selector:placeholder',
  alt: 'selector:alt',
  title: 'selector:title',
};

/**
 * Strategies for a selector argument: the selector as written (narrowed to what the action can act
 * on), then, for a recorder-style semantic selector that names its element (`text="Sign in"`,
 * `label="Email"`, `role=button[name="Buy"]`…), the text waterfall for that name, so a recorded
 * step survives the element changing kind (a button that became a link) or a truncated label.
 */
export function selectorStrategies(action: ActionKind, selector: string): Strategy[] {
  const parsed = parseSelector(selector);
  const asWritten: Strategy = {
    name: ENGINE_NAMES[parsed.engine],
    build: (scope) => narrow(action, scope, parsed.build(scope)),
    ...(action === 'upload' ? { allowHidden: true } : {}),
  };
  if (!parsed.name) return [asWritten];
  const expectedRole = action === 'expect' || action === 'wait' ? parsed.role : undefined;
  const fallback = waterfall(action, parsed.name, expectedRole).filter((strategy) => strategy.name !== asWritten.name);
  return [asWritten, ...fallback];
}
