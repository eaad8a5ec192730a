import { chromium, type Browser, type BrowserContext, type Page, type Request } from '@playwright/test';
import { resolveSelector } from '@sentri/runtime';
import { CHROMIUM_ARGS } from '../run/write-run-dir.js';
import { ApiTrafficRecorder } from './api-traffic.js';
import { CRAWLER_USER_AGENT, fetchRobotsAndSitemap, type RobotsRules } from './robots.js';
import { classifyNavigationError } from './unreachable.js';
import type { NavigationFailure, Observation, SiteGraphEdge, SiteGraphNode } from './types.js';

export interface CrawlCredentials {
  usernameSelector: string;
  username: string;
  passwordSelector: string;
  password: string;
  submitSelector: string;
}

export type CrawlProgress =
  | { type: 'log'; level: 'info' | 'warn' | 'error' | 'success'; message: string }
  | { type: 'page'; node: SiteGraphNode; pagesFound: number }
  | { type: 'edge'; edge: SiteGraphEdge }
  | { type: 'observation'; observation: Observation };

export interface CrawlOptions {
  url: string;
  mode: 'crawl' | 'state';
  maxPages: number;
  maxDepth: number;
  /** State mode: standalone actions tried per page. */
  maxActions: number;
  /** State mode: per-action and per-settle timeout. */
  actionTimeoutMs: number;
  navigationTimeoutMs: number;
  networkIdleMs: number;
  /** Wall-clock budget for the whole exploration. */
  timeBudgetMs: number;
  credentials?: CrawlCredentials;
  executablePath?: string;
  viewport?: { width: number; height: number };
  signal?: AbortSignal;
  onProgress?: (event: CrawlProgress) => void;
  /**
   * The outbound URL policy: the reason a URL may not be fetched, or undefined when it may.
   * Applied to every request the crawler's browser makes.
   */
  refuseUrl?: (url: string) => Promise<string | undefined>;
}

/** The browser, context and bookkeeping both exploration modes share (ENGINE.md §1.1). */
export class CrawlSession {
  readonly failures: NavigationFailure[] = [];
  readonly traffic: ApiTrafficRecorder;
  private readonly deadline: number;

  private constructor(
    readonly options: CrawlOptions,
    readonly browser: Browser,
    readonly context: BrowserContext,
    readonly origin: string,
    readonly robots: RobotsRules,
    readonly sitemapUrls: string[],
    readonly loggedIn: boolean | undefined,
    private readonly storageState: Awaited<ReturnType<BrowserContext['storageState']>> | undefined,
  ) {
    this.traffic = new ApiTrafficRecorder(origin);
    this.deadline = Date.now() + options.timeBudgetMs;
  }

  static async open(options: CrawlOptions): Promise<CrawlSession> {
    // Crawling needs Chromium's CDP features whatever engine test runs use.
    const browser = await chromium.launch({
      headless: true,
      args: CHROMIUM_ARGS,
      ...(options.executablePath ? { executablePath: options.executablePath } : {}),
    });
    try {
      const context = await browser.newContext({
        userAgent: CRAWLER_USER_AGENT,
        viewport: options.viewport ?? { width: 1280, height: 720 },
      });
      context.setDefaultNavigationTimeout(options.navigationTimeoutMs);
      context.setDefaultTimeout(options.actionTimeoutMs);
      if (options.refuseUrl) await guardEgress(context, options.refuseUrl);
      const log = (level: 'info' | 'warn', message: string) => options.onProgress?.({ type: 'log', level, message });
      const loggedIn = options.credentials ? await logIn(context, options, log) : undefined;
      const probe = await context.newPage();
      let origin = new URL(options.url).origin;
      const failures: NavigationFailure[] = [];
      try {
        await probe.goto(options.url, { waitUntil: 'domcontentloaded' });
        origin = new URL(probe.url()).origin;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        failures.push({ url: options.url, category: classifyNavigationError(message), message });
      } finally {
        await probe.close();
      }
      const { rules, sitemapUrls } = await fetchRobotsAndSitemap(origin, { timeoutMs: 5000, maxUrls: 200 });
      const state = loggedIn ? await context.storageState() : undefined;
      const session = new CrawlSession(options, browser, context, origin, rules, sitemapUrls, loggedIn, state);
      session.failures.push(...failures);
      session.captureTraffic(context);
      return session;
    } catch (error) {
      await browser.close();
      throw error;
    }
  }

  log(level: 'info' | 'warn' | 'error' | 'success', message: string): void {
    this.options.onProgress?.({ type: 'log', level, message });
  }

  /** Aborted, or out of time: stop exploring and report what was found. */
  get stopped(): boolean {
    return Boolean(this.options.signal?.aborted) || Date.now() > this.deadline;
  }

  recordFailure(url: string, error: unknown): void {
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    this.failures.push({ url, category: classifyNavigationError(message), message });
    this.log('warn', `Failed: ${url} — ${message}`);
  }

  async close(): Promise<void> {
    await this.browser.close().catch(() => undefined);
  }

  /**
   * A page in a context of its own, as signed in as the crawl but sharing no other state: a
   * probe sees the app the way a generated test will, not with what earlier probes left behind.
   */
  async freshPage(): Promise<{ page: Page; close: () => Promise<void> }> {
    const context = await this.browser.newContext({
      userAgent: CRAWLER_USER_AGENT,
      viewport: this.options.viewport ?? { width: 1280, height: 720 },
      ...(this.storageState ? { storageState: this.storageState } : {}),
    });
    context.setDefaultNavigationTimeout(this.options.navigationTimeoutMs);
    context.setDefaultTimeout(this.options.actionTimeoutMs);
    if (this.options.refuseUrl) await guardEgress(context, this.options.refuseUrl);
    this.captureTraffic(context);
    const page = await context.newPage();
    return { page, close: () => context.close().catch(() => undefined) };
  }

  private nextRequestId = 0;

  private captureTraffic(context: BrowserContext): void {
    const ids = new WeakMap<Request, string>();
    context.on('request', (request) => {
      const id = String(this.nextRequestId++);
      ids.set(request, id);
      this.traffic.recordRequest(id, {
        method: request.method(),
        url: request.url(),
        resourceType: request.resourceType(),
        headers: request.headers(),
        postData: request.postData(),
        frameUrl: safeFrameUrl(request),
        startedAt: Date.now(),
      });
    });
    context.on('response', (response) => {
      const id = ids.get(response.request());
      if (id === undefined) return;
      const headers = response.headers();
      const json = (headers['content-type'] ?? '').includes('json');
      const finish = (body: string | null) =>
        this.traffic.recordResponse(id, { status: response.status(), headers, body, endedAt: Date.now() });
      if (!json) finish(null);
      else
        response.text().then(
          (body) => finish(body),
          () => finish(null),
        );
    });
  }
}

function safeFrameUrl(request: Request): string {
  try {
    return request.frame().url();
  } catch {
    return '';
  }
}

/** Every request the crawler's browser makes passes the outbound URL policy; hosts are checked once. */
async function guardEgress(context: BrowserContext, refuseUrl: (url: string) => Promise<string | undefined>) {
  const verdicts = new Map<string, Promise<string | undefined>>();
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (!/^https?:/i.test(url)) return route.continue();
    const { protocol, host } = new URL(url);
    const key = `${protocol}//${host}`;
    let verdict = verdicts.get(key);
    if (!verdict) {
      verdict = refuseUrl(url);
      verdicts.set(key, verdict);
    }
    if (await verdict) return route.abort('blockedbyclient');
    return route.continue();
  });
}

/**
 * Signs in with the project's credentials so the crawl sees what a signed-in user sees, and
 * checks it worked: a login page still asking for a password after submitting means it did not.
 */
async function logIn(
  context: BrowserContext,
  options: CrawlOptions,
  log: (level: 'info' | 'warn', message: string) => void,
): Promise<boolean> {
  const credentials = options.credentials as CrawlCredentials;
  const page: Page = await context.newPage();
  try {
    await page.goto(options.url, { waitUntil: 'domcontentloaded' });
    const before = page.url();
    await resolveSelector(page, credentials.usernameSelector).first().fill(credentials.username);
    await resolveSelector(page, credentials.passwordSelector).first().fill(credentials.password);
    await resolveSelector(page, credentials.submitSelector).first().click();
    await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
    const passwordStillShown = await resolveSelector(page, credentials.passwordSelector)
      .first()
      .isVisible()
      .catch(() => false);
    const ok = !passwordStillShown || page.url() !== before;
    if (ok) log('info', `🔑 Logged in as ${credentials.username}`);
    else log('warn', `Login as ${credentials.username} did not succeed: the login form is still shown.`);
    return ok;
  } catch (error) {
    log('warn', `Login failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    return false;
  } finally {
    await page.close();
  }
}
