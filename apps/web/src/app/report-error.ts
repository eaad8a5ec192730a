import { post, readCookie } from '../api/client';

/** The server's limits on `POST /system/client-error`; longer text is cut, not refused. */
const LIMITS = { message: 2000, stack: 10_000, componentStack: 10_000, url: 2048 } as const;

// Each error is reported once, however often its boundary re-renders.
const reportedObjects = new WeakSet<object>();
const reportedTexts = new Set<string>();

function firstTime(error: unknown): boolean {
  if (typeof error === 'object' && error !== null) {
    if (reportedObjects.has(error)) return false;
    reportedObjects.add(error);
    return true;
  }
  const key = String(error);
  if (reportedTexts.has(key)) return false;
  reportedTexts.add(key);
  return true;
}

const cut = (text: string | undefined, max: number) => (text === undefined ? undefined : text.slice(0, max));

/**
 * Tells the server about a crash the dashboard hit, for its log. Best effort: without a session
 * there is nobody to report as (the server would answer 401), and a failed report is dropped.
 */
export function reportClientError(error: unknown, componentStack?: string): void {
  const exp = Number(readCookie('token_exp'));
  if (!Number.isFinite(exp) || exp * 1000 <= Date.now()) return;
  if (!firstTime(error)) return;
  const body = {
    message: cut(error instanceof Error ? `${error.name}: ${error.message}` : String(error), LIMITS.message),
    stack: cut(error instanceof Error ? error.stack : undefined, LIMITS.stack),
    componentStack: cut(componentStack, LIMITS.componentStack),
    url: cut(window.location.href, LIMITS.url),
  };
  post('/system/client-error', body).catch(() => undefined);
}
