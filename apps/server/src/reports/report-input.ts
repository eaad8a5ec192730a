import type { ResultView, RunView } from '../runs/run-view.js';

/** Everything a report builder needs about one finished run; the builders themselves do no I/O. */
export interface ReportInput {
  /** `toRunView(...)` output, results in execution order. */
  run: RunView;
  projectName: string;
  /** Sentri's own version. */
  toolVersion: string;
  /** Absolute base URL for links to evidence (e.g. http://host:3001); artifact paths are server-relative. */
  baseUrl?: string;
  /** When the report is generated; defaults to now. Passed in so a report can be reproduced exactly. */
  generatedAt?: Date;
}

export type ReportResult = ResultView;
export type ReportAttempt = ResultView['attempts'][number];

/** Run statuses that end a run before every test got its say: CI must not read such a run as green. */
const BROKEN_RUN_STATUSES = new Set(['failed', 'aborted', 'interrupted']);

/** The run-level problem a report must surface as its own failing entry, or null when the run completed. */
export function runError(run: RunView): { message: string; type: string } | null {
  if (!BROKEN_RUN_STATUSES.has(run.status)) return null;
  return {
    message: cleanText(run.error ?? '') || `Run ${run.status} before all tests finished`,
    type: run.errorCategory ?? run.status,
  };
}

// Playwright colours its errors; CSI (`ESC [ … m`), OSC (`ESC ] … BEL`) and two-byte escapes.
// eslint-disable-next-line no-control-regex -- matching the escape character is the point
const ANSI_ESCAPE = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[@-Z\\-_])/g;

/** Text as a person should read it: terminal colour codes removed. */
export function cleanText(text: string): string {
  return text.replace(ANSI_ESCAPE, '');
}

/** The first non-empty line of a message, cut to `max` characters (never through a surrogate pair). */
export function firstLine(text: string, max = 300): string {
  const line =
    cleanText(text)
      .split(/\r?\n/)
      .find((candidate) => candidate.trim() !== '')
      ?.trim() ?? '';
  const chars = Array.from(line);
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : line;
}

/** A server-relative artifact path as a link a CI user can click, when the server's address is known. */
export function evidenceUrl(path: string, baseUrl: string | undefined): string {
  if (!baseUrl || /^[a-z][a-z0-9+.-]*:/i.test(path)) return path;
  return `${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/** An attempt that did not pass: the evidence of a flaky pass or of the retries before a final failure. */
export function isFailedAttempt(attempt: ReportAttempt): boolean {
  return attempt.status !== 'passed' && attempt.status !== 'skipped';
}

/** Every attempt before the final one, oldest first. */
export function earlierAttempts(result: ReportResult): ReportAttempt[] {
  return result.attempts.slice(0, -1);
}

/** The trace kept for an earlier attempt (stored as `attempt-<retry>-trace.zip`), if there is one. */
export function attemptTrace(result: ReportResult, retry: number): string | undefined {
  return result.attemptTraces.find((path) => path.endsWith(`/attempt-${retry}-trace.zip`));
}

/** The evidence files of a result's final attempt, labelled, as links. */
export function evidenceLinks(result: ReportResult, baseUrl: string | undefined) {
  const files = [
    { label: 'Trace', contentType: 'application/zip', path: result.tracePath },
    { label: 'Screenshot', contentType: 'image/png', path: result.screenshotPath },
    { label: 'Video', contentType: 'video/webm', path: result.videoPath },
  ];
  return files.flatMap(({ label, contentType, path }) =>
    path ? [{ label, contentType, url: evidenceUrl(path, baseUrl) }] : [],
  );
}

/** Milliseconds since the epoch of an ISO timestamp, or null when absent or unreadable. */
export function epochMs(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : null;
}

/** Results per Sentri status; `other` holds statuses this version does not know. */
export function countByStatus(results: ReportResult[]) {
  const count = (status: string) => results.filter((result) => result.status === status).length;
  const counts = { passed: count('passed'), flaky: count('flaky'), failed: count('failed'), skipped: count('skipped') };
  return { ...counts, other: results.length - counts.passed - counts.flaky - counts.failed - counts.skipped };
}
