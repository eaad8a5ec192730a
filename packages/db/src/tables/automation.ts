import type { Generated } from 'kysely';

type Timestamp = string;
type Bool = number;

/** A claimed due time of a recurring job (a project's schedule, the stale-test sweep). */
export interface JobTicksTable {
  /** `schedule:<projectId>` or the name of a system job. */
  job: string;
  dueAt: Timestamp;
  projectId: string | null;
  /** `started`, `skipped_active`, `skipped_no_tests`, `missed`, `failed`, `done`. */
  outcome: string;
  runId: string | null;
  detail: string | null;
  /** The process that claimed it, for diagnosing a cluster. */
  claimedBy: string;
  createdAt: Timestamp;
}

/** One attempt to deliver a run's notification on one channel. */
export interface NotificationDeliveriesTable {
  id: Generated<number>;
  runId: string;
  projectId: string;
  /** `teams`, `slack`, `email`, `webhook` or `callback`. */
  channel: string;
  /** The address, with secret URL paths redacted. */
  target: string;
  ok: Bool;
  status: number | null;
  error: string | null;
  durationMs: number;
  createdAt: Timestamp;
}
