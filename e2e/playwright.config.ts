import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

/**
 * End-to-end: the built server started once, exactly as `npm start` runs it, driven over HTTP
 * and through system Chromium (Playwright's own browser downloads are not available here).
 */
const PORT = Number(process.env.E2E_PORT ?? 3917);
// Set once in the runner process; workers inherit it, and the global teardown removes it.
const DATA_DIR = (process.env.E2E_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'sentri-e2e-')));
const CHROMIUM = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: path.join(os.tmpdir(), 'sentri-e2e-results'),
  globalTeardown: './global-teardown.ts',
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: 'node apps/server/dist/main.js',
    cwd: '..',
    url: `http://127.0.0.1:${PORT}/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      PORT: String(PORT),
      HOST: '127.0.0.1',
      DATA_DIR,
      LOG_LEVEL: 'warn',
      PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH: CHROMIUM,
      SKIP_EMAIL_VERIFICATION: 'true',
      // The dashboard makes many API calls per page; every spec shares one loopback address.
      RATE_LIMIT_GENERAL: '20000/15m',
      RATE_LIMIT_LOGIN: '200/15m',
      RATE_LIMIT_EXPENSIVE: '200/1h',
    },
  },
});
