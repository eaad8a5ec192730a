/**
 * What a failure notification says, computed once so Teams, Slack, e-mail and the generic webhook
 * all report the same numbers, the same test names and the same link.
 */

/** How many failing test names a notification lists; the rest is summarised as "and more". */
export const MAX_LISTED_FAILURES = 10;

export interface RunDigest {
  runId: string;
  projectId: string;
  projectName: string;
  status: string;
  passed: number;
  failed: number;
  total: number;
  durationMs: number | null;
  /** Names of failing tests, at most {@link MAX_LISTED_FAILURES}. */
  failingTests: string[];
  /** More tests failed than are listed. */
  moreFailing: boolean;
  detailUrl: string;
  /** When the digest was built, ISO 8601. */
  timestamp: string;
}

export interface RunDigestInput {
  run: {
    id: string;
    projectId: string;
    status: string;
    passed: number | null;
    failed: number | null;
    total: number | null;
    duration: number | null;
  };
  projectName: string;
  failedTestNames: string[];
  /** The dashboard's public address including its base path, without a trailing slash. */
  appUrl: string;
  now: Date;
}

export function buildRunDigest(input: RunDigestInput): RunDigest {
  const { run } = input;
  const failed = count(run.failed);
  const names = input.failedTestNames.filter((name) => name.trim() !== '');
  return {
    runId: run.id,
    projectId: run.projectId,
    projectName: input.projectName,
    status: run.status,
    passed: count(run.passed),
    failed,
    total: count(run.total),
    durationMs: run.duration !== null && Number.isFinite(run.duration) && run.duration >= 0 ? run.duration : null,
    failingTests: names.slice(0, MAX_LISTED_FAILURES),
    // The caller may hand over only the first names; the failed counter still tells there are more.
    moreFailing: Math.max(names.length, failed) > MAX_LISTED_FAILURES,
    // A stray trailing slash in the configured address would otherwise give "//runs/…".
    detailUrl: `${input.appUrl.replace(/\/+$/, '')}/runs/${encodeURIComponent(run.id)}`,
    timestamp: input.now.toISOString(),
  };
}

/** "42s", "3m 5s", "1h 2m"; "—" when the run recorded no duration. */
export function formatDuration(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms) || ms < 0) return '—';
  if (ms > 0 && ms < 500) return '<1s';
  const totalSeconds = Math.round(ms / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  if (hours > 0) return `${hours}h ${minutes}m`;
  if (minutes > 0) return `${minutes}m ${seconds}s`;
  return `${seconds}s`;
}

/** A one-line count for previews and fallbacks: "2 of 5 tests failed". */
export function failedSummary(d: Pick<RunDigest, 'failed' | 'total'>): string {
  return d.total > 0 ? `${d.failed} of ${d.total} tests failed` : `${d.failed} test(s) failed`;
}

/**
 * Shortens user text (test and project names) to at most `max` UTF-16 units, the way the chat
 * services count, marking the cut and never splitting an emoji's surrogate pair.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let kept = text.slice(0, Math.max(0, max - 1));
  if (/[\uD800-\uDBFF]$/.test(kept)) kept = kept.slice(0, -1);
  return `${kept}…`;
}

function count(value: number | null): number {
  return value !== null && Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
}
