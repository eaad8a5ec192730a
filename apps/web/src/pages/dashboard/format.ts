/** Small formatters shared by the dashboard, activity and settings pages. */

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const shortDateTime = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
}

export function formatShortDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : shortDateTime.format(date);
}

/** "3 min ago", "2 days ago": for lists where the exact time is in a tooltip. */
export function formatRelative(iso: string, now = Date.now()): string {
  const then = new Date(iso).getTime();
  if (Number.isNaN(then)) return iso;
  const seconds = Math.round((now - then) / 1000);
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.round(hours / 24);
  return days === 1 ? 'yesterday' : `${days} days ago`;
}

export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${Math.round(seconds % 60)} s`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min`;
  return `${Math.round(hours / 24)} days`;
}

const RUN_STATUS_COLOR: Record<string, string> = {
  queued: 'gray',
  running: 'blue',
  completed: 'green',
  completed_empty: 'gray',
  failed: 'red',
  aborted: 'orange',
  interrupted: 'yellow',
};

export const runStatusColor = (status: string) => RUN_STATUS_COLOR[status] ?? 'gray';

const RUN_STATUS_LABEL: Record<string, string> = { completed_empty: 'completed (nothing found)' };
export const runStatusLabel = (status: string) => RUN_STATUS_LABEL[status] ?? status.replace(/_/g, ' ');

const RUN_TYPE_LABEL: Record<string, string> = {
  test_run: 'Test run',
  run: 'Test run',
  crawl: 'Crawl',
  generate: 'Generate',
};
export const runTypeLabel = (type: string) => RUN_TYPE_LABEL[type] ?? type.replace(/_/g, ' ');
