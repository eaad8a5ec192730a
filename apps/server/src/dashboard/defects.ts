export type DefectCategory = 'SELECTOR_ISSUE' | 'NAVIGATION_FAIL' | 'TIMEOUT' | 'ASSERTION_FAIL' | 'UNKNOWN';

/** The runner's finer categories, folded into the dashboard's five. */
const FOLDED: Record<string, DefectCategory> = {
  SELECTOR_ISSUE: 'SELECTOR_ISSUE',
  FRAME_FAIL: 'SELECTOR_ISSUE',
  NAVIGATION_FAIL: 'NAVIGATION_FAIL',
  TIMEOUT: 'TIMEOUT',
  ASSERTION_FAIL: 'ASSERTION_FAIL',
  URL_MISMATCH: 'ASSERTION_FAIL',
  API_ASSERTION_FAIL: 'ASSERTION_FAIL',
  NETWORK_MOCK_FAIL: 'UNKNOWN',
  UNKNOWN: 'UNKNOWN',
};

/**
 * What kind of failure a result was. The runner's own category (read from the error's structure)
 * wins, so the dashboard agrees with the run page; the message is only read for results stored
 * without one, and an assertion that printed "Timeout: 5000ms" in its call log is still an assertion.
 */
export function classifyFailure(error: string | null, stored?: string | null): DefectCategory {
  if (stored) return FOLDED[stored] ?? 'UNKNOWN';
  const text = (error ?? '').toLowerCase();
  if (/expect\(|tohave|tobe|tocontain|assert/.test(text)) return 'ASSERTION_FAIL';
  if (/timeout|timed out|exceeded/.test(text)) return 'TIMEOUT';
  if (/net::|navigation|page\.goto|err_name_not_resolved|err_connection/.test(text)) return 'NAVIGATION_FAIL';
  if (/locator|selector|strict mode violation|not attached|no element|waiting for/.test(text)) return 'SELECTOR_ISSUE';
  return 'UNKNOWN';
}
