import type { RunDigest } from './run-digest.js';

/**
 * The generic webhook body (API.md §4.6). Integrations parse it, so its field names and types are a
 * contract: add fields if needed, never rename or drop one.
 */
export interface RunFailedWebhook {
  event: 'run.failed';
  runId: string;
  projectId: string;
  projectName: string;
  status: string;
  passed: number;
  failed: number;
  total: number;
  /** Milliseconds, or null when the run recorded none. */
  duration: number | null;
  /** At most ten names. */
  failingTests: string[];
  detailUrl: string;
  /** ISO 8601. */
  timestamp: string;
}

export function webhookPayload(d: RunDigest): RunFailedWebhook {
  return {
    event: 'run.failed',
    runId: d.runId,
    projectId: d.projectId,
    projectName: d.projectName,
    status: d.status,
    passed: d.passed,
    failed: d.failed,
    total: d.total,
    duration: d.durationMs,
    failingTests: [...d.failingTests],
    detailUrl: d.detailUrl,
    timestamp: d.timestamp,
  };
}
