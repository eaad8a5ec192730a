import type { Locator } from '@playwright/test';
import { type ElementFingerprint } from './channel.js';
import { settings, type RuntimeSettings } from './config.js';
import { ElementNotFoundError } from './errors.js';
import { candidateSelector, captureFingerprint, collectCandidates } from './fingerprint.js';
import { similarity } from './similarity.js';
import { healingKey, recall, remember, screenshotPath } from './memory.js';
import { type Scope } from './selectors.js';
import {
  CLOSED,
  INVALID_SELECTOR,
  describeElement,
  firstLine,
  report,
  reportFailure,
  round,
  scrollToBottom,
  sleep,
  type Resolved,
  type Target,
} from './find-support.js';
export type { Target } from './find-support.js';

interface LookupState {
  tried: string[];
  reasons: string[];
  bestScore?: number;
}

/**
 * Finds one target: the remembered strategy first, then the waterfall in order, polled until the
 * deadline; then a scroll-to-bottom pass; then, when a fingerprint is remembered and allowed, the
 * most similar candidate element (ENGINE.md §5.2 `findElement`, plus the fingerprint heal).
 * A strategy matches when it has a visible element (any element for `allowHidden`); a selector
 * that cannot parse is dropped at once. Throws ElementNotFoundError.
 */
async function resolve(
  helper: string,
  scope: Scope,
  target: Target,
  key: string,
  cfg: RuntimeSettings,
  deadline: number,
  startedAt: number,
): Promise<Resolved> {
  const { strategies } = target;
  const remembered = recall(key);
  const hintIndex = remembered ? strategies.findIndex((s) => s.name === remembered.strategy) : -1;
  const fingerprint = target.fingerprintHeal ? remembered?.fingerprint : undefined;
  const fingerprintFirst = remembered?.strategy === 'fingerprint' && Boolean(fingerprint);
  const previousStrategy = hintIndex >= 0 || fingerprintFirst ? remembered?.strategy : undefined;
  const order = strategies.map((_, i) => i);
  if (hintIndex > 0) order.unshift(...order.splice(hintIndex, 1));

  // What winning with is *not* a heal: the locator as written, and the remembered strategy.
  const primary = new Set<string>();
  if (target.textual) {
    if (hintIndex >= 0) primary.add(strategies[hintIndex]?.name ?? '');
    else for (const s of strategies) primary.add(s.name);
  } else {
    primary.add(strategies[0]?.name ?? '');
    if (hintIndex >= 0) primary.add(strategies[hintIndex]?.name ?? '');
  }

  const state: LookupState = { tried: order.map((i) => strategies[i]?.name ?? String(i)), reasons: [] };
  const dead = new Set<number>();
  const errors = new Map<string, string>();

  const finish = async (found: {
    locator: Locator;
    index: number;
    name: string;
    healed: boolean;
    score?: number;
    fingerprint?: ElementFingerprint;
  }): Promise<Resolved> => {
    const fp = found.fingerprint ?? (await captureFingerprint(found.locator));
    const resolved: Resolved = {
      target,
      key,
      locator: found.locator,
      strategy: found.name,
      strategyIndex: found.index,
      healed: found.healed,
      fingerprint: fp,
      ...(previousStrategy ? { previousStrategy } : {}),
      ...(remembered ? { remembered } : {}),
      ...(found.score !== undefined ? { score: found.score } : {}),
    };
    if (found.healed) {
      // Evidence, taken before acting: what the page looked like when something else stood in.
      resolved.newLocator = await describeElement(scope, found.locator, fp);
      const file = screenshotPath(target.action);
      await found.locator.scrollIntoViewIfNeeded({ timeout: 1000 }).catch(() => undefined);
      const shot = await found.locator
        .page()
        .screenshot({ path: file, timeout: 3000 })
        .then(() => file)
        .catch(() => undefined);
      if (shot) resolved.screenshotPath = shot;
    }
    return resolved;
  };

  const sweep = async () => {
    for (const i of order) {
      if (dead.has(i)) continue;
      const strategy = strategies[i];
      if (!strategy) continue;
      let alternatives: Locator[];
      try {
        alternatives = strategy.build(scope);
      } catch (error) {
        dead.add(i);
        errors.set(strategy.name, firstLine(error));
        continue;
      }
      for (const alternative of alternatives) {
        const locator = strategy.allowHidden ? alternative : alternative.filter({ visible: true });
        try {
          if ((await locator.count()) > 0) return { locator: locator.first(), index: i, name: strategy.name };
        } catch (error) {
          if (CLOSED.test(String((error as Error)?.message))) throw error;
          errors.set(strategy.name, firstLine(error));
          if (INVALID_SELECTOR.test(String((error as Error)?.message))) {
            dead.add(i);
            break;
          }
        }
      }
    }
    return undefined;
  };

  let fingerprintTried = false;
  const heal = async (): Promise<Resolved | undefined> => {
    if (!fingerprint) return undefined;
    if (!fingerprintTried) state.tried.push('fingerprint');
    fingerprintTried = true;
    const pool = scope.locator(candidateSelector(target.action, fingerprint.tag));
    const candidates = await collectCandidates(pool, { visibleOnly: target.action !== 'upload', limit: 2000 });
    const ranked = candidates
      .map((candidate) => ({ ...candidate, score: similarity(fingerprint, candidate.fingerprint) }))
      .sort((a, b) => b.score - a.score);
    const [best, runnerUp] = ranked;
    state.reasons = [];
    if (!best) {
      state.reasons.push('Fingerprint heal: no candidate elements');
      return undefined;
    }
    state.bestScore = round(best.score);
    if (best.score < cfg.healThreshold) {
      state.reasons.push(
        `Fingerprint heal refused: best candidate scored ${round(best.score)} (threshold ${cfg.healThreshold})`,
      );
      return undefined;
    }
    if (runnerUp && best.score - runnerUp.score < cfg.healMargin) {
      state.reasons.push(
        `Fingerprint heal refused: ambiguous, best ${round(best.score)} vs runner-up ${round(runnerUp.score)} (margin ${cfg.healMargin})`,
      );
      return undefined;
    }
    return finish({
      locator: pool.nth(best.index),
      index: strategies.length,
      name: 'fingerprint',
      healed: true,
      score: round(best.score),
      fingerprint: best.fingerprint,
    });
  };

  const hit = async (found: { locator: Locator; index: number; name: string } | undefined) =>
    found ? finish({ ...found, healed: !primary.has(found.name) }) : undefined;

  // While polling, one query for "does any strategy match anything?" instead of one per strategy;
  // the ordered sweep runs only when something appeared.
  let union: Locator | undefined;
  let unionBroken = false;
  const anything = async (): Promise<boolean> => {
    if (unionBroken) return true;
    if (!union) {
      const parts: Locator[] = [];
      for (const i of order) {
        const strategy = strategies[i];
        if (dead.has(i) || !strategy) continue;
        try {
          for (const alt of strategy.build(scope))
            parts.push(strategy.allowHidden ? alt : alt.filter({ visible: true }));
        } catch {
          // already recorded by the sweep
        }
      }
      if (!parts.length) return false;
      union = parts.reduce((all, part) => all.or(part));
    }
    try {
      return (await union.count()) > 0;
    } catch (error) {
      if (CLOSED.test(String((error as Error)?.message))) throw error;
      unionBroken = true;
      return true;
    }
  };

  let delay = 100;
  for (let poll = 0; ; poll++) {
    const found = poll === 0 || (await anything()) ? await hit(await sweep()) : undefined;
    if (found) return found;
    // A remembered fingerprint heal stands in as soon as the locator as written is missing (it was
    // missing last time too), instead of after the whole wait; should the locator as written come
    // back, the sweep above wins and the step is no longer reported as healed.
    if (fingerprintFirst) {
      const healed = await heal();
      if (healed) return healed;
    }
    const remaining = deadline - Date.now();
    if (remaining <= 0 || dead.size === strategies.length) break;
    await sleep(Math.min(delay, remaining));
    delay = Math.min(delay * 2, 500);
  }
  if (dead.size < strategies.length) {
    await scrollToBottom(scope);
    await sleep(500);
    const found = await hit(await sweep());
    if (found) return found;
  }
  const healed = await heal();
  if (healed) return healed;

  const lastErrors = [...errors].map(([name, message]) => `${name}: ${message}`);
  throw new ElementNotFoundError({
    helper,
    action: target.action,
    label: target.label,
    key,
    tried: state.tried,
    elapsedMs: Date.now() - startedAt,
    reasons: [
      ...state.reasons,
      ...(fingerprint || !target.fingerprintHeal ? [] : ['No fingerprint remembered for this step']),
      ...(lastErrors.length ? [`Errors: ${lastErrors.join('; ')}`] : []),
    ],
    ...(state.bestScore !== undefined ? { bestScore: state.bestScore } : {}),
  });
}

export interface StepOptions {
  /** Attempts of the resolve-and-act cycle; default HEALING_RETRY_COUNT. Assertions use 1. */
  attempts?: number;
}

/**
 * The resolve-and-act cycle every helper runs (ENGINE.md §5.1): resolve each target, act, and on
 * an action error (detached, covered, not yet enabled) wait HEALING_RETRY_DELAY and do both again,
 * up to HEALING_RETRY_COUNT times. A lookup that found nothing is not retried: it already polled
 * for HEALING_ELEMENT_TIMEOUT. Everything stops at the step budget. Emits one heal event per target.
 */
export async function runStep(
  helper: string,
  scope: Scope,
  targets: Target[],
  act: (elements: Locator[], timeoutMs: number) => Promise<void>,
  options: StepOptions = {},
): Promise<Locator[]> {
  const cfg = settings();
  const startedAt = Date.now();
  const hardDeadline = startedAt + cfg.stepBudgetMs;
  const attempts = Math.max(1, options.attempts ?? cfg.retryCount);
  const keys = targets.map((target) => healingKey(target.action, target.label));
  let resolved: Resolved[] = [];
  let lastError: unknown;
  let missing: number | undefined;

  for (let attempt = 0; attempt < attempts; attempt++) {
    if (attempt > 0) {
      if (Date.now() + cfg.retryDelayMs + 250 >= hardDeadline) break;
      await sleep(cfg.retryDelayMs);
    }
    resolved = [];
    try {
      for (const [i, target] of targets.entries()) {
        missing = i;
        const deadline = Math.min(hardDeadline, Date.now() + cfg.elementTimeoutMs);
        resolved.push(await resolve(helper, scope, target, keys[i] ?? '', cfg, deadline, startedAt));
      }
      missing = undefined;
    } catch (error) {
      lastError = error;
      if (error instanceof ElementNotFoundError) break;
      continue;
    }
    try {
      const timeout = Math.max(250, Math.min(cfg.elementTimeoutMs, hardDeadline - Date.now()));
      await act(
        resolved.map((r) => r.locator),
        timeout,
      );
    } catch (error) {
      lastError = error;
      continue;
    }
    for (const r of resolved) {
      remember(r.key, {
        strategy: r.strategy,
        ...(r.fingerprint
          ? { fingerprint: r.fingerprint }
          : r.remembered?.fingerprint
            ? { fingerprint: r.remembered.fingerprint }
            : {}),
      });
      report(r, startedAt);
    }
    return resolved.map((r) => r.locator);
  }

  // Found-but-failed targets still say how they were found (the locator did its job); a target
  // that was not found at all is a failed lookup.
  for (const r of resolved) report(r, startedAt);
  if (missing !== undefined) {
    const target = targets[missing];
    if (target) reportFailure(target, keys[missing] ?? '', startedAt);
  }
  throw lastError;
}
