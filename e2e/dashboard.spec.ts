import { expect, test, type Browser, type Page } from '@playwright/test';
import { startSite, type Site } from '../fixtures/sites/index.js';
import { checkPage, watchConsole } from './support/page-checks.js';

/**
 * The dashboard as a new user meets it, in a real browser against the built server: from
 * registering to a failed run's evidence, a visual baseline, a schedule and a CI token. Every
 * main page is scanned with axe and photographed (e2e/screenshots/, ignored by git).
 */
const PASSWORD = 'E2e-Passw0rd!';
const unique = (name: string) => `${name}-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@example.test`;

async function register(page: Page, name: string, email: string) {
  await page.goto('/register');
  await checkPage(page, 'register');
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel(/^Password/).fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name: 'Account created' })).toBeVisible();
}

async function signIn(page: Page, email: string) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel(/^Password/).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

/** Calls the API from the page's session, as the dashboard does (cookie + CSRF header). */
async function apiAs(page: Page, method: string, path: string, data?: object) {
  const cookies = await page.context().cookies();
  const csrf = cookies.find((cookie) => cookie.name === '_csrf')?.value ?? '';
  const response = await page.request.fetch(`/api/v1${path}`, { method, data, headers: { 'x-csrf-token': csrf } });
  expect(response.ok(), `${method} ${path}: ${response.status()} ${await response.text()}`).toBe(true);
  return response.json();
}

async function newPage(browser: Browser, viewport = { width: 1280, height: 800 }) {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, viewport });
  const page = await context.newPage();
  return { page, console: watchConsole(page), close: () => context.close() };
}

test.use({ actionTimeout: 20_000 });

test.describe.serial('the web dashboard', () => {
  let site: Site;
  const admin = { name: 'Ada Lead', email: unique('ada') };
  let projectUrl = '';
  let failedRunUrl = '';
  let failedTestUrl = '';

  test.beforeAll(async () => {
    site = await startSite('content', { pages: 7 });
  });
  test.afterAll(async () => {
    await site?.close();
  });

  test('the golden path: register → crawl → review → run → evidence → baseline → schedule → CI token → sign out', async ({
    browser,
  }) => {
    test.setTimeout(420_000);
    const { page, console, close } = await newPage(browser);

    await test.step('register and sign in', async () => {
      await page.goto('/');
      await expect(page).toHaveURL(/\/login/);
      await checkPage(page, 'sign-in');
      await register(page, admin.name, admin.email);
      await signIn(page, admin.email);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await checkPage(page, 'dashboard-empty');
    });

    await test.step('create a project for the fixture site', async () => {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Projects' }).click();
      await page
        .getByRole('button', { name: /New project|Create your first project/ })
        .first()
        .click();
      const dialog = page.getByRole('dialog', { name: 'New project' });
      await dialog.getByLabel('Name').fill('Lighthouse Journal');
      await dialog.getByLabel('URL').fill(site.url);
      await dialog.getByRole('button', { name: 'Create project' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Lighthouse Journal' })).toBeVisible();
      projectUrl = new URL(page.url()).pathname;
      await checkPage(page, 'project-overview');
    });

    await test.step('crawl and watch the site graph grow', async () => {
      await page.getByRole('tab', { name: 'Crawl' }).click();
      await checkPage(page, 'project-crawl');
      await page.getByRole('button', { name: 'Start crawl' }).click();
      await expect(page).toHaveURL(/\/runs\/RUN-\d+/);
      const graph = page
        .getByRole('region', { name: /site graph/i })
        .or(page.locator('.react-flow'))
        .first();
      await expect(graph).toBeVisible();
      const nodes = page.locator('.react-flow__node');
      await expect(nodes.first()).toBeVisible({ timeout: 60_000 });
      const early = await nodes.count();
      await expect(page.getByRole('link', { name: 'Review them' })).toBeVisible({ timeout: 120_000 });
      expect(await nodes.count()).toBeGreaterThan(Math.max(1, early - 1));
      expect(await nodes.count()).toBeGreaterThanOrEqual(5);
      await checkPage(page, 'crawl-run');
      await page.getByRole('link', { name: 'Review them' }).click();
    });

    await test.step('approve every draft with the keyboard', async () => {
      await expect(page).toHaveURL(/\/review/);
      const rows = page.locator('tr[data-queue-row]');
      await expect(rows.first()).toBeVisible();
      await checkPage(page, 'review-queue');
      const projectId = projectUrl.split('/')[2] as string;
      const before = (await apiAs(page, 'GET', `/projects/${projectId}/tests/counts`)) as { draft: number };
      expect(before.draft).toBeGreaterThan(0);
      await page.locator('body').click({ position: { x: 5, y: 300 } });
      for (let left = before.draft; left > 0; left--) {
        await page.keyboard.press('a');
        await expect
          .poll(
            async () => ((await apiAs(page, 'GET', `/projects/${projectId}/tests/counts`)) as { draft: number }).draft,
          )
          .toBe(left - 1);
      }
    });

    await test.step('run the suite and watch it live', async () => {
      await page.goto(`${projectUrl}/run`);
      await page.getByLabel('Parallel workers').fill('3');
      await page.getByRole('button', { name: 'Start run' }).click();
      await expect(page).toHaveURL(/\/runs\/RUN-\d+/);
      await expect(page.getByRole('progressbar').first()).toBeVisible();
      // A running test's tile is painted from its screencast frames (a canvas starts 300 px wide).
      await page.waitForFunction(
        () =>
          Array.from(document.querySelectorAll('canvas[aria-label^="Live browser view of"]')).some(
            (canvas) => (canvas as HTMLCanvasElement).width !== 300,
          ),
        undefined,
        { timeout: 60_000, polling: 'raf' },
      );
      await checkPage(page, 'run-live');
      await expect(page.getByText(/^completed$/i).first()).toBeVisible({ timeout: 180_000 });
    });

    await test.step('break the site, run again, and open a failed result with its screenshots and trace', async () => {
      site.setFault('missing-section');
      await page.goto(`${projectUrl}/run`);
      await page.getByRole('button', { name: 'Start run' }).click();
      await expect(page).toHaveURL(/\/runs\/RUN-\d+/);
      await expect(page.getByRole('heading', { name: /result/i, level: 2 }).first()).toBeVisible();
      const failed = page
        .getByRole('row')
        .filter({ hasText: /failed/i })
        .first();
      await expect(failed).toBeVisible({ timeout: 180_000 });
      await expect(page.getByText(/^completed$/i).first()).toBeVisible({ timeout: 180_000 });
      await failed.getByRole('button', { name: /Details of/ }).click();
      const detail = page.getByRole('region', { name: /./ }).filter({ has: page.getByRole('tab', { name: /Steps/ }) });
      await expect(detail.getByRole('button', { name: /^Enlarge / }).first()).toBeVisible();
      await detail
        .getByRole('button', { name: /^Enlarge / })
        .first()
        .click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await page.keyboard.press('Escape');
      await detail.getByRole('tab', { name: /Trace/ }).click();
      const trace = detail.getByRole('link', { name: 'Download trace' });
      await expect(trace).toHaveAttribute('href', /trace\.zip$/);
      expect((await page.request.get((await trace.getAttribute('href')) as string)).status()).toBe(200);
      await checkPage(page, 'run-failed-result');
      failedTestUrl = (await failed.getByRole('link').first().getAttribute('href')) as string;
      failedRunUrl = new URL(page.url()).pathname;
    });

    await test.step('accept the changed screenshot as the new visual baseline', async () => {
      await page.goto(failedTestUrl);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await checkPage(page, 'test-detail');
      await page.getByRole('tab', { name: 'Runs & heals' }).click();
      const accept = page.getByRole('button', { name: /^Accept .* as baseline$/ }).first();
      await expect(accept).toBeVisible();
      const testId = failedTestUrl.split('/').pop() as string;
      type Baselines = { updatedAt: string }[] | { baselines: { updatedAt: string }[] };
      const latest = async () => {
        const body = (await apiAs(page, 'GET', `/tests/${testId}/baselines`)) as Baselines;
        return (
          (Array.isArray(body) ? body : body.baselines)
            .map((baseline) => baseline.updatedAt)
            .sort()
            .at(-1) ?? ''
        );
      };
      const before = await latest();
      await accept.click();
      // The accepted screenshot replaces the old baseline on the server.
      await expect.poll(latest).not.toBe(before);
      await page.getByRole('tab', { name: 'Visual baselines' }).click();
      await expect(page.getByRole('button', { name: /^Delete .* baseline/ }).first()).toBeVisible();
    });

    await test.step('set a schedule', async () => {
      site.setFault(null);
      await page.goto(`${projectUrl}/schedule`);
      await page.getByRole('combobox', { name: 'Repeat' }).click();
      await page.getByRole('option', { name: /^Daily at 02:00/ }).click();
      await page.getByRole('button', { name: 'Create schedule' }).click();
      await expect(page.getByText('0 2 * * *').first()).toBeVisible();
      await checkPage(page, 'project-schedule');
    });

    await test.step('create a CI trigger token, shown once', async () => {
      await page.goto(`${projectUrl}/ci`);
      await page.getByRole('button', { name: 'Create token' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Label').fill('GitHub Actions');
      await dialog.getByRole('button', { name: 'Create token' }).click();
      await expect(dialog.getByRole('textbox', { name: /Trigger token/ })).toHaveValue(/^[0-9a-f]{80}$/);
      await checkPage(page, 'ci-token-once');
      await dialog.getByRole('button', { name: 'I have stored the token' }).click();
      await expect(page.getByRole('button', { name: 'Revoke GitHub Actions' })).toBeVisible();
    });

    await test.step('visit the other main pages', async () => {
      for (const [path, name] of [
        ['/', 'dashboard'],
        ['/projects', 'projects'],
        ['/activity', 'activity'],
        ['/workspace', 'workspace'],
        ['/settings', 'settings'],
      ] as const) {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 15_000 });
        await checkPage(page, name);
      }
    });

    await test.step('sign out', async () => {
      await page.getByRole('button', { name: 'Sign out' }).click();
      await expect(page).toHaveURL(/\/login/);
      await page.goto(projectUrl);
      await expect(page).toHaveURL(/\/login\?next=/);
    });
    console.expectClean();
    await close();
  });

  test('a viewer sees no controls they cannot use', async ({ browser }) => {
    test.setTimeout(120_000);
    const viewer = { name: 'Vic Viewer', email: unique('vic') };
    const owner = await newPage(browser);
    await signIn(owner.page, admin.email);
    const { page, console, close } = await newPage(browser);
    await register(page, viewer.name, viewer.email);
    // Signing in first gives the viewer a workspace of their own, so there is one to switch from.
    await signIn(page, viewer.email);
    await apiAs(owner.page, 'POST', '/workspaces/current/members', { email: viewer.email, role: 'viewer' });
    await owner.close();

    await page.reload();
    await page.getByRole('combobox', { name: 'Workspace' }).click();
    await page.getByRole('option').filter({ hasNotText: viewer.name }).first().click();
    await expect(page.getByText(`${viewer.name} · ${admin.name}'s Workspace (viewer)`)).toBeVisible();

    await page.goto('/projects');
    await expect(page.getByRole('link', { name: 'Lighthouse Journal' })).toBeVisible();
    await expect(page.getByRole('button', { name: /New project/ })).toHaveCount(0);
    await page.goto(projectUrl);
    await expect(page.getByRole('heading', { level: 1, name: 'Lighthouse Journal' })).toBeVisible();
    for (const tab of ['Crawl', 'Generate', 'Run', 'Edit'])
      await expect(page.getByRole('tab', { name: tab })).toHaveCount(0);
    await page.goto(`${projectUrl}/review?status=all`);
    await expect(page.locator('tr[data-queue-row]').first()).toBeVisible();
    await expect(page.getByRole('button', { name: /^(Approve|Reject)/ })).toHaveCount(0);
    await expect(page.getByRole('checkbox')).toHaveCount(0);
    await page.goto(`${projectUrl}/ci`);
    await expect(page.getByRole('button', { name: 'Create token' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^Revoke/ })).toHaveCount(0);
    await checkPage(page, 'viewer-ci');
    await page.goto(`${projectUrl}/schedule`);
    await expect(page.getByRole('button', { name: /schedule$/ })).toHaveCount(0);
    console.expectClean();
    await close();
  });

  test('another workspace’s project shows a not-found page', async ({ browser }) => {
    const { page, close } = await newPage(browser);
    const outsider = unique('eve');
    await register(page, 'Eve', outsider);
    await signIn(page, outsider);
    await page.goto(projectUrl);
    await expect(page.getByRole('heading', { level: 1, name: 'This project was not found' })).toBeVisible();
    await checkPage(page, 'not-found');
    await close();
  });

  test('the main pages work on a phone (390×844)', async ({ browser }) => {
    test.setTimeout(120_000);
    const { page, console, close } = await newPage(browser, { width: 390, height: 844 });
    await signIn(page, admin.email);
    for (const [path, name] of [
      ['/', 'dashboard'],
      ['/projects', 'projects'],
      [projectUrl, 'project-overview'],
      [`${projectUrl}/review`, 'review-queue'],
      [failedRunUrl, 'run-detail'],
      [failedTestUrl, 'test-detail'],
      ['/settings', 'settings'],
    ] as const) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 15_000 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${name} scrolls sideways`).toBeLessThanOrEqual(1);
      await checkPage(page, `mobile-${name}`);
    }
    console.expectClean();
    await close();
  });
});
