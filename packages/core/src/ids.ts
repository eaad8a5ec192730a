/**
 * Human-readable ids come from named counters that only ever grow, so `PRJ-7` is never handed out
 * twice, not even after a hard delete. The counter names are the storage keys; the prefixes are
 * what users see.
 */
export const ID_PREFIXES = {
  project: 'PRJ',
  test: 'TC',
  run: 'RUN',
  activity: 'ACT',
  webhook: 'WH',
  schedule: 'SCH',
  workspace: 'WS',
  workspace_member: 'WM',
  notification_setting: 'NS',
} as const;

export type CounterName = keyof typeof ID_PREFIXES;

export function formatId(counter: CounterName, value: number): string {
  return `${ID_PREFIXES[counter]}-${value}`;
}

/** Parses `PRJ-12` back into its counter and number; undefined for anything else. */
export function parseId(id: string): { counter: CounterName; value: number } | undefined {
  const match = /^([A-Z]+)-([1-9][0-9]*)$/.exec(id);
  if (!match) return undefined;
  const entry = Object.entries(ID_PREFIXES).find(([, prefix]) => prefix === match[1]);
  if (!entry) return undefined;
  return { counter: entry[0] as CounterName, value: Number(match[2]) };
}
