/** What the element lookup shares: its types, the events it reports, small page helpers. */
import type { Locator } from '@playwright/test';
import { emit, type ElementFingerprint, type HealEvent } from './channel.js';
import { cssPathOf, sameElement } from './fingerprint.js';
import { semanticSelectors } from './similarity.js';
import { recall, type HealingHint } from './memory.js';
import { isLocator, resolveSelector, type Scope } from './selectors.js';
import type { ActionKind, Strategy } from './strategies.js';

/** One element a helper needs, and how to look for it. */
export interface Target {
  action: ActionKind;
  /** The argument as written: what the key, the events and the error name. */
  label: string;
  strategies: Strategy[];
  /**
   * True for a plain-text argument: then the waterfall as a whole is "the locator as written", and
   * only losing a remembered strategy counts as a heal. For a selector, only the selector itself
   * (strategy 0) and the remembered strategy do.
   */
  textual: boolean;
  /** May a remembered fingerprint stand in when nothing matches? Never for asserted text. */
  fingerprintHeal: boolean;
}

export interface Resolved {
  target: Target;
  key: string;
  locator: Locator;
  strategy: string;
  strategyIndex: number;
  previousStrategy?: string;
  healed: boolean;
  remembered?: HealingHint;
  fingerprint: ElementFingerprint | null;
  score?: number;
  newLocator?: string;
  screenshotPath?: string;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** Errors that mean "this selector can never work" rather than "not there yet". */
export const INVALID_SELECTOR =
  /while parsing|Unknown engine|Unexpected token|not a valid selector|Invalid selector|Unsupported/i;

/** The page is gone: nothing to wait for. */
export const CLOSED = /has been closed|Target closed|Browser closed/i;

export const firstLine = (error: unknown) =>
  String((error as Error)?.message ?? error)
    .split('\n')[0]
    ?.replace(/^\w+\.\w+: /, '') ?? '';

export async function scrollToBottom(scope: Scope): Promise<void> {
  const root = isLocator(scope) ? scope : scope.locator(':root');
  const scroll = new Function(
    'el',
    `var doc = el.ownerDocument || el; var win = doc.defaultView;
     if (el.scrollHeight > el.clientHeight) el.scrollTop = el.scrollHeight;
     win.scrollTo(0, doc.documentElement.scrollHeight);`,
  ) as (el: unknown) => void;
  await root.evaluate(scroll, undefined, { timeout: 1000 }).catch(() => undefined);
}

/**
 * A selector our helpers accept for the element, preferring semantic ones, that matches only it
 * right now; a CSS path when none does.
 */
export async function describeElement(scope: Scope, locator: Locator, fp: ElementFingerprint | null): Promise<string> {
  for (const selector of fp ? semanticSelectors(fp) : []) {
    try {
      const candidate = resolveSelector(scope, selector);
      if ((await candidate.count()) === 1 && (await sameElement(candidate, locator))) return selector;
    } catch {
      // not a usable description
    }
  }
  return (await cssPathOf(locator)) ?? fp?.path ?? 'unknown';
}

export const round = (value: number) => Math.round(value * 1000) / 1000;

export function report(resolved: Resolved, startedAt: number): void {
  const { target } = resolved;
  const event: HealEvent = {
    type: 'heal',
    key: resolved.key,
    action: target.action,
    label: target.label,
    strategy: resolved.strategy,
    strategyIndex: resolved.strategyIndex,
    healed: resolved.healed,
    durationMs: Date.now() - startedAt,
  };
  if (resolved.previousStrategy) event.previousStrategy = resolved.previousStrategy;
  if (resolved.score !== undefined) event.score = resolved.score;
  if (resolved.healed) {
    event.oldLocator = target.label;
    if (resolved.newLocator) event.newLocator = resolved.newLocator;
    if (resolved.remembered?.fingerprint) event.before = resolved.remembered.fingerprint;
    if (resolved.screenshotPath) event.screenshotPath = resolved.screenshotPath;
  }
  if (resolved.fingerprint) event.after = resolved.fingerprint;
  emit(event);
}

export function reportFailure(target: Target, key: string, startedAt: number): void {
  const remembered = recall(key);
  const event: HealEvent = {
    type: 'heal',
    key,
    action: target.action,
    label: target.label,
    strategy: 'none',
    strategyIndex: -1,
    healed: false,
    failed: true,
    durationMs: Date.now() - startedAt,
  };
  if (
    remembered &&
    (remembered.strategy === 'fingerprint' || target.strategies.some((s) => s.name === remembered.strategy))
  ) {
    event.previousStrategy = remembered.strategy;
  }
  if (remembered?.fingerprint) event.before = remembered.fingerprint;
  emit(event);
}
