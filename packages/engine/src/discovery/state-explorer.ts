import type { Page } from '@playwright/test';
import { resolveSelector } from '@sentri/runtime';
import type { CrawlSession } from './crawl-session.js';
import { fillValueFor, searchTermFrom } from './fill-values.js';
import type { PageVisitor } from './link-crawler.js';
import { diffStates, readState, type VisibleState } from './page-state.js';
import type { SiteGraphBuilder } from './site-graph.js';
import { takeSnapshot } from './snapshot.js';
import type { ElementInfo, FormInfo, Observation, ObservedAction, ObservedOutcome, PageSnapshot } from './types.js';

const DESTRUCTIVE =
  /\b(delete|remove|destroy|reset|clear all|unsubscribe|deactivate|close account|sign out|log ?out)\b/i;
const SEARCHY = /search|find|filter|query|look ?up/i;
const STANDALONE_ROLES = new Set(['button', 'tab', 'menuitem', 'switch']);

const observable = (o: ObservedOutcome) =>
  o.appearedText.length > 0 || o.disappearedText.length > 0 || o.urlAfter !== undefined || o.list !== undefined;

/**
 * State exploration (ENGINE.md §1.3), rebuilt around what a generator can assert: each probe
 * replays from a fresh load of the page, performs one user intention (submit a form with good
 * values, submit it empty, search, add an item then toggle and delete that same item, press a
 * button) and records only what visibly changed. Items it deletes are ones it created itself.
 */
export function stateProbes(session: CrawlSession, graph: SiteGraphBuilder, observations: Observation[]): PageVisitor {
  const { options } = session;
  const settle = async (page: Page) => {
    await page.waitForLoadState('domcontentloaded', { timeout: options.actionTimeoutMs }).catch(() => undefined);
    await page.waitForTimeout(250);
    const idle = Math.min(options.actionTimeoutMs, 2000);
    await page.waitForLoadState('networkidle', { timeout: idle }).catch(() => undefined);
  };
  const act = async (page: Page, action: ObservedAction) => {
    const target = resolveSelector(page, action.locator).first();
    const timeout = options.actionTimeoutMs;
    if (action.kind === 'fill') await target.fill(action.value ?? '', { timeout });
    else if (action.kind === 'select') await target.selectOption(action.value ?? '', { timeout });
    else if (action.kind === 'check') await target.check({ timeout }).catch(() => target.click({ timeout }));
    else if (action.kind === 'press') await target.press(action.value ?? 'Enter', { timeout });
    else await target.click({ timeout });
  };
  const record = (observation: Observation) => {
    observations.push(observation);
    session.options.onProgress?.({ type: 'observation', observation });
    const { urlAfter } = observation.outcome;
    if (urlAfter) {
      const from = new URL(observation.pageUrl, session.origin).href;
      const to = new URL(urlAfter, session.origin).href;
      if (!graph.has(to)) graph.addNode(to, observation.outcome.titleAfter ?? '');
      const last = observation.actions[observation.actions.length - 1];
      graph.addEdge(from, to, last?.kind ?? 'click', last?.label ?? '');
    }
  };
  /** Fresh load, the actions, and the visible difference; undefined when an action failed. */
  const probe = async (_page: Page, url: string, actions: ObservedAction[]) => {
    const { page, close } = await session.freshPage();
    try {
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      await settle(page);
      const before = await readState(page);
      for (const action of actions) await act(page, action);
      await settle(page);
      const after = await readState(page);
      return { before, after, outcome: diffStates(before, after) };
    } catch {
      return undefined;
    } finally {
      await close();
    }
  };

  return async (page, snapshot) => {
    const path = relative(snapshot.url);
    for (const form of snapshot.forms) {
      if (session.stopped) return;
      const plan = formPlan(form, snapshot);
      if (!plan) continue;
      const search = isSearch(form);
      if (search) {
        const base = await probe(page, snapshot.url, []);
        const term = base && searchTermFrom(base.before.items);
        if (!term) continue;
        const actions = [{ ...plan.searchField, value: term }, plan.submit];
        const seen = await probe(page, snapshot.url, actions);
        if (seen && observable(seen.outcome)) {
          const kept = seen.after.items.find((item) => item.toLowerCase().includes(term));
          if (kept)
            seen.outcome.list = {
              locator: 'list',
              before: base.before.items.length,
              after: seen.after.items.length,
              itemText: kept,
            };
          record({ pageUrl: path, kind: 'search', actions, outcome: seen.outcome, formId: form.id });
        }
        continue;
      }
      const seen = await probe(page, snapshot.url, plan.happy);
      if (seen && observable(seen.outcome)) {
        const added = plan.happy.find((a) => a.kind === 'fill')?.value;
        const grew = seen.outcome.list && seen.outcome.list.after > seen.outcome.list.before;
        const kind = grew && added && seen.outcome.list?.itemText?.includes(added) ? 'crud-add' : 'form-submit';
        record({ pageUrl: path, kind, actions: plan.happy, outcome: seen.outcome, formId: form.id });
        if (kind === 'crud-add' && added) await exploreOwnItem(page, path, plan.happy, added, seen.after);
      }
      if (plan.happy.some((a) => a.kind === 'fill')) {
        const empty = await probe(page, snapshot.url, [plan.submit]);
        if (empty && empty.outcome.appearedText.length && !empty.outcome.urlAfter) {
          record({
            pageUrl: path,
            kind: 'form-validation',
            actions: [plan.submit],
            outcome: empty.outcome,
            formId: form.id,
          });
        }
      }
    }
    let tried = 0;
    for (const element of standaloneActions(snapshot)) {
      if (session.stopped || tried >= options.maxActions) return;
      tried += 1;
      const action: ObservedAction =
        element.tag === 'select'
          ? { kind: 'select', locator: element.locator as string, value: element.text, label: element.accessibleName }
          : { kind: 'click', locator: element.locator as string, label: element.accessibleName || element.text };
      if (action.kind === 'select') {
        const values = await resolveSelector(page, action.locator)
          .first()
          .evaluate((el) => Array.from((el as HTMLSelectElement).options).map((o) => o.value))
          .catch(() => [] as string[]);
        const value = values.find((v, i) => i > 0 && v);
        if (!value) continue;
        action.value = value;
      }
      const seen = await probe(page, snapshot.url, [action]);
      if (!seen || !observable(seen.outcome)) continue;
      const kind = action.kind === 'select' ? 'search' : seen.outcome.urlAfter ? 'navigate' : 'click';
      record({ pageUrl: path, kind, actions: [action], outcome: seen.outcome });
    }
  };

  /** After adding an item: toggle it, then delete it — the explorer only ever deletes its own data. */
  async function exploreOwnItem(page: Page, path: string, add: ObservedAction[], added: string, state: VisibleState) {
    void state;
    void page;
    let snapshot: PageSnapshot;
    const fresh = await session.freshPage();
    try {
      await fresh.page.goto(new URL(path, session.origin).href, { waitUntil: 'domcontentloaded' });
      await settle(fresh.page);
      for (const a of add) await act(fresh.page, a);
      await settle(fresh.page);
      snapshot = await takeSnapshot(fresh.page, { networkIdleMs: 1000 });
    } catch {
      return;
    } finally {
      await fresh.close();
    }
    const mine = snapshot.elements.filter((e) => e.locator && e.accessibleName.includes(added) && !e.formId);
    const toggle = mine.find((e) => e.role === 'checkbox' || e.role === 'switch');
    const remove = mine.find((e) => e.role === 'button' && /delete|remove/i.test(e.accessibleName));
    if (toggle) {
      const actions = [
        ...add,
        { kind: 'check' as const, locator: toggle.locator as string, label: toggle.accessibleName },
      ];
      const seen = await probeAfterAdd(page, add, actions.slice(add.length));
      if (seen && (seen.appearedText.length || seen.disappearedText.length)) {
        record({ pageUrl: path, kind: 'crud-toggle', actions, outcome: seen });
      }
    }
    if (remove) {
      const actions = [
        ...add,
        { kind: 'click' as const, locator: remove.locator as string, label: remove.accessibleName },
      ];
      const seen = await probeAfterAdd(page, add, actions.slice(add.length));
      if (seen && seen.list && seen.list.after < seen.list.before) {
        seen.list.itemText = added;
        record({ pageUrl: path, kind: 'crud-delete', actions, outcome: seen });
      }
    }
    async function probeAfterAdd(_p: Page, first: ObservedAction[], then: ObservedAction[]) {
      const { page: p, close } = await session.freshPage();
      try {
        await p.goto(new URL(path, session.origin).href, { waitUntil: 'domcontentloaded' });
        await settle(p);
        for (const a of first) await act(p, a);
        await settle(p);
        const before = await readState(p);
        for (const a of then) await act(p, a);
        await settle(p);
        return diffStates(before, await readState(p));
      } catch {
        return undefined;
      } finally {
        await close();
      }
    }
  }
}

function relative(url: string): string {
  const parsed = new URL(url);
  return parsed.pathname + parsed.search;
}

function isSearch(form: FormInfo): boolean {
  return (
    form.fields.some((f) => f.type === 'search' || SEARCHY.test(`${f.label} ${f.nameAttr} ${f.placeholder}`)) ||
    SEARCHY.test(form.submitText)
  );
}

interface FormPlan {
  happy: ObservedAction[];
  submit: ObservedAction;
  searchField: ObservedAction;
}

/** The actions that fill a form with plausible values and submit it; undefined if any part has no locator. */
function formPlan(form: FormInfo, snapshot: PageSnapshot): FormPlan | undefined {
  if (!form.submitLocator || DESTRUCTIVE.test(form.submitText)) return undefined;
  const happy: ObservedAction[] = [];
  let searchField: ObservedAction | undefined;
  for (const field of form.fields) {
    if (!field.locator) return undefined;
    const label = field.label || field.placeholder || field.nameAttr;
    if (field.type === 'checkbox' || field.type === 'radio') {
      if (field.required || field.type === 'checkbox') happy.push({ kind: 'check', locator: field.locator, label });
    } else if (field.tag === 'select') {
      const value = field.options?.find((v, i) => i > 0 && v) ?? field.options?.find(Boolean);
      if (value) happy.push({ kind: 'select', locator: field.locator, value, label });
    } else if (!['submit', 'button', 'reset', 'file', 'hidden', 'image'].includes(field.type)) {
      const fill: ObservedAction = { kind: 'fill', locator: field.locator, value: fillValueFor(field), label };
      searchField ??= fill;
      if (fill.value) happy.push(fill);
    }
  }
  void snapshot;
  const submit: ObservedAction = { kind: 'click', locator: form.submitLocator, label: form.submitText || 'Submit' };
  if (!searchField && !happy.length) return undefined;
  return { happy: [...happy, submit], submit, searchField: searchField ?? { kind: 'fill', locator: '', label: '' } };
}

/** Buttons, tabs and filters outside forms that are safe to press. */
function standaloneActions(snapshot: PageSnapshot): ElementInfo[] {
  return snapshot.elements.filter(
    (e) =>
      e.locator &&
      !e.formId &&
      !e.disabled &&
      !e.frameUrl &&
      !DESTRUCTIVE.test(e.accessibleName || e.text) &&
      (STANDALONE_ROLES.has(e.role) || e.tag === 'select') &&
      e.tag !== 'a',
  );
}
