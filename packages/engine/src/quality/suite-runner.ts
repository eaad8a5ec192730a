import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CandidateTest } from '../discovery/types.js';
import { toSpecFile } from '../export/compile-test.js';
import type { ChildMessage } from '../run/run-plan.js';
import { runPlaywright } from '../run/run-playwright.js';

export interface SuiteOutcome {
  name: string;
  status: 'passed' | 'failed' | 'timedOut' | 'skipped' | 'interrupted';
  error?: string;
}

export interface SuiteRunOptions {
  baseURL: string;
  executablePath?: string;
  workers?: number;
  /** How long a helper looks for an element: short, so a seeded fault fails fast. */
  elementTimeoutMs?: number;
  testTimeoutMs?: number;
}

/**
 * Runs generated tests exactly as a run would (a Playwright child process on the runtime
 * helpers), outside the server: what the quality checks and benchmarks measure.
 */
export async function runGeneratedSuite(tests: CandidateTest[], options: SuiteRunOptions): Promise<SuiteOutcome[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sentri-suite-'));
  try {
    const messages: ChildMessage[] = [];
    const run = runPlaywright(
      {
        dir,
        tests: tests.map((test, index) => ({
          id: `T-${index}`,
          spec: toSpecFile({ name: test.name, steps: [], playwrightCode: test.playwrightCode }, '@sentri/runtime'),
        })),
        workers: options.workers ?? 2,
        retries: 0,
        testTimeoutMs: options.testTimeoutMs ?? 30_000,
        navigationTimeoutMs: 15_000,
        baseURL: options.baseURL,
        browser: {
          name: 'chromium',
          headless: true,
          ...(options.executablePath ? { executablePath: options.executablePath } : {}),
        },
        context: { viewport: { width: 1280, height: 720 }, network: 'fast' },
        screencast: false,
        runtimeEnv: {
          HEALING_ELEMENT_TIMEOUT: String(options.elementTimeoutMs ?? 3000),
          HEALING_RETRY_COUNT: '1',
          HEALING_RETRY_DELAY: '100',
        },
      },
      (message) => messages.push(message),
    );
    await run.exited;
    return tests.map((test, index) => {
      const final = messages.find(
        (message): message is Extract<ChildMessage, { type: 'attempt' }> =>
          message.type === 'attempt' && message.testId === `T-${index}` && message.final,
      );
      return {
        name: test.name,
        status: final?.status ?? 'interrupted',
        ...(final?.errors[0] ? { error: final.errors[0].message.split('\n')[0] } : {}),
      };
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
