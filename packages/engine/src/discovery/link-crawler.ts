import type { Page } from '@playwright/test';
import { SmartCrawlQueue } from './crawl-queue.js';
import type { CrawlSession } from './crawl-session.js';
import type { SiteGraphBuilder } from './site-graph.js';
import { takeSnapshot } from './snapshot.js';
import { fingerprintStructure } from './state-fingerprint.js';
import type { PageSnapshot } from './types.js';
import { normaliseLink, pathPattern, sameEffectiveOrigin } from './url-rules.js';

/** Called for every kept page while it is still open: the state explorer probes it here. */
export type PageVisitor = (page: Page, snapshot: PageSnapshot, depth: number) => Promise<void>;

/**
 * The link crawl of ENGINE.md §1.2: a priority queue of same-origin links, robots-aware, with
 * duplicate URL patterns and duplicate layouts skipped so the page budget goes to new pages.
 * Unlike upstream, only pages actually loaded count against the budget.
 */
export async function crawlLinks(
  session: CrawlSession,
  graph: SiteGraphBuilder,
  visit?: PageVisitor,
): Promise<PageSnapshot[]> {
  const { options } = session;
  const queue = new SmartCrawlQueue();
  const patterns = new Set<string>();
  const layouts = new Set<string>();
  const snapshots: PageSnapshot[] = [];
  const start = normaliseLink(options.url, options.url) ?? options.url;
  queue.push(start, 0);
  for (const url of session.sitemapUrls) {
    const link = normaliseLink(url, session.origin);
    if (link && sameEffectiveOrigin(link, session.origin)) queue.push(link, 1);
  }

  for (let next = queue.shift(); next && snapshots.length < options.maxPages; next = queue.shift()) {
    if (session.stopped) break;
    const { url, depth } = next;
    const target = new URL(url);
    if (!session.robots.allows(target.pathname + target.search)) {
      queue.markVisited(url);
      session.log('info', `Skipped ${url}: disallowed by robots.txt`);
      continue;
    }
    queue.markVisited(url);
    const pattern = pathPattern(url);
    if (patterns.has(pattern) && depth > 0) continue;
    patterns.add(pattern);

    const page = await session.context.newPage();
    try {
      const response = await page.goto(url, { waitUntil: 'domcontentloaded' });
      const status = response?.status() ?? 0;
      if (status >= 400) {
        session.failures.push({ url, category: 'http', message: `HTTP ${status}` });
        graph.addNode(url, `HTTP ${status}`, 'failed');
        continue;
      }
      const snapshot = await takeSnapshot(page, { networkIdleMs: options.networkIdleMs });
      snapshot.status = status;
      const landedOn = normaliseLink(page.url(), page.url()) ?? url;
      if (landedOn !== url) queue.markVisited(landedOn);
      if (!sameEffectiveOrigin(landedOn, session.origin)) continue;
      const layout = fingerprintStructure({
        elements: snapshot.elements,
        forms: snapshot.forms.length,
        hasH1: Boolean(snapshot.h1),
      });
      if (layouts.has(layout) && depth > 1) continue;
      layouts.add(layout);
      snapshots.push(snapshot);
      graph.addNode(landedOn, snapshot.title);
      if (landedOn !== url) graph.addEdge(url, landedOn, 'redirect', 'redirect');

      const labels = new Map(snapshot.elements.filter((e) => e.href).map((e) => [e.href, e.accessibleName]));
      for (const link of snapshot.outboundLinks) {
        const normalised = normaliseLink(link, landedOn);
        if (!normalised || !sameEffectiveOrigin(normalised, session.origin)) continue;
        graph.addEdge(landedOn, normalised, 'link', labels.get(link) ?? '');
        const path = new URL(normalised);
        if (depth < options.maxDepth && session.robots.allows(path.pathname + path.search)) {
          queue.push(normalised, depth + 1);
        }
      }
      if (visit) await visit(page, snapshot, depth);
    } catch (error) {
      session.recordFailure(url, error);
      if (!graph.has(url)) graph.addNode(url, '', 'failed');
    } finally {
      await page.close().catch(() => undefined);
    }
  }
  return snapshots;
}
