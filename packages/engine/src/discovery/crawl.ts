import { CrawlSession, type CrawlOptions } from './crawl-session.js';
import { crawlLinks } from './link-crawler.js';
import { SiteGraphBuilder } from './site-graph.js';
import { stateProbes } from './state-explorer.js';
import type { CrawlResult, NavigationFailure, Observation } from './types.js';
import { isUnreachable, unreachableMessage } from './unreachable.js';

/** The target could not be reached at all; the message says why in words a user can act on. */
export class CrawlUnreachableError extends Error {
  constructor(
    message: string,
    readonly failures: NavigationFailure[],
  ) {
    super(message);
    this.name = 'CrawlUnreachableError';
  }
}

/**
 * Explores a site in Chromium: a link crawl, or (`state` mode) a link crawl that also probes
 * every page's forms, searches, lists and buttons and records what each action visibly did.
 */
export async function crawlSite(options: CrawlOptions): Promise<CrawlResult> {
  const session = await CrawlSession.open(options);
  try {
    const graph = new SiteGraphBuilder(options.onProgress);
    const observations: Observation[] = [];
    const visit = options.mode === 'state' ? stateProbes(session, graph, observations) : undefined;
    session.log(
      'info',
      `Exploring ${session.origin} (${options.mode === 'state' ? 'state exploration' : 'link crawl'})`,
    );
    const pages = await crawlLinks(session, graph, visit);
    if (isUnreachable(session.failures, pages.length)) {
      throw new CrawlUnreachableError(unreachableMessage(options.url, session.failures), session.failures);
    }
    session.log(
      'success',
      `Crawl done: ${pages.length} page(s), ${observations.length} observed interaction(s), ` +
        `${session.traffic.summarise().length} API endpoint(s).`,
    );
    return {
      startUrl: options.url,
      origin: session.origin,
      mode: options.mode,
      pages,
      graph: graph.toJSON(),
      apiEndpoints: session.traffic.summarise(),
      observations,
      journeys: [],
      failures: session.failures,
      ...(session.loggedIn !== undefined ? { loggedIn: session.loggedIn } : {}),
    };
  } finally {
    await session.close();
  }
}
