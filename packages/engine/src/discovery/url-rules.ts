/**
 * URL rules shared by both explorers (ENGINE.md §1.2, §1.4): which links are worth visiting, how
 * they are normalised so the same page is not queued twice, and the path patterns used to skip
 * pages that only differ by an id.
 */

/** Query params that change what a page shows; kept in patterns and fingerprints. */
export const SIGNIFICANT_PARAMS: ReadonlySet<string> = new Set([
  'category',
  'sort',
  'order',
  'view',
  'tab',
  'page',
  'filter',
  'type',
  'status',
  'q',
  'query',
  'search',
  'mode',
  'step',
  'section',
  'panel',
  'lang',
  'locale',
]);

const NOISE_EXACT = new Set(['fbclid', 'gclid', '_ga', 'ref', 'source', '_', 'cb', 't']);
const NOISE_PREFIXES = ['utm_', 'mc_'];
// 'sessid' also catches PHPSESSID-style names, which leak a session just like `session` ones.
const NOISE_FRAGMENTS = ['token', 'session', 'sessid', 'nonce', 'timestamp'];

const STATIC_EXTENSIONS = /\.(jpe?g|png|gif|webp|svg|css|js|woff2?|ttf|pdf|zip|xml|json)$/i;
const NOISE_SEGMENTS = [
  '/cdn-',
  '/static/',
  '/assets/',
  '/images/',
  '/fonts/',
  '/favicon',
  '/robots',
  '/sitemap',
  '/.well-known',
];
const HIGH_VALUE_SEGMENTS = new Set([
  'login',
  'signin',
  'register',
  'signup',
  'checkout',
  'cart',
  'payment',
  'dashboard',
  'account',
  'profile',
  'settings',
  'search',
  'products',
  'shop',
  'admin',
  'manage',
  'contact',
  'support',
]);

/** Tracking, cache-busting and secret-bearing params: they never identify a different page. */
export function isNoiseParam(name: string): boolean {
  const lower = name.toLowerCase();
  return (
    NOISE_EXACT.has(lower) ||
    NOISE_PREFIXES.some((prefix) => lower.startsWith(prefix)) ||
    NOISE_FRAGMENTS.some((fragment) => lower.includes(fragment))
  );
}

function parseUrl(url: string | URL, base?: string | URL): URL | null {
  try {
    return new URL(url, base);
  } catch {
    return null;
  }
}

function isHttp(url: URL): boolean {
  return url.protocol === 'http:' || url.protocol === 'https:';
}

/**
 * Resolves a discovered href against the page it was found on and returns the canonical form used
 * for queueing: no fragment, no noise params, remaining params sorted. Null for non-http(s) links
 * (mailto:, javascript:, tel:) and unparsable ones.
 */
export function normaliseLink(href: string, base: string | URL): string | null {
  const url = parseUrl(href.trim(), base);
  if (!url || !isHttp(url)) return null;
  url.hash = '';
  for (const name of [...url.searchParams.keys()]) {
    if (isNoiseParam(name)) url.searchParams.delete(name);
  }
  url.searchParams.sort();
  return url.toString();
}

function effectiveHost(url: URL): string {
  return url.hostname.toLowerCase().replace(/^www\./, '');
}

/** Same protocol and port, and the same hostname once lowercased and stripped of a leading `www.`. */
export function sameEffectiveOrigin(a: string | URL, b: string | URL): boolean {
  const left = parseUrl(a);
  const right = parseUrl(b);
  if (!left || !right) return false;
  return left.protocol === right.protocol && left.port === right.port && effectiveHost(left) === effectiveHost(right);
}

function pathSegments(pathname: string): string[] {
  return pathname.split('/').filter((segment) => segment !== '');
}

/**
 * Crawl priority (§1.2): 0 rejects the URL, higher is visited sooner. Pages where users log in,
 * pay or manage things come first; deep or heavily parameterised URLs last.
 */
export function scoreUrl(url: string): number {
  const parsed = parseUrl(url);
  if (!parsed || !isHttp(parsed)) return 0;
  const path = parsed.pathname.toLowerCase();
  if (STATIC_EXTENSIONS.test(path)) return 0;
  if (NOISE_SEGMENTS.some((segment) => path.includes(segment))) return 0;
  const segments = pathSegments(path);
  if (segments.some((segment) => HIGH_VALUE_SEGMENTS.has(segment))) return 100;
  if (segments.length > 4) return 20;
  if ([...parsed.searchParams.keys()].length > 2) return 15;
  if (segments.length > 0 && /^\d+$/.test(segments[segments.length - 1] ?? '')) return 25;
  return 50;
}

/** Path with all-digit segments replaced by `:id` and any trailing slash trimmed. */
export function normalisePathIds(pathname: string): string {
  const path = pathname
    .split('/')
    .map((segment) => (/^\d+$/.test(segment) ? ':id' : segment))
    .join('/');
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

/** hostname + path with numeric ids generalised; the query is ignored. '' for unparsable URLs. */
export function pathPattern(url: string): string {
  const parsed = parseUrl(url);
  if (!parsed) return '';
  return parsed.hostname.toLowerCase() + normalisePathIds(parsed.pathname);
}

/** Sorted `name=value` pairs of the significant query params, joined with `&`. */
export function significantQuery(searchParams: URLSearchParams): string {
  return [...searchParams.entries()]
    .filter(([name]) => SIGNIFICANT_PARAMS.has(name.toLowerCase()))
    .map(([name, value]) => `${name.toLowerCase()}=${value}`)
    .sort()
    .join('&');
}

/** Like `pathPattern`, but `?tab=billing` and `?tab=team` stay distinct. */
export function pathPatternWithParams(url: string): string {
  const parsed = parseUrl(url);
  if (!parsed) return '';
  const query = significantQuery(parsed.searchParams);
  return pathPattern(url) + (query ? `?${query}` : '');
}
