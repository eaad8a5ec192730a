/// <reference lib="dom" />
import type { Frame, Page } from '@playwright/test';
import { resolveSelector } from '@sentri/runtime';
import { inPageSource } from './page-collector.js';
import type { ObservedOutcome } from './types.js';

/** What a user sees, reduced to what can be compared before and after an action. */
export interface VisibleState {
  url: string;
  title: string;
  /** Visible text lines of the body. */
  lines: string[];
  /** Lines inside live regions (status, alert, aria-live) and headings: the likely "outcome" text. */
  salient: string[];
  /** Item counts of every visible list and table body, in document order. */
  lists: number[];
  /** Text of the items of the longest list. */
  items: string[];
  invalidFields: number;
}

function readVisible(): VisibleState {
  const norm = (value: string | null | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();
  const shown = (el: Element) => {
    const box = (el as HTMLElement).getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  };
  const texts: string[] = [];
  const salient: string[] = [];
  // innerText skips shadow roots: walk them too, so text a web component shows is seen.
  const collect = (root: Document | ShadowRoot) => {
    for (const el of Array.from(root.querySelectorAll('*'))) {
      if (el.shadowRoot) {
        for (const child of Array.from(el.shadowRoot.children)) {
          if (shown(child)) texts.push(...((child as HTMLElement).innerText ?? '').split('\n'));
        }
        collect(el.shadowRoot);
      }
      if (el.matches('[role=status],[role=alert],[aria-live],output,h1,h2,h3') && shown(el)) {
        salient.push(norm((el as HTMLElement).innerText ?? el.textContent));
      }
    }
  };
  texts.push(...(document.body?.innerText ?? '').split('\n'));
  collect(document);
  // An empty list has no size yet is still there: only lists hidden outright are left out.
  const listElements = Array.from(document.querySelectorAll('ul,ol,[role=list],tbody')).filter(
    (list) => getComputedStyle(list).display !== 'none' && !list.closest('nav,[role=navigation]'),
  );
  const lists = listElements.map(
    (list) =>
      Array.from(list.children).filter((child) => child.matches('li,[role=listitem],tr') && shown(child)).length,
  );
  let longest: Element | undefined;
  for (const list of listElements) if (!longest || list.children.length > longest.children.length) longest = list;
  return {
    url: location.href,
    title: document.title,
    lines: Array.from(new Set(texts.map(norm).filter((line) => line.length > 1))),
    salient: salient.filter(Boolean),
    lists,
    // An item's first line (its name): the rest (price, buttons) is laid out apart and would
    // not read back as one string.
    items: longest
      ? Array.from(longest.children).map(
          (child) => ((child as HTMLElement).innerText ?? '').split('\n').map(norm).find(Boolean) ?? '',
        )
      : [],
    invalidFields: document.querySelectorAll('input:invalid,select:invalid,textarea:invalid').length,
  };
}

/** The visible state of a page, or of one frame of it. */
export async function readState(scope: Page | Frame): Promise<VisibleState> {
  return scope.evaluate<VisibleState>(inPageSource(readVisible, undefined));
}

/** The selector a generated test asserts a line of visible text with (inside a frame: after its prefix). */
export function visibleTextSelector(text: string, framePrefix = ''): string {
  return `${framePrefix}text=${JSON.stringify(text)}`;
}

/**
 * The lines a generated test can find again as visible text, checked on the live page the way the
 * test will check them: a line read from the rendered text may not match any one element's text
 * (a table row, text transformed by CSS), and asserting it would fail on the unchanged app.
 */
export async function assertableLines(page: Page, lines: string[], framePrefix = '', limit = 5): Promise<string[]> {
  const kept: string[] = [];
  for (const line of lines) {
    if (kept.length >= limit) break;
    const count = await resolveSelector(page, visibleTextSelector(line, framePrefix))
      .filter({ visible: true })
      .count()
      .catch(() => 0);
    if (count > 0) kept.push(line);
  }
  return kept;
}

/** Text that would make a brittle assertion: clocks, dates, long numbers and ids. */
export function isVolatileText(text: string): boolean {
  return (
    /\b\d{1,2}:\d{2}\b/.test(text) ||
    /\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/.test(text) ||
    /\d{5,}/.test(text) ||
    /\b[0-9a-f]{8,}\b/i.test(text) ||
    /\b(ago|just now|today|yesterday)\b/i.test(text)
  );
}

const usable = (line: string) => line.length >= 3 && line.length <= 120 && !isVolatileText(line);

/** What changed between two states, keeping only stable text worth asserting on. */
export function diffStates(before: VisibleState, after: VisibleState): ObservedOutcome {
  const had = new Set(before.lines);
  const has = new Set(after.lines);
  const appeared = after.lines.filter((line) => !had.has(line) && usable(line));
  // Live regions and headings first: they are what the app says about the action.
  const salient = new Set(after.salient);
  appeared.sort((a, b) => Number(salient.has(b)) - Number(salient.has(a)));
  // More than the five kept: some may turn out not to be assertable (see assertableLines).
  const outcome: ObservedOutcome = {
    appearedText: appeared.slice(0, 12),
    disappearedText: before.lines.filter((line) => !has.has(line) && usable(line)).slice(0, 5),
  };
  const beforeUrl = new URL(before.url);
  const afterUrl = new URL(after.url);
  if (beforeUrl.pathname + beforeUrl.search !== afterUrl.pathname + afterUrl.search) {
    outcome.urlAfter = afterUrl.pathname + afterUrl.search;
  }
  if (after.title !== before.title) outcome.titleAfter = after.title;
  const grown = after.lists.findIndex((count, index) => count !== (before.lists[index] ?? count));
  if (grown >= 0 && before.lists.length === after.lists.length) {
    const newItem = after.items.find((item) => !before.items.includes(item));
    outcome.list = {
      locator: `list:${grown}`,
      before: before.lists[grown] ?? 0,
      after: after.lists[grown] ?? 0,
      ...(newItem ? { itemText: newItem } : {}),
    };
  }
  if (after.invalidFields > 0 && before.url === after.url) outcome.blockedByValidation = true;
  return outcome;
}
