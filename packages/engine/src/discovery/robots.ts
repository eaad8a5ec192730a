/**
 * robots.txt and sitemap handling (ENGINE.md §1.5). Matching follows Google's robots rules
 * (RFC 9309): `*` matches any run of characters, a trailing `$` anchors the end, the longest
 * matching rule wins and Allow wins a tie.
 */
import { normaliseLink, sameEffectiveOrigin } from './url-rules.js';

export const CRAWLER_USER_AGENT = 'Mozilla/5.0 (compatible; Sentri/1.0)';

export interface RobotsRules {
  /** Whether a path (with its query string) may be crawled. */
  allows(pathnameWithSearch: string): boolean;
  /** Sitemap URLs declared with `Sitemap:` lines, in order. */
  readonly sitemaps: string[];
}

interface Rule {
  allow: boolean;
  pattern: string;
  regex: RegExp;
}

interface Group {
  agents: string[];
  rules: Rule[];
}

function patternToRegex(pattern: string): RegExp {
  const anchored = pattern.endsWith('$');
  const body = anchored ? pattern.slice(0, -1) : pattern;
  const source = body
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}${anchored ? '$' : ''}`);
}

function agentMatches(agent: string, userAgent: string): boolean {
  const wanted = userAgent.toLowerCase();
  return agent === wanted || agent.startsWith(`${wanted}/`);
}

function parseGroups(text: string): { groups: Group[]; sitemaps: string[] } {
  const groups: Group[] = [];
  const sitemaps: string[] = [];
  let current: Group | null = null;
  let lastWasAgent = false;
  for (const rawLine of text.split(/\r\n|\r|\n/)) {
    const line = rawLine.replace(/#.*$/, '').trim();
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const field = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (field === 'user-agent') {
      // Consecutive User-agent lines share one group of rules.
      if (!current || !lastWasAgent) {
        current = { agents: [], rules: [] };
        groups.push(current);
      }
      current.agents.push(value.toLowerCase());
      lastWasAgent = true;
      continue;
    }
    lastWasAgent = false;
    if (field === 'sitemap') {
      if (value) sitemaps.push(value);
    } else if ((field === 'allow' || field === 'disallow') && current && value) {
      current.rules.push({ allow: field === 'allow', pattern: value, regex: patternToRegex(value) });
    }
  }
  return { groups, sitemaps };
}

/** Parses robots.txt for the `sentri` group (any version), else the `*` group. */
export function parseRobots(text: string, userAgent = 'sentri'): RobotsRules {
  const { groups, sitemaps } = parseGroups(text);
  let chosen = groups.filter((group) => group.agents.some((agent) => agentMatches(agent, userAgent)));
  if (chosen.length === 0) chosen = groups.filter((group) => group.agents.includes('*'));
  const rules = chosen
    .flatMap((group) => group.rules)
    .sort((a, b) => b.pattern.length - a.pattern.length || Number(b.allow) - Number(a.allow));
  return {
    sitemaps,
    allows(pathnameWithSearch: string): boolean {
      const path = pathnameWithSearch.startsWith('/') ? pathnameWithSearch : `/${pathnameWithSearch}`;
      const match = rules.find((rule) => rule.regex.test(path));
      return match ? match.allow : true;
    },
  };
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXmlText(text: string): string {
  const cdata = /^<!\[CDATA\[([\s\S]*)\]\]>$/.exec(text.trim());
  if (cdata) return (cdata[1] ?? '').trim();
  return text.trim().replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity.startsWith('#x') || entity.startsWith('#X')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    return XML_ENTITIES[entity.toLowerCase()] ?? whole;
  });
}

function locsInside(xml: string, element: 'url' | 'sitemap'): string[] {
  const locs: string[] = [];
  const blocks = new RegExp(`<${element}\\b[^>]*>([\\s\\S]*?)</${element}>`, 'gi');
  for (const block of xml.matchAll(blocks)) {
    const loc = /<loc\b[^>]*>([\s\S]*?)<\/loc>/i.exec(block[1] ?? '');
    if (loc) {
      const value = decodeXmlText(loc[1] ?? '');
      if (value) locs.push(value);
    }
  }
  return locs;
}

/** Page URLs (`<url><loc>`) and nested sitemap URLs (`<sitemap><loc>`) of a sitemap document. */
export function parseSitemap(xml: string): { urls: string[]; sitemaps: string[] } {
  return { urls: locsInside(xml, 'url'), sitemaps: locsInside(xml, 'sitemap') };
}

export interface RobotsFetchOptions {
  fetch?: typeof fetch;
  timeoutMs?: number;
  maxUrls?: number;
}

async function fetchText(url: string, fetchImpl: typeof fetch, timeoutMs: number): Promise<string | null> {
  try {
    const response = await fetchImpl(url, {
      headers: { 'user-agent': CRAWLER_USER_AGENT },
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) return null;
    return await response.text();
  } catch {
    return null;
  }
}

function isGzipped(url: string): boolean {
  try {
    return new URL(url).pathname.toLowerCase().endsWith('.gz');
  } catch {
    return true;
  }
}

/**
 * Reads `<origin>/robots.txt` and the site's sitemaps. Robots failures mean "allow everything".
 * Sitemaps on another host are not fetched (their pages could not be crawled anyway), and only
 * one level of sitemap index is followed.
 */
export async function fetchRobotsAndSitemap(
  origin: string,
  options: RobotsFetchOptions = {},
): Promise<{ rules: RobotsRules; sitemapUrls: string[] }> {
  const fetchImpl = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 5000;
  const maxUrls = options.maxUrls ?? 200;
  const base = new URL(origin).origin;

  const robotsText = await fetchText(`${base}/robots.txt`, fetchImpl, timeoutMs);
  const rules = parseRobots(robotsText ?? '');
  const declared = rules.sitemaps.map((sitemap) => normaliseLink(sitemap, base)).filter((url) => url !== null);
  const fetchable = (url: string) => sameEffectiveOrigin(url, base) && !isGzipped(url);

  const found = new Set<string>();
  const visitedSitemaps = new Set<string>();
  const readSitemap = async (url: string, nestedAllowed: boolean): Promise<void> => {
    if (found.size >= maxUrls || visitedSitemaps.has(url) || !fetchable(url)) return;
    visitedSitemaps.add(url);
    const xml = await fetchText(url, fetchImpl, timeoutMs);
    if (!xml) return;
    const parsed = parseSitemap(xml);
    for (const loc of parsed.urls) {
      if (found.size >= maxUrls) return;
      const page = normaliseLink(loc, base);
      if (!page || !sameEffectiveOrigin(page, base)) continue;
      const { pathname, search } = new URL(page);
      if (rules.allows(pathname + search)) found.add(page);
    }
    if (!nestedAllowed) return;
    for (const nested of parsed.sitemaps) {
      const nestedUrl = normaliseLink(nested, base);
      if (nestedUrl) await readSitemap(nestedUrl, false);
    }
  };

  for (const sitemap of declared.length > 0 ? declared : [`${base}/sitemap.xml`]) {
    await readSitemap(sitemap, true);
  }
  return { rules, sitemapUrls: [...found] };
}
