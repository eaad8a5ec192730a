import fs from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, firefox, webkit } from '@playwright/test';

export type BrowserEngine = 'chromium' | 'firefox' | 'webkit';

/** Where distributions put Chromium; the first that exists wins. */
export const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/lib/chromium/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
] as const;

export interface BrowserLocation {
  engine: BrowserEngine;
  found: boolean;
  /** null when Playwright should use its own managed build (firefox, webkit). */
  executablePath: string | null;
}

/**
 * Finds the browser binary without launching it. Chromium comes from the system (Playwright's
 * own download cannot be relied on); Firefox and WebKit need Playwright's patched builds, which
 * only exist where `npx playwright install` worked, so we report them as found only then.
 */
export function findBrowserExecutable(
  engine: BrowserEngine,
  configuredPath: string | undefined,
  exists: (file: string) => boolean = isExecutable,
  managedPath?: (engine: BrowserEngine) => string | undefined,
): BrowserLocation {
  if (engine === 'chromium') {
    const candidates = configuredPath ? [configuredPath] : CHROMIUM_CANDIDATES;
    const executablePath = candidates.find((candidate) => exists(candidate)) ?? null;
    return { engine, found: executablePath !== null, executablePath };
  }
  const managed = managedPath?.(engine);
  return { engine, found: managed !== undefined && exists(managed), executablePath: null };
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * Where Playwright keeps its own build of an engine (installed by `npx playwright install`),
 * whether or not it is there; findBrowserExecutable checks that it exists.
 */
export function managedBrowserPath(engine: BrowserEngine): string | undefined {
  try {
    return { chromium, firefox, webkit }[engine].executablePath();
  } catch {
    return undefined;
  }
}

/** The version of Playwright that runs tests here, or null when its package cannot be read. */
export function playwrightVersion(): string | null {
  try {
    const manifest = createRequire(import.meta.url)('@playwright/test/package.json') as { version?: unknown };
    return typeof manifest.version === 'string' ? manifest.version : null;
  } catch {
    return null;
  }
}
