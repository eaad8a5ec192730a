import { v } from './variable-spec.js';

/** Schedules, the stale-test sweep and outbound notifications. */
export const AUTOMATION_VARIABLES = {
  SCHEDULER_POLL_MS: v({
    kind: 'integer',
    group: 'Automation',
    default: '15000',
    min: 100,
    max: 60_000,
    doc: 'How often a scheduler process looks for due schedules. A schedule fires at most this late.',
  }),
  SCHEDULE_MISSED_AFTER_MS: v({
    kind: 'integer',
    group: 'Automation',
    default: '300000',
    min: 1000,
    max: 86_400_000,
    doc: 'A due run found later than this (the server was down) is reported as missed instead of started.',
  }),
  STALE_TEST_DAYS: v({
    kind: 'integer',
    group: 'Automation',
    default: '90',
    min: 1,
    max: 3650,
    doc: 'An approved test that has not run for this many days is flagged stale.',
  }),
  STALE_SWEEP_CRON: v({
    kind: 'string',
    group: 'Automation',
    default: '0 3 * * 0',
    doc: 'When the stale-test sweep runs (5-field cron, UTC). Default: Sundays at 03:00.',
  }),
  NOTIFICATION_TIMEOUT_MS: v({
    kind: 'integer',
    group: 'Automation',
    default: '10000',
    min: 100,
    max: 120_000,
    doc: 'How long one notification or CI callback delivery may take.',
  }),
} as const;
