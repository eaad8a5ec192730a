const DATE = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A timestamp from the API (ISO-8601) in the reader's locale; "—" when absent. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : DATE.format(date);
}

/** A duration in milliseconds as "1m 05s" / "4.2s"; "—" when absent. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return `${minutes}m ${String(seconds).padStart(2, '0')}s`;
}

const TYPE_LABEL: Record<string, string> = {
  crawl: 'Crawl',
  test_run: 'Test run',
  run: 'Test run',
  generate: 'Generate',
  record: 'Recording',
};
export const runTypeLabel = (type: string) => TYPE_LABEL[type] ?? type;

const STATUS_COLOR: Record<string, string> = {
  running: 'blue',
  completed: 'green',
  completed_empty: 'yellow',
  failed: 'red',
  aborted: 'gray',
  interrupted: 'orange',
};
export const runStatusColor = (status: string) => STATUS_COLOR[status] ?? 'gray';
export const runStatusLabel = (status: string) => (status === 'completed_empty' ? 'no tests' : status);
