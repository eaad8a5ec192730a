import { afterEach, describe, expect, it } from 'vitest';
import { startSite, type Site, type SiteKind } from '../../../fixtures/sites/index.js';
import { findBrowserExecutable } from '../src/browser/find-executable.js';
import { crawlSite } from '../src/discovery/crawl.js';
import { DIAL_DEFAULTS } from '../src/generate/dials.js';
import { runPipeline } from '../src/generate/pipeline.js';
import { runGeneratedSuite } from '../src/quality/suite-runner.js';

const chromium = findBrowserExecutable('chromium', process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH);
const executablePath = chromium.executablePath ?? undefined;

/**
 * The built-in generator end to end on sites it was not written for: crawl in Chromium,
 * generate, run the suite on the unchanged site (it must pass), then switch on seeded behaviour
 * faults one at a time (the suite must fail).
 */
describe('built-in generator on the fixture sites, in real Chromium', () => {
  let site: Site | undefined;
  afterEach(async () => {
    await site?.close();
    site = undefined;
  });

  async function generate(kind: SiteKind, mode: 'crawl' | 'state') {
    site = await startSite(kind);
    const crawl = await crawlSite({
      url: site.url,
      mode,
      maxPages: 20,
      maxDepth: 3,
      maxActions: 6,
      actionTimeoutMs: 3000,
      navigationTimeoutMs: 10_000,
      networkIdleMs: 800,
      timeBudgetMs: 90_000,
      ...(executablePath ? { executablePath } : {}),
    });
    const { tests } = await runPipeline({ crawl, dials: { ...DIAL_DEFAULTS }, existing: [] });
    return { crawl, tests };
  }
  const run = async (tests: Awaited<ReturnType<typeof generate>>['tests']) =>
    runGeneratedSuite(tests, { baseURL: site!.url, ...(executablePath ? { executablePath } : {}), workers: 2 });
  const catches = async (tests: Awaited<ReturnType<typeof generate>>['tests'], fault: string) => {
    site!.setFault(fault);
    const outcomes = await run(tests);
    site!.setFault(null);
    return outcomes.some((outcome) => outcome.status !== 'passed');
  };

  it('forms: submits with valid values and empty, passes clean, catches a broken submit and broken validation', async () => {
    const { crawl, tests } = await generate('forms', 'state');
    expect(crawl.observations.map((o) => o.kind)).toEqual(expect.arrayContaining(['form-submit', 'form-validation']));
    expect(tests.some((test) => test.playwrightCode.includes('Thanks, Jane Doe'))).toBe(true);
    const clean = await run(tests);
    expect(clean.filter((o) => o.status !== 'passed')).toEqual([]);
    expect(await catches(tests, 'submit-does-nothing')).toBe(true);
    expect(await catches(tests, 'validation-broken')).toBe(true);
  }, 240_000);

  it('crud: adds, completes and deletes its own item over the app API, and catches a broken toggle and delete', async () => {
    const { crawl, tests } = await generate('crud', 'state');
    expect(crawl.observations.map((o) => o.kind)).toEqual(
      expect.arrayContaining(['crud-add', 'crud-toggle', 'crud-delete']),
    );
    expect(crawl.apiEndpoints.map((e) => `${e.method} ${e.pathPattern}`)).toEqual(
      expect.arrayContaining(['GET /api/tasks', 'POST /api/tasks']),
    );
    expect(tests.some((test) => test.isApiTest)).toBe(true);
    const clean = await run(tests);
    expect(clean.filter((o) => o.status !== 'passed')).toEqual([]);
    for (const fault of ['toggle-broken', 'delete-broken']) {
      expect(await catches(tests, fault), fault).toBe(true);
    }
  }, 300_000);

  it('content (link crawl): honours robots.txt, reads the sitemap, and catches a wrong title', async () => {
    const { crawl, tests } = await generate('content', 'crawl');
    const paths = crawl.pages.map((page) => new URL(page.url).pathname);
    expect(paths).toEqual(expect.arrayContaining(['/', '/about', '/blog', '/docs']));
    expect(paths.some((path) => path.startsWith('/private'))).toBe(false);
    expect(crawl.graph.edges.length).toBeGreaterThan(paths.length);
    const clean = await run(tests);
    expect(clean.filter((o) => o.status !== 'passed')).toEqual([]);
    expect(await catches(tests, 'wrong-title')).toBe(true);
  }, 240_000);

  it('catalogue: a search keeps a match and hides the rest, and a search that ignores the query is caught', async () => {
    const { crawl, tests } = await generate('catalogue', 'state');
    expect(crawl.observations.some((o) => o.kind === 'search')).toBe(true);
    const clean = await run(tests);
    expect(clean.filter((o) => o.status !== 'passed')).toEqual([]);
    expect(await catches(tests, 'search-ignores-query')).toBe(true);
  }, 240_000);
});
