import path from 'node:path';
import type {
  FullConfig,
  FullResult,
  Reporter,
  Suite,
  TestCase,
  TestError,
  TestResult,
  TestStep,
} from '@playwright/test/reporter';
import { parseEventLine } from '@sentri/runtime';
import type { ChildError, ChildMessage, ChildStep } from '../run-plan.js';

/**
 * Runs inside the Playwright Test process a Sentri run starts, and relays what happens to the
 * run over the IPC channel the host opened: attempts with their errors and evidence, steps as
 * they finish, and the runtime's own events (heals, frames) that workers print as marked lines.
 */
export default class SentriReporter implements Reporter {
  /** Partial stdout lines per test attempt: a worker may split one long line over several chunks. */
  readonly #pending = new Map<string, string>();
  readonly #output = new Map<string, string[]>();

  constructor() {
    // The host that started this run owns it. When the host dies (even by SIGKILL, which no
    // handler sees) the IPC channel closes: the run — this process, its workers and, through
    // their pipes, their browsers — must not go on without anyone to report to.
    if (process.send) process.once('disconnect', endRunProcesses);
  }

  printsToStdio(): boolean {
    return false;
  }

  onBegin(config: FullConfig, suite: Suite): void {
    send({ type: 'begin', total: suite.allTests().length, workers: config.workers });
  }

  onTestBegin(test: TestCase, result: TestResult): void {
    send({ type: 'test-begin', testId: testIdOf(test), retry: result.retry, workerIndex: result.workerIndex });
  }

  onStepEnd(test: TestCase, result: TestResult, step: TestStep): void {
    if (step.category !== 'test.step' && step.category !== 'expect' && step.category !== 'pw:api') return;
    send({ type: 'step', testId: testIdOf(test), retry: result.retry, step: stepOf(step) });
  }

  onStdOut(chunk: string | Buffer, test?: TestCase, result?: TestResult): void {
    if (!test || !result) return;
    const key = `${test.id}#${result.retry}`;
    const text = (this.#pending.get(key) ?? '') + chunk.toString();
    const lines = text.split('\n');
    this.#pending.set(key, lines.pop() ?? '');
    for (const line of lines) {
      const event = parseEventLine(line);
      if (event) send({ type: 'runtime', testId: testIdOf(test), retry: result.retry, event });
      else this.#keepOutput(key, line);
    }
  }

  onStdErr(chunk: string | Buffer, test?: TestCase, result?: TestResult): void {
    if (test && result) this.#keepOutput(`${test.id}#${result.retry}`, chunk.toString().trimEnd());
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    const key = `${test.id}#${result.retry}`;
    const final =
      result.status === 'passed' ||
      result.status === 'skipped' ||
      result.status === 'interrupted' ||
      result.retry >= test.retries;
    send({
      type: 'attempt',
      testId: testIdOf(test),
      retry: result.retry,
      final,
      status: result.status,
      durationMs: result.duration,
      startedAt: result.startTime.toISOString(),
      errors: result.errors.map(errorOf),
      attachments: result.attachments.map(({ name, path: file, contentType }) => ({
        name,
        contentType,
        ...(file ? { path: file } : {}),
      })),
      steps: result.steps.filter((step) => step.category === 'test.step').map(stepOf),
      output: this.#output.get(key) ?? [],
    });
    this.#pending.delete(key);
    this.#output.delete(key);
  }

  async onEnd(result: FullResult): Promise<void> {
    // IPC delivers in order: once `end` is written, everything before it is too, and Playwright
    // may exit the process right after this returns.
    await new Promise<void>((resolve) => {
      if (!process.send) return resolve();
      process.send({ type: 'end', status: result.status, durationMs: result.duration } satisfies ChildMessage, () =>
        resolve(),
      );
    });
  }

  #keepOutput(key: string, line: string): void {
    const lines = this.#output.get(key) ?? [];
    // Console output is evidence, not a log store: the first 200 lines of each attempt are kept.
    if (lines.length < 200) lines.push(line.slice(0, 2000));
    this.#output.set(key, lines);
  }
}

/** A spec file is named after the test it holds: `TC-12.spec.ts`. */
function testIdOf(test: TestCase): string {
  return path.basename(test.location.file).replace(/\.spec\.[cm]?[jt]s$/, '');
}

function stepOf(step: TestStep): ChildStep {
  return {
    title: step.title,
    category: step.category,
    durationMs: step.duration,
    ...(step.error?.message ? { error: stripAnsi(step.error.message) } : {}),
  };
}

function errorOf(error: TestError): ChildError {
  const stack = error.stack ? stripAnsi(error.stack) : undefined;
  const message = stripAnsi(error.message ?? error.value ?? 'Unknown error');
  // The stack's first line is `<ErrorClass>: <message>`: the class the error was thrown as.
  const name = /^([A-Za-z_$][\w$]*): /.exec(stack ?? '')?.[1] ?? 'Error';
  return { name, message, ...(stack ? { stack } : {}) };
}

// Terminal colour codes and other control characters (tab and newline stay): messages are shown as text.
const ANSI = new RegExp(String.raw`\u001b\[[0-9;]*[A-Za-z]`, 'g');
const CONTROL = new RegExp(String.raw`[\u0000-\u0008\u000b-\u001f]`, 'g');
const stripAnsi = (text: string) => text.replace(ANSI, '').replace(CONTROL, '');

function send(message: ChildMessage): void {
  // After a disconnect `send` would raise an uncaught error; `endRunProcesses` is already on its way.
  if (process.connected) process.send?.(message);
}

/**
 * Kills the run's process group, which this process leads (the host spawns it detached) and which
 * holds the Playwright workers; each worker's Chromium sees its pipe close and exits with it. A
 * group numbered after this process exists only if this process leads it, so outside one (ESRCH)
 * only this process ends.
 */
function endRunProcesses(): void {
  try {
    process.kill(-process.pid, 'SIGKILL');
  } catch {
    // Not a group leader: fall through.
  }
  process.exit(1);
}
