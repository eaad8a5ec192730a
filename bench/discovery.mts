/**
 * Discovery benchmark: crawl + generate time on a 50-page site (pages/s), and for the built-in
 * generator on every fixture site: first-run pass rate on the unchanged site and on its refactored
 * markup, and the share of seeded behaviour faults its suite catches.
 *
 *   npm run build && npm run bench:discovery [-- --sites crud,forms] [--mode state|crawl]
 *
 * Writes bench/results/discovery.json.
 */
import fs from 'node:fs';
import {
  crawlSite,
  runGeneratedSuite,
  runPipeline,
  DIAL_DEFAULTS,
  type CrawlResult,
} from '../packages/engine/dist/index.js';
import { startSite, SITE_KINDS, type SiteKind } from '../fixtures/sites/index.js';

const arg = (name: string) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : undefined;
};
const kinds = (arg('sites')?.split(',') ?? [...SITE_KINDS]) as SiteKind[];
const mode = (arg('mode') ?? 'state') as 'crawl' | 'state';
const chromium = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH ?? '/usr/bin/chromium';

async function crawl(url: string, pages: number, credentials?: object): Promise<CrawlResult> {
  return crawlSite({
    url,
    mode,
    maxPages: pages,
    maxDepth: 3,
    maxActions: 8,
    actionTimeoutMs: 3000,
    navigationTimeoutMs: 15_000,
    networkIdleMs: 1000,
    timeBudgetMs: 300_000,
    executablePath: chromium,
    ...(credentials ? { credentials } : {}),
  } as Parameters<typeof crawlSite>[0]);
}

const results: Record<string, unknown> = {};

// 1. Crawl + generate speed on a 50-page content site.
{
  const site = await startSite('content', { pages: 50 });
  const started = performance.now();
  const found = await crawl(site.url, 60);
  const crawled = performance.now();
  const generated = await runPipeline({ crawl: found, dials: { ...DIAL_DEFAULTS }, existing: [] });
  const done = performance.now();
  results.speed = {
    mode,
    pages: found.pages.length,
    crawlSeconds: +((crawled - started) / 1000).toFixed(1),
    generateMs: Math.round(done - crawled),
    pagesPerSecond: +(found.pages.length / ((crawled - started) / 1000)).toFixed(2),
    tests: generated.tests.length,
  };
  console.log('speed', results.speed);
  await site.close();
}

// 2. Per fixture: validity on the clean site, detection of each seeded fault.
const perSite: Record<string, unknown> = {};
for (const kind of kinds) {
  const site = await startSite(kind);
  const found = await crawl(site.url, 30, site.credentials);
  const login =
    site.credentials && found.loggedIn
      ? [
          { kind: 'navigate' as const, locator: '/', value: '/', label: 'the start page' },
          {
            kind: 'fill' as const,
            locator: site.credentials.usernameSelector,
            value: site.credentials.username,
            label: 'username',
          },
          {
            kind: 'fill' as const,
            locator: site.credentials.passwordSelector,
            value: site.credentials.password,
            label: 'password',
          },
          { kind: 'click' as const, locator: site.credentials.submitSelector, label: 'sign in' },
        ]
      : undefined;
  const { tests } = await runPipeline({
    crawl: found,
    dials: { ...DIAL_DEFAULTS },
    existing: [],
    ...(login ? { login } : {}),
  });
  const run = () => runGeneratedSuite(tests, { baseURL: site.url, executablePath: chromium, workers: 2 });
  const clean = await run();
  const passed = clean.filter((outcome) => outcome.status === 'passed').length;
  const failures = clean
    .filter((outcome) => outcome.status !== 'passed')
    .map((o) => `${o.name}: ${o.error ?? o.status}`);
  // The same suite on the refactored markup (other ids, classes, wrappers, div buttons): semantic
  // locators should not notice.
  site.setRefactor(true);
  const refactored = await run();
  site.setRefactor(false);
  const refactorPassed = refactored.filter((outcome) => outcome.status === 'passed').length;
  const refactorFailures = refactored
    .filter((outcome) => outcome.status !== 'passed')
    .map((o) => `${o.name}: ${o.error ?? o.status}`);
  const faults: Record<string, boolean> = {};
  for (const fault of site.faults) {
    site.setFault(fault);
    const outcomes = await run();
    faults[fault] = outcomes.some((outcome) => outcome.status !== 'passed');
    site.setFault(null);
  }
  const detected = Object.values(faults).filter(Boolean).length;
  perSite[kind] = {
    pages: found.pages.length,
    observations: found.observations.length,
    tests: tests.length,
    passRate: tests.length ? +(passed / tests.length).toFixed(3) : 0,
    passRateRefactored: tests.length ? +(refactorPassed / tests.length).toFixed(3) : 0,
    faultDetection: site.faults.length ? +(detected / site.faults.length).toFixed(3) : 0,
    faults,
    failuresOnCleanSite: failures,
    failuresOnRefactoredSite: refactorFailures,
  };
  console.log(kind, JSON.stringify(perSite[kind], null, 1));
  await site.close();
}
results.sites = perSite;
fs.mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
fs.writeFileSync(new URL('./results/discovery.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
