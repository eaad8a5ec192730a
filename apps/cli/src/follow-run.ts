import { setTimeout as sleep } from 'node:timers/promises';
import { ApiError, type RunStatus, type SentriClient } from './api-client.js';
import { formatDuration } from './duration.js';
import { CliError, EXIT } from './exit-codes.js';
import type { Progress } from './progress.js';
import { RunEventStream, type DoneEvent } from './run-event-stream.js';
import type { RunTally } from './run-tally.js';

export type { DoneEvent } from './run-event-stream.js';

export interface FollowTiming {
  /** How often the status is polled when live events are unavailable. */
  pollIntervalMs: number;
  /** Waits before each reconnect of a dropped stream; its length is how many reconnects we try in a row. */
  reconnectDelaysMs: readonly number[];
  /** A stream that sends nothing this long (not even a heartbeat, every 15 s) is treated as dead. */
  silenceMs: number;
  /** Consecutive failed status polls (network, 5xx) before giving up as unreachable. */
  maxPollFailures: number;
}

export const DEFAULT_TIMING: FollowTiming = {
  pollIntervalMs: 2000,
  reconnectDelaysMs: [1000, 2000, 4000, 8000, 16_000],
  silenceMs: 45_000,
  maxPollFailures: 10,
};

export interface FollowOutcome {
  /** The run as the status endpoint reports it after it ended: the authority on the outcome. */
  status: RunStatus;
  tally: RunTally;
  done: DoneEvent | null;
}

/**
 * Follows a run until it ends: live over the event stream (reconnecting with Last-Event-ID when
 * it drops), or by polling the status when there is no stream. Either way the outcome is the one
 * a final GET of the status returns. Throws a CliError with the timeout exit code when
 * `timeoutMs` passes first — without aborting the run, which belongs to the server.
 */
export async function followRun(
  client: SentriClient,
  runId: string,
  progress: Progress,
  options: { timeoutMs: number; timing: FollowTiming; statusUrl: string },
): Promise<FollowOutcome> {
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), options.timeoutMs);
  const events = new RunEventStream(client, runId, progress, options.timing, deadline.signal);
  try {
    if (!(await events.stream())) {
      progress.notice(
        `Live events unavailable; polling the run status every ${options.timing.pollIntervalMs / 1000} s.`,
      );
    }
    const status = await pollUntilEnded(client, runId, events.tally, progress, options.timing, deadline.signal);
    return { status, tally: events.tally, done: events.done };
  } catch (error) {
    if (!deadline.signal.aborted) throw error;
    const { finished, total } = events.tally.counts();
    throw new CliError(
      `Timed out after ${formatDuration(options.timeoutMs)} waiting for run ${runId} ` +
        `(${finished}/${total ?? '?'} tests finished). The run was NOT aborted: it continues on the server. ` +
        `Status: ${options.statusUrl}`,
      EXIT.TIMEOUT,
    );
  } finally {
    clearTimeout(timer);
  }
}

/** Polls until the run is no longer running; its first GET is also the confirmation after `done`. */
async function pollUntilEnded(
  client: SentriClient,
  runId: string,
  tally: RunTally,
  progress: Progress,
  timing: FollowTiming,
  signal: AbortSignal,
): Promise<RunStatus> {
  let failures = 0;
  for (;;) {
    let status: RunStatus;
    try {
      status = await client.runStatus(runId, signal);
      failures = 0;
    } catch (error) {
      if (signal.aborted) throw error;
      if (error instanceof ApiError && error.status === 429) {
        const wait = (error.retryAfterSeconds ?? 30) * 1000;
        progress.notice(`Rate limited while polling; waiting ${formatDuration(wait)}.`);
        await sleep(wait, undefined, { signal });
        continue;
      }
      failures += 1;
      if (!(error instanceof CliError) || error.exitCode !== EXIT.UNREACHABLE) throw error;
      if (failures >= timing.maxPollFailures) throw error;
      if (failures === 1) progress.notice(`${error.message}; retrying.`);
      await sleep(timing.pollIntervalMs, undefined, { signal });
      continue;
    }
    tally.setFromStatus(status);
    if (status.status !== 'running') return status;
    progress.counts(tally.counts(), 'poll');
    await sleep(timing.pollIntervalMs, undefined, { signal });
  }
}
