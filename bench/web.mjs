#!/usr/bin/env node
/**
 * The dashboard's weight and speed. Run after `npm run build`:
 *   node bench/web.mjs [--runs 7]
 *
 * 1. Bundle size: every file in apps/web/dist gzipped (level 9); "initial" is what the first
 *    page needs (index.html, the entry script, its CSS and modulepreloads), the rest are page
 *    chunks loaded on demand.
 * 2. Time to interactive on the built server (`node apps/server/dist/main.js`, SQLite, loopback),
 *    in Debian's Chromium with a cold cache each time: from navigation start to the page's first
 *    heading rendered by React with its controls enabled, for the sign-in page (signed out), the
 *    dashboard and the projects list (signed in). Median and worst of `--runs`.
 * Writes bench/results/web.json.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import zlib from 'node:zlib';
/* global document */
import { chromium } from '@playwright/test';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const dist = path.join(root, 'apps/web/dist');
const { values: args } = parseArgs({ options: { runs: { type: 'string' } } });
const runs = Number(args.runs ?? 7);
const gz = (file) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
const kb = (bytes) => Math.round(bytes / 102.4) / 10;

function bundleSizes() {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const initial = ['index.html', ...[...html.matchAll(/(?:src|href)="\/([^"]+\.(?:js|css))"/g)].map((m) => m[1])];
  const files = fs.readdirSync(path.join(dist, 'assets')).filter((file) => /\.(js|css)$/.test(file));
  const sizes = files.map((file) => ({ file: `assets/${file}`, gzip: gz(path.join(dist, 'assets', file)) }));
  const initialGzip = initial.reduce((sum, file) => sum + gz(path.join(dist, file)), 0);
  const lazy = sizes.filter((entry) => !initial.includes(entry.file)).sort((a, b) => b.gzip - a.gzip);
  return {
    initialFiles: initial,
    initialGzipKB: kb(initialGzip),
    allAssetsGzipKB: kb(sizes.reduce((sum, entry) => sum + entry.gzip, 0) + gz(path.join(dist, 'index.html'))),
    largestLazyChunks: lazy.slice(0, 6).map((entry) => ({ file: entry.file, gzipKB: kb(entry.gzip) })),
  };
}

async function startSentri() {
  const port = 3800 + Math.floor(Math.random() * 150);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sentri-bench-web-'));
  const child = spawn(process.execPath, [path.join(root, 'apps/server/dist/main.js')], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      SKIP_EMAIL_VERIFICATION: 'true',
      RATE_LIMIT_LOGIN: '1000/1m',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    if (
      await fetch(`${base}/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { base, stop: () => (child.kill('SIGTERM'), fs.rmSync(dataDir, { recursive: true, force: true })) };
}

/** Navigation start → first heading on screen with no disabled-by-loading control left. */
async function timeToInteractive(browser, url, storageState) {
  const context = await browser.newContext({ storageState, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(
    () => document.querySelector('main h1, h1') && !document.querySelector('[aria-busy="true"]'),
  );
  const ms = await page.evaluate(() => performance.now());
  await context.close();
  return ms;
}

const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { medianMs: Math.round(sorted[Math.floor(sorted.length / 2)]), worstMs: Math.round(sorted.at(-1)) };
};

const bundle = bundleSizes();
const server = await startSentri();
const browser = await chromium.launch({
  executablePath: process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH || '/usr/bin/chromium',
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
try {
  const credentials = { name: 'Bench', email: `bench-${Date.now()}@example.test`, password: 'Bench-Passw0rd!' };
  await fetch(`${server.base}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  const login = await browser.newContext();
  const response = await login.request.post(`${server.base}/api/v1/auth/login`, { data: credentials });
  if (!response.ok()) throw new Error(`login failed: ${response.status()}`);
  const storageState = await login.storageState();
  await login.close();
  const pages = {
    signIn: ['/login', undefined],
    dashboard: ['/', storageState],
    projects: ['/projects', storageState],
  };
  const tti = {};
  for (const [name, [route, state]] of Object.entries(pages)) {
    const samples = [];
    for (let i = 0; i < runs; i++) samples.push(await timeToInteractive(browser, `${server.base}${route}`, state));
    tti[name] = stats(samples);
  }
  const result = {
    at: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    runs,
    bundle,
    timeToInteractive: tti,
  };
  fs.mkdirSync(path.join(root, 'bench/results'), { recursive: true });
  fs.writeFileSync(path.join(root, 'bench/results/web.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(
    `initial bundle: ${bundle.initialGzipKB} KB gzip (${bundle.initialFiles.length} files); all assets ${bundle.allAssetsGzipKB} KB gzip`,
  );
  for (const [name, value] of Object.entries(tti))
    console.log(`time to interactive, ${name}: median ${value.medianMs} ms, worst ${value.worstMs} ms`);
} finally {
  await browser.close();
  server.stop();
}
