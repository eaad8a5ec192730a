import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from '@playwright/test';
import type { ElementFingerprint } from './channel.js';
import { settings } from './config.js';

/** What healing memory knows about one key: the strategy that last won, and the element it found. */
export interface HealingHint {
  strategy: string;
  fingerprint?: ElementFingerprint;
}

/**
 * Per-worker healing memory. Hints come from the JSON file Sentri writes for the run
 * (`SENTRI_HEALING_FILE`, `{ [key]: { strategy, fingerprint? } }`), read once per worker; what this
 * worker learns while it runs (a strategy that won, a fresh fingerprint) is layered on top, so a
 * step repeated in a loop or a later test with the same id starts from the newest knowledge.
 */
const files = new Map<string, Record<string, HealingHint>>();
const learned = new Map<string, HealingHint>();

function isHint(value: unknown): value is HealingHint {
  return typeof value === 'object' && value !== null && typeof (value as HealingHint).strategy === 'string';
}

function hintsFrom(file: string): Record<string, HealingHint> {
  const cached = files.get(file);
  if (cached) return cached;
  const hints: Record<string, HealingHint> = {};
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
    if (parsed && typeof parsed === 'object') {
      for (const [key, value] of Object.entries(parsed)) if (isHint(value)) hints[key] = value;
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      console.warn(`[sentri] ignoring healing hints in ${file}: ${(error as Error).message}`);
    }
  }
  files.set(file, hints);
  return hints;
}

export function recall(key: string): HealingHint | undefined {
  const file = settings().healingFile;
  return learned.get(key) ?? (file ? hintsFrom(file)[key] : undefined);
}

export function remember(key: string, hint: HealingHint): void {
  learned.set(key, hint);
}

/** Forgets everything learned and every hints file read (tests; a long-lived worker). */
export function resetHealingMemory(): void {
  files.clear();
  learned.clear();
}

function testInfo(): ReturnType<typeof test.info> | undefined {
  try {
    return test.info();
  } catch {
    return undefined; // not inside a Playwright test (a script, a unit test)
  }
}

/**
 * The current test's id: a `sentri-test-id` annotation when the run added one, else the spec
 * file's name without `.spec.ts`; outside a Playwright test `SENTRI_TEST_ID`, else `adhoc`.
 */
export function currentTestId(): string {
  const info = testInfo();
  if (!info) return settings().fallbackTestId;
  const annotated = info.annotations.find((annotation) => annotation.type === 'sentri-test-id')?.description;
  if (annotated) return annotated;
  return path
    .basename(info.file)
    .replace(/\.(spec|test)\.[cm]?[jt]sx?$/, '')
    .replace(/\.[cm]?[jt]sx?$/, '');
}

export function healingKey(action: string, label: string): string {
  return `${currentTestId()}::${action}::${label}`;
}

let shots = 0;

/** A fresh path for a heal screenshot: in the test's output dir, else in a temp dir. */
export function screenshotPath(action: string): string {
  const name = `sentri-heal-${action}-${process.pid}-${++shots}.png`;
  const info = testInfo();
  const file = info ? info.outputPath(name) : path.join(os.tmpdir(), 'sentri-heal', name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  return file;
}
