import { Cron } from 'croner';
import { AppError } from '@sentri/core';

/** Checks a schedule's expression and zone in the order the API reports problems. */
export function checkSchedule(cronExpr: unknown, timezone: string): asserts cronExpr is string {
  if (typeof cronExpr !== 'string' || cronExpr.trim() === '') throw new AppError('SCHEDULE_CRON_REQUIRED');
  const problem = cronProblem(cronExpr);
  if (problem === 'invalid')
    throw new AppError('SCHEDULE_CRON_INVALID', `Invalid cron expression: ${JSON.stringify(cronExpr)}`);
  if (problem === 'fields') throw new AppError('SCHEDULE_CRON_NOT_FIVE_FIELDS');
  if (!isTimeZone(timezone))
    throw new AppError('SCHEDULE_TIMEZONE_INVALID', `Invalid timezone: ${JSON.stringify(timezone)}`);
}

/**
 * What is wrong with an expression, if anything. Only the standard five fields are accepted:
 * a seconds field or a nickname would mean something else in every other cron a user knows.
 */
export function cronProblem(cronExpr: string): 'invalid' | 'fields' | undefined {
  try {
    new Cron(cronExpr, { paused: true });
  } catch {
    return 'invalid';
  }
  return cronExpr.trim().split(/\s+/).length === 5 ? undefined : 'fields';
}

export function isTimeZone(timezone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: timezone });
    return true;
  } catch {
    return false;
  }
}

const YEAR_MS = 366 * 24 * 60 * 60 * 1000;

/** The first matching minute strictly after `after`, in the schedule's zone; null when none within a year. */
export function nextRunAfter(cronExpr: string, timezone: string, after: Date): Date | null {
  const next = new Cron(cronExpr, { timezone, paused: true }).nextRun(after);
  return next && next.getTime() - after.getTime() <= YEAR_MS ? next : null;
}

/** How many times the expression matched in (from, to]: the runs a stopped scheduler missed. */
export function countRunsBetween(cronExpr: string, timezone: string, from: Date, to: Date, cap = 10_000): number {
  const cron = new Cron(cronExpr, { timezone, paused: true });
  let count = 0;
  for (let at = cron.nextRun(from); at && at <= to && count < cap; at = cron.nextRun(at)) count += 1;
  return count;
}
