import type { CandidateTest, Journey, PageSnapshot } from '../discovery/types.js';
import type { ClassifiedPage } from './classify.js';
import { scoreTest } from './quality.js';

export type TestCount = 'one' | 'small' | 'medium' | 'large' | 'ai_decides';

/** Pages are matched by path: links are same-origin and already stripped of query and fragment. */
export function pageKey(url: string): string {
  try {
    const path = new URL(url, 'http://relative.invalid').pathname;
    return path.length > 1 ? path.replace(/\/+$/, '') : path;
  } catch {
    return url.split(/[?#]/)[0] ?? url;
  }
}

const toPage = (page: ClassifiedPage) => ({ url: page.url, title: page.title });

function journey(
  name: string,
  type: Journey['type'],
  pages: ClassifiedPage[],
  discoveredBy: Journey['discoveredBy'],
): Journey {
  const titles = pages.map((page) => page.title || pageKey(page.url)).join(' → ');
  return {
    name,
    type,
    pages: pages.map(toPage),
    description: `${name} across ${pages.length} pages: ${titles}`,
    discoveredBy,
    observedActions: [],
  };
}

type IntentPattern = 'CHECKOUT' | 'SEARCH' | 'CRUD';

const isDashboard = (page: ClassifiedPage) => /dashboard|home/i.test(page.url) || /dashboard/i.test(page.title);

function intentPatternJourneys(pages: ClassifiedPage[], used: Set<string>): Journey[] {
  const free = (predicate: (page: ClassifiedPage) => boolean) =>
    pages.filter((page) => !used.has(pageKey(page.url)) && predicate(page));
  const take = (chosen: ClassifiedPage[]) => chosen.forEach((page) => used.add(pageKey(page.url)));
  const journeys: Journey[] = [];

  const auth = free((page) => page.dominantIntent === 'AUTH');
  const dashboards = free((page) => page.dominantIntent !== 'AUTH' && isDashboard(page));
  if (auth.length > 0 && dashboards.length > 0) {
    // At most two sign-in pages, so the flow always ends where signing in leads.
    const chosen = [...auth.slice(0, 2), ...dashboards].slice(0, 3);
    take(chosen);
    journeys.push(journey('Authentication Flow', 'AUTH', chosen, 'intent_pattern'));
  }
  const patterns: [IntentPattern, string, number][] = [
    ['CHECKOUT', 'Checkout Flow', Infinity],
    ['SEARCH', 'Search Flow', Infinity],
    ['CRUD', 'CRUD Flow', 4],
  ];
  for (const [intent, name, max] of patterns) {
    const chosen = free((page) => page.dominantIntent === intent).slice(0, max);
    if (chosen.length < 2) continue;
    take(chosen);
    journeys.push(journey(name, intent, chosen, 'intent_pattern'));
  }
  return journeys;
}

/** Which classified pages each page links to, in link order. */
function adjacency(pages: ClassifiedPage[], snapshots: PageSnapshot[]): Map<string, ClassifiedPage[]> {
  const byKey = new Map(pages.map((page) => [pageKey(page.url), page]));
  const graph = new Map<string, ClassifiedPage[]>();
  for (const snapshot of snapshots) {
    const from = pageKey(snapshot.url);
    const neighbours = graph.get(from) ?? [];
    for (const link of snapshot.outboundLinks) {
      const target = byKey.get(pageKey(link));
      if (target && pageKey(target.url) !== from && !neighbours.includes(target)) neighbours.push(target);
    }
    graph.set(from, neighbours);
  }
  return graph;
}

function linkGraphJourneys(
  pages: ClassifiedPage[],
  graph: Map<string, ClassifiedPage[]>,
  used: Set<string>,
  observed: Set<string>,
): Journey[] {
  const journeys: Journey[] = [];
  const overlapsObserved = (chain: ClassifiedPage[]) => chain.some((page) => observed.has(pageKey(page.url)));

  for (const start of pages) {
    if (!start.isHighPriority || used.has(pageKey(start.url))) continue;
    const chain = [start];
    const inChain = new Set([pageKey(start.url)]);
    for (let step = 0; step < 3; step++) {
      const current = chain[chain.length - 1] as ClassifiedPage;
      const next = (graph.get(pageKey(current.url)) ?? []).find(
        (page) => !used.has(pageKey(page.url)) && !inChain.has(pageKey(page.url)),
      );
      if (!next) break;
      chain.push(next);
      inChain.add(pageKey(next.url));
    }
    // The state explorer already walked these pages with real actions; its journey is better.
    if (chain.length < 2 || overlapsObserved(chain)) continue;
    chain.forEach((page) => used.add(pageKey(page.url)));
    const last = chain[chain.length - 1] as ClassifiedPage;
    journeys.push(
      journey(`${start.dominantIntent} → ${last.dominantIntent} Flow`, start.dominantIntent, chain, 'link_graph'),
    );
  }

  for (const form of pages) {
    if (form.dominantIntent !== 'FORM_SUBMISSION' || used.has(pageKey(form.url))) continue;
    const confirmation = (graph.get(pageKey(form.url)) ?? []).find(
      (page) =>
        !used.has(pageKey(page.url)) && (page.dominantIntent === 'CONTENT' || page.dominantIntent === 'NAVIGATION'),
    );
    if (!confirmation || overlapsObserved([form, confirmation])) continue;
    used.add(pageKey(form.url));
    used.add(pageKey(confirmation.url));
    journeys.push(journey('Form Submission Flow', 'FORM_SUBMISSION', [form, confirmation], 'form_confirmation'));
  }
  return journeys;
}

/** How many journeys get their own generation call (ENGINE.md §2.3). */
export function journeyCap(testCount: TestCount, pageCount: number): number {
  if (testCount === 'large') return Infinity;
  const pageCap = pageCount <= 5 ? 2 : pageCount <= 15 ? 4 : Infinity;
  const countCap = { one: 1, small: 2, medium: 4, ai_decides: Infinity }[testCount];
  return Math.min(countCap, pageCap);
}

/**
 * Multi-page journeys to test: the state explorer's observed journeys first, then intent
 * patterns, link-graph chains and form → confirmation pairs. Never single-page; each page serves
 * at most one derived journey; capped by the test-count dial and the site size.
 */
export function planJourneys(
  pages: ClassifiedPage[],
  snapshots: PageSnapshot[],
  observedJourneys: Journey[],
  testCount: TestCount,
): Journey[] {
  const observed = new Set(observedJourneys.flatMap((j) => j.pages.map((page) => pageKey(page.url))));
  const used = new Set<string>();
  const derived = [
    ...intentPatternJourneys(pages, used),
    ...linkGraphJourneys(pages, adjacency(pages, snapshots), used, observed),
  ];
  const all = [...observedJourneys, ...derived];
  const cap = journeyCap(testCount, pages.length);
  return Number.isFinite(cap) ? all.slice(0, cap) : all;
}

/**
 * The most tests one run keeps. The dial means "tests in this run", not "tests per page":
 * every page or journey call may return several tests, so the orchestrator caps the final suite.
 */
export function runTestBudget(testCount: TestCount, pageCount: number): number {
  switch (testCount) {
    case 'one':
      return 1;
    case 'small':
      return 5;
    case 'medium':
      return 10;
    case 'large':
      return 20;
    case 'ai_decides':
      return Math.min(60, Math.max(5, pageCount * 3));
  }
}

function byQuality(tests: CandidateTest[]): CandidateTest[] {
  const quality = (test: CandidateTest) => test.qualityScore ?? scoreTest(test);
  return [...tests].sort((a, b) => quality(b) - quality(a));
}

function groupBy<T>(items: T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return [...groups.values()];
}

/** Takes one from each list in turn (lists are in priority order) until all are exhausted. */
function roundRobin<T>(lists: T[][]): T[] {
  const out: T[] = [];
  const longest = Math.max(0, ...lists.map((list) => list.length));
  for (let i = 0; i < longest; i++) for (const list of lists) if (i < list.length) out.push(list[i] as T);
  return out;
}

/**
 * The best `budget` tests, spread across intents first and source pages second, so that a
 * small suite covers sign-in, search and checkout rather than five variants of one form.
 * Within each group the higher quality score goes first.
 */
export function capTests(tests: CandidateTest[], budget: number): CandidateTest[] {
  if (budget <= 0) return [];
  const ranked = byQuality(tests);
  if (ranked.length <= budget) return ranked;
  const perIntent = groupBy(ranked, (test) => test.intent ?? test.journeyType ?? '').map((group) =>
    roundRobin(groupBy(group, (test) => test.sourceUrl)),
  );
  return roundRobin(perIntent).slice(0, budget);
}
