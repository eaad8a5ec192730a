import { v } from './variable-spec.js';

/** How crawls explore and how far outbound requests may go. */
export const DISCOVERY_VARIABLES = {
  CRAWL_MAX_PAGES: v({
    kind: 'integer',
    group: 'Crawler',
    default: '30',
    min: 1,
    max: 1000,
    doc: 'Pages a link crawl loads at most (state exploration: `dialsConfig.exploreMaxStates`).',
  }),
  CRAWL_MAX_DEPTH: v({
    kind: 'integer',
    group: 'Crawler',
    default: '3',
    min: 0,
    max: 20,
    doc: 'Links followed away from the start page.',
  }),
  CRAWL_NETWORKIDLE_TIMEOUT: v({
    kind: 'integer',
    group: 'Crawler',
    default: '5000',
    min: 0,
    max: 60_000,
    doc: 'Milliseconds the crawler waits for a page to go quiet before reading it.',
  }),
  CRAWL_TIME_LIMIT_MS: v({
    kind: 'integer',
    group: 'Crawler',
    default: '600000',
    min: 5000,
    max: 7_200_000,
    doc: 'Wall-clock budget of one crawl; what was found by then is kept.',
  }),
  ALLOW_PRIVATE_URLS: v({
    kind: 'boolean',
    group: 'Crawler',
    default: 'true',
    doc: 'Whether project URLs, crawls, generated API calls and URL checks may reach private and loopback addresses. Cloud metadata and link-local addresses are always refused.',
  }),
  CONNECTION_TEST_TIMEOUT_MS: v({
    kind: 'integer',
    group: 'Crawler',
    default: '10000',
    min: 100,
    max: 60_000,
    doc: 'How long the URL reachability check (`POST /test-connection`) waits for an answer.',
  }),
};
