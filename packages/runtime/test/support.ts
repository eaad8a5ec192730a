import fs from 'node:fs';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from '@playwright/test';
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest';
import { parseEventLine, type HealEvent } from '../src/channel.js';
import { resetHealingMemory } from '../src/memory.js';

/**
 * Fast settings for tests: a missing element fails in ~1.5 s instead of ~5.5 s. (Not lower: the
 * same value is the action timeout, and this machine's cores are shared.)
 */
export const FAST_ENV: Record<string, string> = {
  SENTRI_EVENTS: '1',
  HEALING_ELEMENT_TIMEOUT: '1000',
  HEALING_RETRY_DELAY: '100',
};

export function setEnv(values: Record<string, string | undefined>): () => void {
  const previous = Object.fromEntries(Object.keys(values).map((key) => [key, process.env[key]]));
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  return () => {
    for (const [key, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

/**
 * One browser per test file, a fresh page per test, healing memory reset per test, and the heal
 * events the runtime writes to stdout (SENTRI_EVENTS=1) collected instead of printed.
 */
export function useBrowser(contextOptions: BrowserContextOptions = {}) {
  const state = {
    browser: undefined as Browser | undefined,
    page: undefined as unknown as Page,
    events: [] as HealEvent[],
  };
  let restoreEnv: () => void = () => undefined;
  let context: BrowserContext;
  beforeAll(async () => {
    restoreEnv = setEnv(FAST_ENV);
    state.browser = await launch();
    context = await state.browser.newContext(contextOptions);
  });
  afterAll(async () => {
    await state.browser?.close();
    restoreEnv();
  });
  beforeEach(async () => {
    resetHealingMemory();
    state.events = [];
    const write = process.stdout.write.bind(process.stdout);
    vi.spyOn(process.stdout, 'write').mockImplementation(((chunk: string | Uint8Array, ...rest: unknown[]) => {
      const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      const event = parseEventLine(text.replace(/\n$/, ''));
      if (event?.type === 'heal') {
        state.events.push(event);
        return true;
      }
      return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof process.stdout.write);
    state.page = await context.newPage();
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    for (const event of state.events) if (event.screenshotPath) fs.rmSync(event.screenshotPath, { force: true });
    await state.page.close();
  });
  return state;
}

/** The page's click log: buttons in the fixtures push their name to `window.clicks`. */
export async function clicks(page: Page): Promise<string[]> {
  return page.evaluate('window.clicks || []') as Promise<string[]>;
}

export const LOG_CLICKS = `<script>window.clicks = []; document.addEventListener('click', (e) => {
  const el = e.target.closest('[data-log]'); if (el) window.clicks.push(el.getAttribute('data-log'));
});</script>`;
