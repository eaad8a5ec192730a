export type DefectCategory = 'SELECTOR_ISSUE' | 'NAVIGATION_FAIL' | 'TIMEOUT' | 'ASSERTION_FAIL' | 'UNKNOWN';

/** What kind of failure an error message describes, for the dashboard's defect breakdown. */
export function classifyFailure(error: string | null): DefectCategory {
  const text = (error ?? '').toLowerCase();
  if (/timeout|timed out|exceeded/.test(text)) return 'TIMEOUT';
  if (/expect\(|tohave|tobe|tocontain|assert/.test(text)) return 'ASSERTION_FAIL';
  if (/net::|navigation|page\.goto|err_name_not_resolved|err_connection/.test(text)) return 'NAVIGATION_FAIL';
  if (/locator|selector|strict mode violation|not attached|no element|waiting for/.test(text)) return 'SELECTOR_ISSUE';
  return 'UNKNOWN';
}
