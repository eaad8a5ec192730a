/**
 * Telling "the target is down" apart from "a page failed" (ENGINE.md §1.9), so a crawl of an app
 * that is not running fails with a reason the user can act on instead of finishing empty.
 */
import type { NavigationFailure, UnreachableCategory } from './types.js';

/** Browser and Node error codes; checked before the looser wording below. */
const ERROR_CODES: [UnreachableCategory, RegExp][] = [
  ['dns', /err_name_not_resolved|enotfound|eai_again/],
  ['refused', /err_connection_refused|econnrefused/],
  ['tls', /err_ssl_|err_cert_|err_bad_ssl/],
  ['timeout', /err_timed_out|err_connection_timed_out|etimedout|timeout \d+ ?ms exceeded/],
  [
    'network',
    /err_connection_reset|err_connection_closed|err_network|err_address_unreachable|err_internet_disconnected|err_empty_response|econnreset|enetunreach|ehostunreach/,
  ],
];

const WORDING: [UnreachableCategory, RegExp][] = [
  ['dns', /\bdns\b/],
  ['tls', /certificate|\bssl\b|\btls\b/],
  ['timeout', /timed out|timeout/],
  ['http', /\bhttp \d{3}\b/],
];

/** Categorises a navigation error message (Playwright's or Node's). */
export function classifyNavigationError(message: string): UnreachableCategory {
  const lower = message.toLowerCase();
  for (const [category, pattern] of ERROR_CODES) {
    if (pattern.test(lower)) return category;
  }
  // The message usually quotes the URL; a host named "dns-demo" must not read as a DNS error.
  const withoutUrls = lower.replace(/[a-z][a-z0-9+.-]*:\/\/\S+/g, ' ');
  for (const [category, pattern] of WORDING) {
    if (pattern.test(withoutUrls)) return category;
  }
  return 'other';
}

const UNREACHABLE: ReadonlySet<UnreachableCategory> = new Set(['dns', 'refused', 'tls', 'timeout', 'network']);

/** True when nothing was captured and every failure says the host itself cannot be reached. */
export function isUnreachable(failures: NavigationFailure[], capturedPages: number): boolean {
  return capturedPages === 0 && failures.length > 0 && failures.every((failure) => UNREACHABLE.has(failure.category));
}

function hostAndPort(url: string): string {
  try {
    const parsed = new URL(url);
    const port = parsed.port || (parsed.protocol === 'https:' ? '443' : '80');
    return `${parsed.hostname}:${port}`;
  } catch {
    return url;
  }
}

/** Playwright appends a multi-line call log; the first line is the reason. */
function firstLine(message: string): string {
  return message.split('\n')[0]?.trim() ?? '';
}

/** The user-facing reason a crawl found nothing, based on the first failure. */
export function unreachableMessage(url: string, failures: NavigationFailure[]): string {
  const failure = failures[0];
  if (!failure) return `Target URL is unreachable: "${url}" — no page could be loaded.`;
  const reason = firstLine(failure.message);
  const failedUrl = failure.url || url;
  switch (failure.category) {
    case 'dns':
      return `Target host could not be resolved (DNS): "${url}" is not reachable — ${reason}`;
    case 'refused':
      return `Connection refused by ${hostAndPort(failedUrl)} — is the app running? (${reason})`;
    case 'tls':
      return `TLS/certificate error connecting to ${hostAndPort(failedUrl)} — ${reason}`;
    case 'timeout':
      return `Timed out loading "${failedUrl}" — the server did not respond in time (${reason})`;
    case 'network':
      return `Network error reaching "${failedUrl}" — ${reason}`;
    case 'http':
      return `"${failedUrl}" answered with an error — ${reason}`;
    default:
      return `Target URL is unreachable: "${url}" — ${reason}`;
  }
}
