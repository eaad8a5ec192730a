import fs from 'node:fs';
import path from 'node:path';
import type { RunStatus, SentriClient } from './api-client.js';
import type { RunOptions } from './args.js';
import { formatDuration } from './duration.js';
import { CliError, EXIT, exitCodeForRun, type ExitCode } from './exit-codes.js';
import { followRun, type FollowOutcome, type FollowTiming } from './follow-run.js';
import { LineProgress, SilentProgress, TtyProgress, type Output, type Progress } from './progress.js';

export interface CommandIo {
  stdout: Output;
  stderr: Output;
  timing: FollowTiming;
}

/** `sentri run`: trigger, and with --wait follow the run, write the reports and exit with the outcome. */
export async function runCommand(options: RunOptions, client: SentriClient, io: CommandIo): Promise<ExitCode> {
  const startedAt = Date.now();
  const { runId, statusUrl } = await client.trigger({ callbackUrl: options.callbackUrl, workers: options.workers });
  if (!options.wait) {
    io.stdout.write(`Run ${runId} started: ${statusUrl}\n`);
    return EXIT.OK;
  }
  if (!options.quiet) io.stderr.write(`Run ${runId} started: ${statusUrl}\n`);

  const progress = progressFor(options, io.stderr);
  let outcome: FollowOutcome;
  try {
    outcome = await followRun(client, runId, progress, { timeoutMs: options.timeoutMs, timing: io.timing, statusUrl });
  } finally {
    progress.finish();
  }

  let exitCode = exitCodeForRun(outcome.status.status, outcome.status.failed);
  // Reports matter most when tests failed, so they are written whatever the outcome.
  for (const [file, suffix, label] of [
    [options.junit, '/report.junit.xml', 'JUnit'],
    [options.ctrf, '/report.ctrf.json', 'CTRF'],
  ] as const) {
    if (file === null) continue;
    try {
      await writeReport(client, client.runUrl(runId, suffix), file, label);
      if (!options.quiet) io.stderr.write(`${label} report written to ${file}\n`);
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      io.stderr.write(`sentri: ${error.message}\n`);
      // A failed run already fails the job; a missing report must fail an otherwise green one.
      if (exitCode === EXIT.OK) exitCode = error.exitCode;
    }
  }
  io.stdout.write(`${summaryLine(outcome, Date.now() - startedAt)}\n`);
  return exitCode;
}

function progressFor(options: RunOptions, stderr: Output): Progress {
  if (options.quiet) return new SilentProgress();
  return stderr.isTTY ? new TtyProgress(stderr, options.verbose) : new LineProgress(stderr, options.verbose);
}

async function writeReport(client: SentriClient, url: string, file: string, label: string): Promise<void> {
  const body = await client.download(url, `Downloading the ${label} report`);
  try {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    fs.writeFileSync(file, body);
  } catch (error) {
    throw new CliError(`cannot write the ${label} report to ${file}: ${(error as Error).message}`, EXIT.USAGE);
  }
}

/** `Run RUN-5 completed: 9 passed, 1 failed, 0 flaky, 0 skipped of 10 in 34 s — <detail url>` */
export function summaryLine({ status, tally, done }: FollowOutcome, elapsedMs: number): string {
  const seen = tally.counts();
  const flaky = status.flaky ?? done?.flaky ?? seen.flaky;
  const skipped = status.skipped ?? seen.skipped;
  const counts =
    `${status.passed} passed, ${status.failed} failed, ${flaky} flaky, ${skipped} skipped ` +
    `of ${status.total} in ${formatDuration(durationOf(status) ?? elapsedMs)}`;
  let line = `Run ${status.id} ${status.status}: ${counts}`;
  if (status.status !== 'completed' && status.error) line += ` — ${status.error}`;
  if (status.detailUrl) line += ` — ${status.detailUrl}`;
  return line;
}

function durationOf(status: RunStatus): number | null {
  if (typeof status.duration === 'number') return status.duration;
  if (status.startedAt && status.finishedAt) {
    const ms = Date.parse(status.finishedAt) - Date.parse(status.startedAt);
    return Number.isFinite(ms) ? ms : null;
  }
  return null;
}
