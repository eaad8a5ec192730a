import { afterEach, describe, expect, it } from 'vitest';
import { startSite, type Site, type SiteCredentials, type SiteKind } from '../../../fixtures/sites/index.js';
import { findBrowserExecutable } from '../src/browser/find-executable.js';
import { crawlSite } from '../src/discovery/crawl.js';
import type { CandidateTest, CrawlResult, ObservedAction } from '../src/discovery/types.js';
import type { ExplorerObservation } from '../src/discovery/state-explorer.js';
import { generateBuiltinTests } from '../src/generate/builtin-generator.js';
import { DIAL_DEFAULTS } from '../src/generate/dials.js';
import { runPipeline } from '../src/generate/pipeline.js';
import { runGeneratedSuite } from '../src/quality/suite-runner.js';

const chromium = findBrowserExecutable('chromium', process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH);
const executablePath = chromium.executablePath ?? undefined;

/** What a signed-in project's tests do first: the same credentials the crawl signed in with. */
const signIn = (credentials: SiteCredentials): ObservedAction[] => [
  { kind: 'navigate', locator: '/', value: '/', label: 'the start page' },
  { kind: 'fill', locator: credentials.usernameSelector, value: credentials.username, label: 'username' },
  { kind: 'fill', locator: credentials.passwordSelector, value: credentials.password, label: 'password' },
  { kind: 'click', locator: credentials.submitSelector, label: 'sign in' },
];

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

  async function generate(
    kind: SiteKind,
    mode: 'crawl' | 'state',
    options: { signedIn?: boolean; pages?: number } = {},
  ) {
    site = await startSite(kind, options.pages ? { pages: options.pages } : {});
    const credentials = options.signedIn ? site.credentials : undefined;
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
      ...(credentials ? { credentials } : {}),
    });
    const login = credentials && crawl.loggedIn ? signIn(credentials) : undefined;
    const { tests } = await runPipeline({
      crawl,
      dials: { ...DIAL_DEFAULTS },
      existing: [],
      ...(login ? { login } : {}),
    });
    return { crawl, tests };
  }
  const run = async (tests: CandidateTest[]) =>
    runGeneratedSuite(tests, { baseURL: site!.url, ...(executablePath ? { executablePath } : {}), workers: 2 });
  const failing = async (tests: CandidateTest[]) =>
    (await run(tests)).filter((o) => o.status !== 'passed').map((o) => `${o.name}: ${o.error ?? o.status}`);
  const catches = async (tests: CandidateTest[], fault: string) => {
    site!.setFault(fault);
    const outcomes = await run(tests);
    site!.setFault(null);
    return outcomes.some((outcome) => outcome.status !== 'passed');
  };

  it('forms: submits with valid values and empty, passes clean, catches a broken submit and broken validation', async () => {
    const { crawl, tests } = await generate('forms', 'state');
    expect(crawl.observations.map((o) => o.kind)).toEqual(expect.arrayContaining(['form-submit', 'form-validation']));
    expect(tests.some((test) => test.playwrightCode.includes('Thanks, Jane Doe'))).toBe(true);
    expect(await failing(tests)).toEqual([]);
    // Each fault is run against the tests written for that behaviour: fewer tests, same verdict.
    const formTests = tests.filter((test) => test.intent === 'FORM_SUBMISSION');
    expect(await catches(formTests, 'submit-does-nothing')).toBe(true);
    expect(await catches(formTests, 'validation-broken')).toBe(true);
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
    expect(await failing(tests)).toEqual([]);
    const crudTests = tests.filter((test) => test.intent === 'CRUD');
    for (const fault of ['toggle-broken', 'delete-broken']) {
      expect(await catches(crudTests, fault), fault).toBe(true);
    }
  }, 300_000);

  it('content (link crawl): honours robots.txt, reads the sitemap, and catches a wrong title', async () => {
    const { crawl, tests } = await generate('content', 'crawl', { pages: 7 });
    const paths = crawl.pages.map((page) => new URL(page.url).pathname);
    expect(paths).toEqual(expect.arrayContaining(['/', '/about', '/blog', '/docs']));
    expect(paths.some((path) => path.startsWith('/private'))).toBe(false);
    expect(crawl.graph.edges.length).toBeGreaterThan(paths.length);
    expect(await failing(tests)).toEqual([]);
    const homeTests = tests.filter((test) => new URL(test.sourceUrl).pathname === '/');
    expect(await catches(homeTests, 'wrong-title')).toBe(true);
  }, 240_000);

  it('catalogue: a search keeps a match and hides the rest, and a search that ignores the query is caught', async () => {
    const { crawl, tests } = await generate('catalogue', 'state');
    expect(crawl.observations.some((o) => o.kind === 'search')).toBe(true);
    expect(await failing(tests)).toEqual([]);
    const searchTests = tests.filter((test) => test.intent === 'SEARCH');
    expect(await catches(searchTests, 'search-ignores-query')).toBe(true);
  }, 240_000);

  it('frames: submits the form inside a same-origin iframe, passes clean and refactored, catches a dead button there', async () => {
    const { tests } = await generate('frames', 'state');
    const framed = tests.filter((test) => test.playwrightCode.includes('internal:control=enter-frame'));
    expect(framed.some((test) => test.playwrightCode.includes('Coupon applied'))).toBe(true);
    expect(await failing(tests)).toEqual([]);
    site!.setRefactor(true);
    expect(await failing(framed)).toEqual([]);
    site!.setRefactor(false);
    expect(await catches(framed, 'frame-button-dead')).toBe(true);
  }, 180_000);

  it('spa: a tab reveals its panel, which must be on screen (not merely in the page), and broken tabs are caught', async () => {
    const { crawl, tests } = await generate('spa', 'state');
    const tabClicks = crawl.observations.filter((o) => o.actions.some((a) => a.locator.startsWith('role=tab[')));
    expect(tabClicks.length).toBeGreaterThan(0);
    expect(await failing(tests)).toEqual([]);
    const tabTests = tests.filter((test) => tabClicks.some((o) => test.playwrightCode.includes(o.actions[0]!.locator)));
    expect(await catches(tabTests, 'tabs-broken')).toBe(true);
  }, 180_000);

  it('auth (signed in): checks signing out and that protected pages send a signed-out visitor away', async () => {
    const { crawl, tests } = await generate('auth', 'state', { signedIn: true });
    expect(crawl.loggedIn).toBe(true);
    const signOut = tests.filter((test) => test.playwrightCode.includes('role=button[name="Sign out"]'));
    const signedOut = tests.filter((test) => test.name.startsWith('Signed out'));
    expect(signOut.length).toBeGreaterThan(0);
    expect(signedOut.length).toBeGreaterThan(0);
    // A signed-out check must not sign in first.
    expect(signedOut.some((test) => test.playwrightCode.includes(site!.credentials!.password))).toBe(false);
    expect(await failing(tests)).toEqual([]);
    expect(await catches(signOut, 'logout-broken')).toBe(true);
    expect(await catches(signedOut, 'protected-page-open')).toBe(true);
  }, 180_000);
});

/** What the generator makes of single observations, without a browser. */
describe('built-in generator: observations it must not misread', () => {
  const crawlOf = (observations: ExplorerObservation[]): CrawlResult => ({
    startUrl: 'http://127.0.0.1:1/',
    origin: 'http://127.0.0.1:1',
    mode: 'state',
    pages: [],
    graph: { nodes: [], edges: [] },
    apiEndpoints: [],
    observations,
    journeys: [],
    failures: [],
    loggedIn: true,
  });
  const login: ObservedAction[] = [
    { kind: 'fill', locator: 'label="Password"', value: 'secret-pass', label: 'Password' },
  ];

  it('opens a protected page without signing in when the redirect was seen signed out', () => {
    const [test] = generateBuiltinTests({
      crawl: crawlOf([
        {
          pageUrl: '/dashboard',
          kind: 'navigate',
          actions: [],
          outcome: { urlAfter: '/login', appearedText: ['Sign in'], disappearedText: [] },
          signedOut: true,
        },
      ]),
      login,
    });
    expect(test?.playwrightCode).not.toContain('secret-pass');
    expect(test?.playwrightCode).toContain("await sentri.navigate(page, '/dashboard');");
    expect(test?.playwrightCode).toContain('toHaveURL(/\\/login$/)');
  });

  it('asserts what a form inside an iframe showed inside that iframe, and revealed text as visible text', () => {
    const frame = 'title="Coupon form" >> internal:control=enter-frame >> ';
    const tests = generateBuiltinTests({
      crawl: crawlOf([
        {
          pageUrl: '/',
          kind: 'form-submit',
          actions: [{ kind: 'click', locator: `${frame}role=button[name="Apply"]`, label: 'Apply' }],
          outcome: { appearedText: ['Coupon applied'], disappearedText: [] },
        },
        {
          pageUrl: '/features',
          kind: 'click',
          actions: [{ kind: 'click', locator: 'role=tab[name="Tracking"]', label: 'Tracking' }],
          outcome: { appearedText: ['Every task shows its owner.'], disappearedText: [] },
        },
      ]),
    });
    expect(tests[0]?.playwrightCode).toContain(`'${frame}text="Coupon applied"'`);
    expect(tests[0]?.steps).toContain('Click "Apply" in the "Coupon form"');
    expect(tests[1]?.playwrightCode).toContain(`'text="Every task shows its owner."'`);
  });
});
