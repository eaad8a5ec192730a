import type { ChildError } from './run-plan.js';

export type FailureCategory =
  | 'SELECTOR_ISSUE'
  | 'TIMEOUT'
  | 'ASSERTION_FAIL'
  | 'NAVIGATION_FAIL'
  | 'NETWORK_MOCK_FAIL'
  | 'FRAME_FAIL'
  | 'API_ASSERTION_FAIL'
  | 'URL_MISMATCH'
  | 'BROWSER_CRASH'
  | 'UNKNOWN';

/**
 * Playwright's words when the page's renderer crashed (`Page crashed`, `Target crashed`) or the
 * browser went away under the test (`Target page, context or browser has been closed`,
 * `Browser has been closed`, `browser has disconnected`).
 */
const BROWSER_GONE =
  /\b(?:Page crashed|Target crashed|Target page, context or browser has been closed|Browser has been closed|browser has disconnected)\b/i;

/**
 * Why a test failed, read from what the error IS rather than from words in its message: the
 * attempt's status (Playwright says when the test ran out of time), the error class, the
 * Playwright API call that threw (its errors start with `<object>.<method>:`), and the matcher of a
 * failed `expect`. Upstream matched free-text regexes in order, so "Element not found … Timeout"
 * became whichever pattern came first.
 */
export function classifyFailure(status: string, error: ChildError | undefined): FailureCategory {
  if (!error) return status === 'timedOut' ? 'TIMEOUT' : 'UNKNOWN';
  const message = error.message.replace(/^\w*Error: /, '');
  // Whatever call was waiting (often `page.goto`) only saw the browser die: neither the app nor
  // the test is at fault. A test that ran out of time also closes its page, but says so first.
  if (status !== 'timedOut' && BROWSER_GONE.test(message.split('\n')[0] ?? '')) return 'BROWSER_CRASH';
  const api = /^(\w+)\.(\w+): /.exec(message);
  const matcher = /^expect\((\w+)\)\.(?:not\.)?(\w+)\(/.exec(message);

  if (error.name === 'ElementNotFoundError') return 'SELECTOR_ISSUE';
  if (matcher) {
    const [, subject, name] = matcher;
    if (name === 'toHaveURL') return 'URL_MISMATCH';
    if (subject === 'received' && /APIResponse|status/.test(message) && name === 'toBeOK') return 'API_ASSERTION_FAIL';
    // An element that never appeared is a locator problem, not a wrong value.
    if (/\bReceived: <element\(s\) not found>|element\(s\) not found/.test(message)) return 'SELECTOR_ISSUE';
    return subject === 'received' && /\bapi\b|response/i.test(message) ? 'API_ASSERTION_FAIL' : 'ASSERTION_FAIL';
  }
  if (api) {
    const [, object, method] = api;
    if (
      (object === 'page' || object === 'frame') &&
      /^(goto|reload|goBack|goForward|waitForURL|waitForNavigation)$/.test(method ?? '')
    )
      return 'NAVIGATION_FAIL';
    if (object === 'route' || method === 'route' || method === 'routeFromHAR') return 'NETWORK_MOCK_FAIL';
    if (object === 'frameLocator' || method === 'frameLocator' || object === 'frame') return 'FRAME_FAIL';
    if (object === 'apiRequestContext') return 'API_ASSERTION_FAIL';
    if (object === 'locator' || object === 'elementHandle')
      return error.name === 'TimeoutError' ? 'SELECTOR_ISSUE' : 'UNKNOWN';
  }
  if (error.name === 'TimeoutError' || status === 'timedOut') return 'TIMEOUT';
  if (/net::ERR_[A-Z_]+/.test(message)) return 'NAVIGATION_FAIL';
  return 'UNKNOWN';
}
