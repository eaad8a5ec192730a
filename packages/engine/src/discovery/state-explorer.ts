import type { Frame, Page } from '@playwright/test';
import { resolveSelector } from '@sentri/runtime';
import type { CrawlSession } from './crawl-session.js';
import { DESTRUCTIVE, formPlan, isSearch, searchTermFrom } from './fill-values.js';
import type { PageVisitor } from './link-crawler.js';
import { collectPage, inPageSource, type RawPage } from './page-collector.js';
import { assertableLines, diffStates, readState } from './page-state.js';
import type { SiteGraphBuilder } from './site-graph.js';
import { ENTER_FRAME, frameViews, takeSnapshot } from './snapshot.js';
import type { ElementInfo, FormInfo, Observation, ObservedAction, ObservedOutcome, PageSnapshot } from './types.js';
import { normaliseLink, pathPattern, sameEffectiveOrigin, scoreUrl } from './url-rules.js';

const SIGN_OUT = /\b(sign ?out|log ?out|log off)\b/i;
const STANDALONE_ROLES = new Set(['button', 'tab', 'menuitem', 'switch']);
const CLEAR_STORAGE = 'try { localStorage.clear(); sessionStorage.clear(); } catch {}';
/** Site chrome: its links are the same on every page and lead to pages the link crawl opens anyway. */
const CHROME = 'nav,header,footer,[role=navigation],[role=banner],[role=contentinfo]';

/** An observation made signed out during a signed-in crawl: its test must not sign in first. */
export type ExplorerObservation = Observation & { signedOut?: boolean };

const observable = (o: ObservedOutcome) =>
  o.appearedText.length > 0 || o.disappearedText.length > 0 || o.urlAfter !== undefined || o.list !== undefined;

interface ProbeOptions {
  /** Selector of the iframe the actions happen in: its state is what is compared. */
  frame?: string;
  /** Actions performed before the "before" state is read (adding the item a probe then toggles). */
  setup?: ObservedAction[];
}

/**
 * State exploration (ENGINE.md §1.3), rebuilt around what a generator can assert: each probe
 * replays from a fresh load of the page, performs one user intention (submit a form with good
 * values, submit it empty, search, add an item then toggle and delete that same item, press a
 * button) and records only what visibly changed — in the page, or in the same-origin iframe the
 * form lives in. Items it deletes are ones it created itself. A signed-in crawl also records
 * where each page sends a signed-out visitor, and where signing out lands.
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
  const record = (observation: ExplorerObservation) => {
    observations.push(observation);
    session.options.onProgress?.({ type: 'observation', observation });
    const { urlAfter } = observation.outcome;
    if (urlAfter) {
      const from = new URL(observation.pageUrl, session.origin).href;
      const to = new URL(urlAfter, session.origin).href;
      if (!graph.has(to)) graph.addNode(to, observation.outcome.titleAfter ?? '');
      const last = observation.actions[observation.actions.length - 1];
      graph.addEdge(from, to, last?.kind ?? 'redirect', last?.label ?? 'signed out');
    }
  };
  const scopeOf = async (page: Page, frame?: string): Promise<Page | Frame> => {
    if (!frame) return page;
    const element = await resolveSelector(page, frame).first().elementHandle({ timeout: options.actionTimeoutMs });
    const content = await element.contentFrame();
    if (!content) throw new Error(`${frame} shows no document`);
    return content;
  };
  /** Fresh load, the actions, and the visible difference; undefined when an action failed. */
  const probe = async (url: string, actions: ObservedAction[], { frame, setup = [] }: ProbeOptions = {}) => {
    const { page, close } = await session.freshPage();
    try {
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      await settle(page);
      for (const action of setup) await act(page, action);
      if (setup.length) await settle(page);
      const before = await readState(await scopeOf(page, frame));
      for (const action of actions) await act(page, action);
      await settle(page);
      const after = await readState(await scopeOf(page, frame));
      const outcome = diffStates(before, after);
      if (frame) {
        // The frame's own address and title are not what a test of the page checks.
        delete outcome.urlAfter;
        delete outcome.titleAfter;
      }
      outcome.appearedText = await assertableLines(page, outcome.appearedText, frame ? frame + ENTER_FRAME : '');
      return { before, after, outcome };
    } catch {
      return undefined;
    } finally {
      await close();
    }
  };

  async function exploreForms(snapshot: PageSnapshot, forms: FormInfo[], frame?: string) {
    const path = relative(snapshot.url);
    const inFrame: ProbeOptions = frame ? { frame } : {};
    for (const form of forms) {
      if (session.stopped) return;
      const plan = formPlan(form);
      if (!plan) continue;
      if (isSearch(form)) {
        const base = await probe(snapshot.url, [], inFrame);
        const term = base && searchTermFrom(base.before.items);
        if (!term) continue;
        const actions = [{ ...plan.searchField, value: term }, plan.submit];
        const seen = await probe(snapshot.url, actions, inFrame);
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
        await exploreFilters(snapshot, form, frame);
        continue;
      }
      const seen = await probe(snapshot.url, plan.happy, inFrame);
      if (seen && observable(seen.outcome)) {
        const added = plan.happy.find((a) => a.kind === 'fill')?.value;
        const grew = seen.outcome.list && seen.outcome.list.after > seen.outcome.list.before;
        const kind = grew && added && seen.outcome.list?.itemText?.includes(added) ? 'crud-add' : 'form-submit';
        record({ pageUrl: path, kind, actions: plan.happy, outcome: seen.outcome, formId: form.id });
        if (kind === 'crud-add' && added && !frame) await exploreOwnItem(path, plan.happy, added);
      }
      await exploreFilters(snapshot, form, frame);
      if (plan.happy.some((a) => a.kind === 'fill')) {
        const empty = await probe(snapshot.url, [plan.submit], inFrame);
        if (empty && empty.outcome.appearedText.length && !empty.outcome.urlAfter) {
          const outcome = empty.outcome;
          record({ pageUrl: path, kind: 'form-validation', actions: [plan.submit], outcome, formId: form.id });
        }
      }
    }
  }

  /** A select that changes the page by itself (a category filter, a sort order): chosen alone, without submitting. */
  async function exploreFilters(snapshot: PageSnapshot, form: FormInfo, frame?: string) {
    const selects = form.fields.filter((f) => f.tag === 'select' && f.locator).slice(0, 2);
    const inFrame: ProbeOptions = frame ? { frame } : {};
    for (const field of selects) {
      const value = field.options?.find((v, i) => i > 0 && v);
      if (!value || session.stopped) continue;
      const label = field.label || field.nameAttr;
      const action: ObservedAction = { kind: 'select', locator: field.locator as string, value, label };
      const seen = await probe(snapshot.url, [action], inFrame);
      if (!seen || (!seen.outcome.urlAfter && !seen.outcome.list)) continue;
      record({
        pageUrl: relative(snapshot.url),
        kind: 'search',
        actions: [action],
        outcome: seen.outcome,
        formId: form.id,
      });
    }
  }

  /** Buttons, tabs, toggles and filters: each pressed once from a fresh load, kept when it visibly did something. */
  async function exploreControls(page: Page, snapshot: PageSnapshot, elements: ElementInfo[], frame?: string) {
    const inFrame: ProbeOptions = frame ? { frame } : {};
    let tried = 0;
    for (const element of standaloneActions(elements)) {
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
      const seen = await probe(snapshot.url, [action], inFrame);
      if (!seen || !observable(seen.outcome)) continue;
      const kind = action.kind === 'select' ? 'search' : seen.outcome.urlAfter ? 'navigate' : 'click';
      record({ pageUrl: relative(snapshot.url), kind, actions: [action], outcome: seen.outcome });
    }
  }

  /** After adding an item: toggle it, then delete it — the explorer only ever deletes its own data. */
  async function exploreOwnItem(path: string, add: ObservedAction[], added: string) {
    const url = new URL(path, session.origin).href;
    let snapshot: PageSnapshot;
    const fresh = await session.freshPage();
    try {
      await fresh.page.goto(url, { waitUntil: 'domcontentloaded' });
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
      const check: ObservedAction = { kind: 'check', locator: toggle.locator as string, label: toggle.accessibleName };
      const seen = (await probe(url, [check], { setup: add }))?.outcome;
      if (seen && (seen.appearedText.length || seen.disappearedText.length)) {
        record({ pageUrl: path, kind: 'crud-toggle', actions: [...add, check], outcome: seen });
      }
    }
    if (remove) {
      const click: ObservedAction = { kind: 'click', locator: remove.locator as string, label: remove.accessibleName };
      const seen = (await probe(url, [click], { setup: add }))?.outcome;
      if (seen && seen.list && seen.list.after < seen.list.before) {
        seen.list.itemText = added;
        record({ pageUrl: path, kind: 'crud-delete', actions: [...add, click], outcome: seen });
      }
    }
  }

  /**
   * Links in the page's content, one per kind of destination (one product of a list, not each):
   * following one shows where it leads and what that page says, which covers pages the link
   * crawl passes over as look-alikes. The start page's links and the sitemap's pages are left
   * out: the link crawl opens those anyway. For a new document, what it shows is what appeared.
   */
  const followedPatterns = new Set<string>();
  const listed = new Set(session.sitemapUrls.map((url) => normaliseLink(url, session.origin)));
  async function exploreLinks(page: Page, snapshot: PageSnapshot, depth: number) {
    followedPatterns.add(pathPattern(snapshot.url));
    if (depth === 0) return;
    let tried = 0;
    for (const link of snapshot.elements) {
      if (session.stopped || tried >= options.maxActions) return;
      if (link.role !== 'link' || !link.locator || link.frameUrl || DESTRUCTIVE.test(link.accessibleName)) continue;
      const target = normaliseLink(link.href, snapshot.url);
      // Files and noise (a PDF, a download, a logout URL) are not pages a test should land on.
      if (!target || listed.has(target) || scoreUrl(target) === 0) continue;
      if (!sameEffectiveOrigin(target, session.origin)) continue;
      const pattern = pathPattern(target);
      if (followedPatterns.has(pattern) || !session.robots.allows(relative(target))) continue;
      const skip = await resolveSelector(page, link.locator)
        .first()
        .evaluate(
          (el, chrome) => Boolean(el.closest(chrome) || el.getAttribute('target') || el.hasAttribute('download')),
          CHROME,
        )
        .catch(() => true);
      if (skip) continue;
      followedPatterns.add(pattern);
      tried += 1;
      const action: ObservedAction = { kind: 'click', locator: link.locator, label: link.accessibleName };
      const outcome = await followLink(snapshot.url, action);
      if (outcome) record({ pageUrl: relative(snapshot.url), kind: 'navigate', actions: [action], outcome });
    }
  }
  async function followLink(url: string, action: ObservedAction): Promise<ObservedOutcome | undefined> {
    const { page, close } = await session.freshPage();
    try {
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      await settle(page);
      await act(page, action);
      await settle(page);
      const landed = relative(page.url());
      if (landed === relative(url)) return undefined;
      const raw = await page.evaluate<RawPage>(inPageSource(collectPage, 0));
      const heading = raw.headings.find((h) => h.level === 1) ?? raw.headings[0];
      const lines = [...new Set([heading?.text ?? '', ...raw.textSample.slice(0, 3)].filter(Boolean))];
      const appearedText = await assertableLines(page, lines, '', 3);
      return { urlAfter: landed, appearedText, disappearedText: [], ...(raw.title ? { titleAfter: raw.title } : {}) };
    } catch {
      return undefined;
    } finally {
      await close();
    }
  }

  /** Signed-in crawls: where the page sends someone who is not signed in (a protected page's redirect). */
  const visitedSignedOut = new Set<string>();
  async function observeSignedOutVisit(snapshot: PageSnapshot) {
    const path = relative(snapshot.url);
    if (visitedSignedOut.has(path) || session.stopped) return;
    visitedSignedOut.add(path);
    const { page, close } = await session.freshPage();
    try {
      await page.context().clearCookies();
      await page.context().addInitScript({ content: CLEAR_STORAGE });
      await page.goto(snapshot.url, { waitUntil: 'domcontentloaded' });
      await settle(page);
      const landed = relative(page.url());
      if (landed === path) return;
      const { salient } = await readState(page);
      const appearedText = await assertableLines(page, salient, '', 1);
      const outcome = { urlAfter: landed, appearedText, disappearedText: [] };
      record({ pageUrl: path, kind: 'navigate', actions: [], outcome, signedOut: true });
    } catch {
      // A page that cannot be opened signed out says nothing about its protection.
    } finally {
      await close();
    }
  }

  /**
   * Signing out is left out of the probes (it would end the crawl's session); it is observed once,
   * in a context signed in afresh, so what it ends is a session of its own.
   */
  let signOutObserved = false;
  async function observeSignOut(snapshot: PageSnapshot) {
    const credentials = options.credentials;
    const control = snapshot.elements.find(
      (e) =>
        e.locator && !e.frameUrl && ['button', 'link', 'menuitem'].includes(e.role) && SIGN_OUT.test(e.accessibleName),
    );
    if (signOutObserved || !credentials || !control?.locator || session.stopped) return;
    signOutObserved = true;
    const action: ObservedAction = { kind: 'click', locator: control.locator, label: control.accessibleName };
    const { page, close } = await session.freshPage();
    try {
      await page.context().clearCookies();
      await page.goto(options.url, { waitUntil: 'domcontentloaded' });
      await page.evaluate(CLEAR_STORAGE);
      await page.goto(options.url, { waitUntil: 'domcontentloaded' });
      await resolveSelector(page, credentials.usernameSelector).first().fill(credentials.username);
      await resolveSelector(page, credentials.passwordSelector).first().fill(credentials.password);
      await resolveSelector(page, credentials.submitSelector).first().click();
      await settle(page);
      await page.goto(snapshot.url, { waitUntil: 'domcontentloaded' });
      await settle(page);
      if (relative(page.url()) !== relative(snapshot.url)) return;
      const before = await readState(page);
      await act(page, action);
      await settle(page);
      const outcome = diffStates(before, await readState(page));
      outcome.appearedText = await assertableLines(page, outcome.appearedText);
      if (!observable(outcome)) return;
      const kind = outcome.urlAfter ? 'navigate' : 'click';
      record({ pageUrl: relative(snapshot.url), kind, actions: [action], outcome });
    } catch {
      // Not signed in afresh, or no sign-out to press: nothing was observed.
    } finally {
      await close();
    }
  }

  return async (page, snapshot, depth) => {
    await exploreForms(snapshot, snapshot.forms);
    await exploreControls(
      page,
      snapshot,
      snapshot.elements.filter((e) => !e.frameUrl),
    );
    await exploreLinks(page, snapshot, depth);
    for (const view of await frameViews(page).catch(() => [])) {
      await exploreForms(snapshot, view.forms, view.selector);
      await exploreControls(page, snapshot, view.elements, view.selector);
    }
    if (session.loggedIn) {
      await observeSignedOutVisit(snapshot);
      await observeSignOut(snapshot);
    }
  };
}

function relative(url: string): string {
  const parsed = new URL(url);
  return parsed.pathname + parsed.search;
}

/** Buttons, tabs and filters outside forms that are safe to press. */
function standaloneActions(elements: ElementInfo[]): ElementInfo[] {
  return elements.filter(
    (e) =>
      e.locator &&
      !e.formId &&
      !e.disabled &&
      !DESTRUCTIVE.test(e.accessibleName || e.text) &&
      (STANDALONE_ROLES.has(e.role) || e.tag === 'select') &&
      e.tag !== 'a',
  );
}
