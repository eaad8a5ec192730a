/** Schedules most projects want, as the 5-field cron expressions the API takes. */
export const SCHEDULE_PRESETS = [
  { value: '0 * * * *', label: 'Every hour' },
  { value: '0 2 * * *', label: 'Daily at 02:00' },
  { value: '0 2 * * 1-5', label: 'Weekdays at 02:00' },
  { value: '0 6 * * 1', label: 'Weekly, Monday at 06:00' },
] as const;

export const CUSTOM_PRESET = 'custom';

/** The preset an expression is, if any (whitespace differences do not count). */
export function presetOf(cronExpr: string): string {
  const normal = cronExpr.trim().split(/\s+/).join(' ');
  return SCHEDULE_PRESETS.find((preset) => preset.value === normal)?.value ?? CUSTOM_PRESET;
}

export function describeCron(cronExpr: string): string {
  const preset = presetOf(cronExpr);
  return SCHEDULE_PRESETS.find((entry) => entry.value === preset)?.label ?? 'Custom schedule';
}

/** A cheap check before asking the server: the API accepts the standard five fields only. */
export function cronShapeProblem(cronExpr: string): string | undefined {
  const fields = cronExpr.trim().split(/\s+/).filter(Boolean);
  if (fields.length === 0) return 'Enter a cron expression, or pick a preset.';
  if (fields.length !== 5)
    return `A cron expression has 5 fields (minute hour day-of-month month day-of-week); this one has ${fields.length}.`;
  return undefined;
}

export const browserTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

let zones: string[] | undefined;

/** Every IANA zone this browser knows, plus UTC and any zone a saved schedule already uses. */
export function timeZoneOptions(extra: string[] = []): string[] {
  zones ??= typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const all = new Set([...zones, 'UTC', browserTimeZone(), ...extra]);
  return [...all].sort((a, b) => a.localeCompare(b));
}
