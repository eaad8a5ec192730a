import type { RuntimeEvent } from '@sentri/runtime';

export type BrowserName = 'chromium' | 'firefox' | 'webkit';
export type NetworkCondition = 'fast' | 'slow3g' | 'offline';

/** Everything one Playwright Test invocation needs; the host writes it into a private directory. */
export interface RunPlan {
  /** Private, empty directory the run owns; removed by the caller afterwards. */
  dir: string;
  tests: { id: string; spec: string }[];
  workers: number;
  retries: number;
  testTimeoutMs: number;
  navigationTimeoutMs: number;
  baseURL: string;
  browser: { name: BrowserName; executablePath?: string; headless: boolean };
  context: {
    viewport: { width: number; height: number };
    /** A Playwright device name, already checked against `devices`. */
    device?: string;
    locale?: string;
    timezoneId?: string;
    geolocation?: { latitude: number; longitude: number };
    network: NetworkCondition;
  };
  screencast: boolean;
  /** Healing memory handed to the runtime helpers: key → remembered strategy and fingerprint. */
  healing?: Record<string, unknown>;
  /** Extra variables the runtime reads (HEALING_*); never secrets. */
  runtimeEnv?: Record<string, string>;
}

export interface ChildAttachment {
  name: string;
  path?: string;
  contentType: string;
}

export interface ChildError {
  /** The error class (`TimeoutError`, `Error`, `ElementNotFoundError`, …), from the stack. */
  name: string;
  message: string;
  stack?: string;
}

export interface ChildStep {
  title: string;
  category: string;
  durationMs: number;
  error?: string;
}

/** What the reporter inside the Playwright process sends to the host, in order. */
export type ChildMessage =
  | { type: 'begin'; total: number; workers: number }
  | { type: 'test-begin'; testId: string; retry: number; workerIndex: number }
  | { type: 'step'; testId: string; retry: number; step: ChildStep }
  | {
      type: 'attempt';
      testId: string;
      retry: number;
      /** No further attempt follows: this is the test's final outcome. */
      final: boolean;
      status: 'passed' | 'failed' | 'timedOut' | 'skipped' | 'interrupted';
      durationMs: number;
      startedAt: string;
      errors: ChildError[];
      attachments: ChildAttachment[];
      steps: ChildStep[];
      output: string[];
    }
  | { type: 'runtime'; testId: string; retry: number; event: RuntimeEvent }
  | { type: 'end'; status: 'passed' | 'failed' | 'timedout' | 'interrupted'; durationMs: number };
