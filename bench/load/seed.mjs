/**
 * Seeding for bench/load/load.mjs, through the public API only (what a user or the CLI could do):
 * an account (SKIP_EMAIL_VERIFICATION), its session token, catalogue projects holding the tests the
 * read mix pages through, a history project on the todo fixture run a few times before timing
 * (finished runs with passed and failed results for the dashboard and the run lists), and the
 * live project whose slow tests keep a run going during the measurement.
 */
import { randomUUID } from 'node:crypto';

const FEATURES = ['Checkout flow', 'Login form', 'Sign-up wizard', 'Search results', 'Cart update', 'Password reset'];
const STEPS = [
  'Open the home page',
  'Click "Sign in"',
  'Fill the email field with a valid address',
  'Fill the password field',
  'Submit the form',
  'Verify the dashboard heading is visible',
  'Add the first product to the cart',
  'Proceed to checkout',
];

/** A manual test with ~0.8 kB of Playwright code (never run: its site does not exist). */
function catalogueTest(n) {
  const feature = FEATURES[n % FEATURES.length];
  const steps = Array.from({ length: 3 + (n % 4) }, (_, k) => STEPS[(n + k * 3) % STEPS.length]);
  const body = steps
    .map(
      (s) => `  // ${s}\n  await page.getByRole('button', { name: '${s.slice(0, 20).replace(/'/g, '')}' }).click();\n`,
    )
    .join('');
  return {
    name: `${feature} ${n}`,
    description: `Checks the ${feature.toLowerCase()} end to end (case ${n}).`,
    steps,
    priority: ['low', 'medium', 'high'][n % 3],
    playwrightCode: `test('${feature} ${n}', async ({ page }) => {\n  await page.goto('/');\n${body}});\n`,
  };
}

/** Adds a todo, waits `waitMs` in the page, checks the count: a test that takes a while. */
export const slowTest = (name, waitMs) => ({
  name,
  playwrightCode: `test('${name}', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('New todo').fill('${name}');
  await page.getByRole('button', { name: 'Add' }).click();
  await page.waitForTimeout(${waitMs});
  await expect(page.getByText('1 items left')).toBeVisible();
});
`,
});

/** A quick test that fails (an assertion on text the page never shows). */
const failingTest = (name) => ({
  name,
  playwrightCode: `test('${name}', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByText('No such text ${name}')).toBeVisible({ timeout: 1000 });
});
`,
});

/** `limit` promises at a time over `items`. */
async function pool(items, limit, fn) {
  const out = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i], i);
      }
    }),
  );
  return out;
}

/** Registers and signs in; returns the session token (the access cookie's value, sent as Bearer). */
export async function signUp(base) {
  const email = `load-${randomUUID().slice(0, 8)}@bench.invalid`;
  const password = `Load-bench-${randomUUID()}`;
  const post = (path, body) =>
    fetch(`${base}/api/v1${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const registered = await post('/auth/register', { name: 'Load bench', email, password });
  if (registered.status !== 201) throw new Error(`register answered ${registered.status}: ${await registered.text()}`);
  const login = await post('/auth/login', { email, password });
  if (login.status !== 200) throw new Error(`login answered ${login.status}: ${await login.text()}`);
  const cookie = login.headers.getSetCookie().find((c) => c.startsWith('access_token='));
  if (!cookie) throw new Error('login set no access_token cookie');
  return cookie.slice('access_token='.length).split(';')[0];
}

/**
 * Catalogue projects (`sizes` tests each; about 40 % approved, 10 % rejected, the rest drafts),
 * the history project and the live project. Returns their ids and what each holds.
 */
export async function seedWorkspace(api, fixtureUrl, { sizes, liveTests, liveWaitMs }) {
  const catalogue = [];
  let n = 0;
  for (const [k, size] of sizes.entries()) {
    const { id } = await api('POST', '/projects', {
      name: `Catalogue ${k + 1}`,
      url: `https://shop${k + 1}.example.test/`,
    });
    const numbers = Array.from({ length: size }, () => ++n);
    const tests = await pool(
      numbers,
      6,
      async (i) => (await api('POST', `/projects/${id}/tests`, catalogueTest(i))).id,
    );
    const approve = tests.filter((_, i) => i % 10 < 4);
    const reject = tests.filter((_, i) => i % 10 === 4);
    for (let i = 0; i < approve.length; i += 500)
      await api('POST', `/projects/${id}/tests/bulk`, { action: 'approve', testIds: approve.slice(i, i + 500) });
    for (let i = 0; i < reject.length; i += 500)
      await api('POST', `/projects/${id}/tests/bulk`, { action: 'reject', testIds: reject.slice(i, i + 500) });
    catalogue.push({
      id,
      tests,
      approved: approve.length,
      rejected: reject.length,
      draft: size - approve.length - reject.length,
    });
  }

  const history = await fixtureProject(api, fixtureUrl, 'History', [
    ...[1, 2, 3, 4].map((i) => slowTest(`Quick todo ${i}`, 100)),
    ...[1, 2].map((i) => failingTest(`Broken check ${i}`)),
  ]);
  const liveSpecs = Array.from({ length: liveTests }, (_, i) => slowTest(`Slow todo ${i + 1}`, liveWaitMs));
  const live = await fixtureProject(api, fixtureUrl, 'Live', liveSpecs);
  return { catalogue, history, live };
}

async function fixtureProject(api, url, name, specs) {
  const { id } = await api('POST', '/projects', { name, url });
  const tests = [];
  for (const spec of specs) {
    const created = await api('POST', `/projects/${id}/tests`, spec);
    await api('PATCH', `/projects/${id}/tests/${created.id}/approve`);
    tests.push(created.id);
  }
  return { id, tests };
}

/** Starts a run of a project, retrying while the previous one is still being closed (409). */
export async function startRun(api, projectId, workers) {
  for (let attempt = 0; ; attempt++) {
    try {
      return (await api('POST', `/projects/${projectId}/run`, { dialsConfig: { parallelWorkers: workers } })).runId;
    } catch (error) {
      if (!String(error.message).includes('409') || attempt >= 100) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
