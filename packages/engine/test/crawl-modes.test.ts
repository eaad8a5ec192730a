import { afterEach, describe, expect, it } from 'vitest';
import { startSite, type Site, type SiteKind } from '../../../fixtures/sites/index.js';
import { findBrowserExecutable } from '../src/browser/find-executable.js';
import { crawlSite } from '../src/discovery/crawl.js';
import type { CrawlResult } from '../src/discovery/types.js';

const chromium = findBrowserExecutable('chromium', process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH);

/** Every fixture site explored both ways: what each mode finds, without running any tests. */
describe('crawling the fixture sites in both modes, in real Chromium', () => {
  let site: Site | undefined;
  afterEach(async () => {
    await site?.close();
    site = undefined;
  });

  async function crawl(kind: SiteKind, mode: 'crawl' | 'state', signedIn = false): Promise<CrawlResult> {
    site = await startSite(kind);
    return crawlSite({
      url: site.url,
      mode,
      maxPages: 15,
      maxDepth: 3,
      maxActions: 5,
      actionTimeoutMs: 2500,
      navigationTimeoutMs: 10_000,
      networkIdleMs: 500,
      timeBudgetMs: 60_000,
      ...(chromium.executablePath ? { executablePath: chromium.executablePath } : {}),
      ...(signedIn && site.credentials ? { credentials: site.credentials } : {}),
    });
  }
  const paths = (result: CrawlResult) => result.pages.map((page) => new URL(page.url).pathname);

  it.each(['crawl', 'state'] as const)(
    'login site (%s mode): signs in with the project credentials first',
    async (mode) => {
      const result = await crawl('auth', mode, true);
      expect(result.loggedIn).toBe(true);
      expect(paths(result)).toContain('/dashboard');
      const dashboard = result.pages.find((page) => page.url.endsWith('/dashboard'))!;
      expect(dashboard.textSample.join(' ')).toMatch(/Welcome, admin/);
    },
    90_000,
  );

  it('login site without credentials: only what a signed-out visitor sees', async () => {
    const result = await crawl('auth', 'crawl');
    expect(result.loggedIn).toBeUndefined();
    expect(paths(result)).not.toContain('/dashboard');
    expect(result.pages.some((page) => page.flags.hasLoginForm)).toBe(true);
  }, 60_000);

  it.each(['crawl', 'state'] as const)(
    'SPA (%s mode): client-side routes become pages',
    async (mode) => {
      const result = await crawl('spa', mode);
      expect(paths(result)).toEqual(expect.arrayContaining(['/', '/features', '/pricing', '/faq']));
      expect(result.graph.edges.some((edge) => edge.action === 'link')).toBe(true);
      if (mode === 'state') expect(result.observations.some((o) => o.kind === 'click')).toBe(true);
    },
    90_000,
  );

  it.each(['crawl', 'state'] as const)(
    'iframe and shadow DOM (%s mode): elements inside both are seen',
    async (mode) => {
      const result = await crawl('frames', mode);
      const elements = result.pages.flatMap((page) => page.elements);
      expect(elements.some((el) => el.frameUrl && /Apply/.test(el.accessibleName))).toBe(true);
      expect(elements.some((el) => el.fromShadow && el.accessibleName === 'Subscribe')).toBe(true);
      if (mode === 'state')
        expect(result.observations.some((o) => o.outcome.appearedText.includes('Subscribed!'))).toBe(true);
    },
    90_000,
  );

  it.each(['crawl', 'state'] as const)(
    'list CRUD app (%s mode): its API calls are grouped into endpoints',
    async (mode) => {
      const result = await crawl('crud', mode);
      const endpoints = result.apiEndpoints.map((e) => `${e.method} ${e.pathPattern}`);
      expect(endpoints).toContain('GET /api/tasks');
      if (mode === 'state') {
        expect(endpoints).toEqual(expect.arrayContaining(['POST /api/tasks', 'DELETE /api/tasks/:id']));
        expect(result.observations.map((o) => o.kind)).toEqual(expect.arrayContaining(['crud-add', 'crud-delete']));
      } else expect(result.observations).toEqual([]);
    },
    90_000,
  );

  it.each(['crawl', 'state'] as const)(
    'form-heavy site (%s mode): forms, fields and their verified locators',
    async (mode) => {
      const result = await crawl('forms', mode);
      const contact = result.pages
        .flatMap((page) => page.forms)
        .find((form) => form.fields.some((f) => f.label === 'Email'));
      expect(contact?.fields.every((field) => field.locator)).toBe(true);
      expect(contact?.submitLocator).toMatch(/^role=button/);
      if (mode === 'state') {
        expect(result.observations.map((o) => o.kind)).toEqual(
          expect.arrayContaining(['form-submit', 'form-validation']),
        );
        expect(result.graph.edges.some((edge) => edge.to.endsWith('/newsletter/thanks'))).toBe(true);
      }
    },
    90_000,
  );
});
