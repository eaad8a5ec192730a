import { stripVTControlCharacters } from 'node:util';
import { formatDuration } from './duration.js';
import type { Counts, TestResult } from './run-tally.js';

/** Where progress text goes: stderr, so stdout holds only the summary a script may want to read. */
export interface Output {
  write(text: string): void;
  readonly isTTY: boolean;
}

/** What following a run tells the person (or CI log) watching. */
export interface Progress {
  result(result: TestResult, counts: Counts): void;
  /** New totals: from a stream snapshot, or — with no stream — from polling the status. */
  counts(counts: Counts, source: 'stream' | 'poll'): void;
  log(level: string, message: string): void;
  /** Something about the connection itself: reconnecting, falling back to polling. */
  notice(message: string): void;
  /** Leaves the terminal clean for the summary. */
  finish(): void;
}

const MARKS: Record<string, string> = { passed: '✓', failed: '✗', flaky: '~', skipped: '-' };

/** `✓ TEST-1 Adds a todo (1.2 s)`, `✗ TEST-2 … (3.0 s) — <first line of the error>`. */
export function resultLine(result: TestResult): string {
  const mark = MARKS[result.status] ?? '?';
  const duration =
    result.status === 'skipped' || result.durationMs === null ? '' : ` (${formatDuration(result.durationMs)})`;
  let line = `${mark} ${result.testId} ${result.testName}${duration}`;
  if (result.status === 'failed') {
    // Playwright colours its errors; a CI log shows the escape codes as garbage.
    const firstLine = stripVTControlCharacters(result.error ?? '')
      .split('\n')
      .map((text) => text.trim())
      .find(Boolean);
    if (firstLine) line += ` — ${firstLine.length > 200 ? `${firstLine.slice(0, 199)}…` : firstLine}`;
  } else if (result.status === 'flaky') {
    line += ` — flaky: passed after ${result.retryCount ?? 1} ${result.retryCount === 1 ? 'retry' : 'retries'}`;
  } else if (result.status === 'skipped') {
    line += ' (skipped)';
  }
  return line;
}

/** `[#####-----] 3/10  ✓2 ✗1 ~0  12s` */
export function progressBar(counts: Counts, elapsedMs: number, width = 10): string {
  const total = counts.total ?? 0;
  const filled = total > 0 ? Math.min(width, Math.round((counts.finished / total) * width)) : 0;
  const bar = `${'#'.repeat(filled)}${'-'.repeat(width - filled)}`;
  const of = counts.total === null ? `${counts.finished}/?` : `${counts.finished}/${total}`;
  return `[${bar}] ${of}  ✓${counts.passed} ✗${counts.failed} ~${counts.flaky}  ${Math.floor(elapsedMs / 1000)}s`;
}

/** CI logs: one plain line per finished test, nothing redrawn. */
export class LineProgress implements Progress {
  private lastCounts = '';

  constructor(
    private readonly out: Output,
    private readonly verbose: boolean,
  ) {}

  result(result: TestResult): void {
    this.out.write(`${resultLine(result)}\n`);
  }

  counts(counts: Counts, source: 'stream' | 'poll'): void {
    // A stream already printed every result; polling has only counts, said when they change.
    if (source !== 'poll') return;
    const text = `${counts.finished}/${counts.total ?? '?'} finished (${counts.passed} passed, ${counts.failed} failed)`;
    if (text === this.lastCounts) return;
    this.lastCounts = text;
    this.out.write(`… ${text}\n`);
  }

  log(_level: string, message: string): void {
    if (this.verbose) this.out.write(`  ${message}\n`);
  }

  notice(message: string): void {
    this.out.write(`${message}\n`);
  }

  finish(): void {}
}

/** A terminal: one progress line redrawn in place; failures and notices are printed above it. */
export class TtyProgress implements Progress {
  private current: Counts = { passed: 0, failed: 0, flaky: 0, skipped: 0, finished: 0, total: null };
  private readonly started = Date.now();
  private readonly ticker: NodeJS.Timeout;

  constructor(
    private readonly out: Output,
    private readonly verbose: boolean,
  ) {
    this.ticker = setInterval(() => this.draw(), 1000);
    this.ticker.unref();
    this.draw();
  }

  result(result: TestResult, counts: Counts): void {
    this.current = counts;
    // A failure's name and error must survive the redraws: it goes above the bar.
    if (result.status === 'failed' || result.status === 'flaky') this.above(resultLine(result));
    else this.draw();
  }

  counts(counts: Counts): void {
    this.current = counts;
    this.draw();
  }

  log(_level: string, message: string): void {
    if (this.verbose) this.above(`  ${message}`);
  }

  notice(message: string): void {
    this.above(message);
  }

  finish(): void {
    clearInterval(this.ticker);
    this.out.write('\r\u001b[2K');
  }

  private above(line: string): void {
    this.out.write(`\r\u001b[2K${line}\n`);
    this.draw();
  }

  private draw(): void {
    this.out.write(`\r\u001b[2K${progressBar(this.current, Date.now() - this.started)}`);
  }
}

/** --quiet: nothing until the summary. */
export class SilentProgress implements Progress {
  result(): void {}
  counts(): void {}
  log(): void {}
  notice(): void {}
  finish(): void {}
}
