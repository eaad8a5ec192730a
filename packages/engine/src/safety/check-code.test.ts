import { describe, expect, it } from 'vitest';
import { canonicalCode, codeFromSteps, toSpecFile, type Step } from '../export/compile-test.js';
import { checkTestCode, describeProblems, type CodeProblem } from './check-code.js';

const problemsOf = (code: string): CodeProblem[] => {
  const result = checkTestCode(code);
  return result.ok ? [] : result.problems;
};
const lines = (...source: string[]) => source.join('\n');

const STEPS: Step[] = [
  'Open the login page',
  { action: 'navigate', url: '/login' },
  { action: 'fill', selector: 'Email', value: 'ada@example.com' },
  { action: 'fill', selector: 'Password', value: "it's a secret" },
  { action: 'click', selector: 'Sign in' },
  { action: 'press', value: 'Enter', selector: 'Search' },
  { action: 'select', selector: 'Country', value: 'UK' },
  { action: 'check', selector: 'Remember me' },
  { action: 'hover', selector: 'Menu' },
  { action: 'assert', selector: 'Dashboard', expected: 'Welcome' },
  { action: 'wait', selector: '#ready' },
  { action: 'teleport' },
];

const CLEAN: [string, string][] = [
  [
    'a full spec file with describe, hooks, steps, fixtures and the runtime',
    lines(
      "import { test, expect, devices, type Page } from '@playwright/test';",
      "import { sentri } from '@sentri/runtime';",
      '',
      'test.use({ viewport: { width: 1280, height: 720 } });',
      '',
      "test.describe('checkout', () => {",
      '  test.beforeEach(async ({ page }) => {',
      "    await page.goto('/');",
      '  });',
      '',
      "  test('adds an item', async ({ page, context, request, browser }, testInfo) => {",
      "    await test.step('open the catalogue', async () => {",
      "      await page.getByRole('link', { name: 'Catalogue' }).click();",
      '    });',
      "    await sentri.click(page, 'Add to cart');",
      "    await expect(page.getByTestId('cart-count')).toHaveText('1');",
      "    const response = await request.get('/api/cart');",
      '    expect(response.ok()).toBeTruthy();',
      '    const body = await response.json();',
      '    expect(body.items[0].sku).toMatch(/^SKU-\\d+$/);',
      "    expect(body['total-price']).toBeGreaterThan(0);",
      "    await testInfo.attach('cart', { body: JSON.stringify(body, null, 2), contentType: 'application/json' });",
      '    expect(context.pages()).toHaveLength(1);',
      '    expect(browser.isConnected()).toBe(true);',
      '  });',
      '});',
      'export const helper = (page: Page) => page.title();',
      "void devices['iPhone 13'];",
    ),
  ],
  [
    'a spec importing the exported runtime by relative path, with type imports',
    lines(
      "import { test, expect } from '@playwright/test';",
      "import type { Locator, BrowserContext } from '@playwright/test';",
      "import { sentri } from '../sentri-runtime/index.js';",
      '',
      'async function firstRow(list: Locator): Promise<Locator> {',
      '  return list.first();',
      '}',
      "test('rows', async ({ page, context }: { page: import('@playwright/test').Page; context: BrowserContext }) => {",
      "  await sentri.navigate(page, '/rows');",
      "  await expect(await firstRow(page.getByRole('row'))).toBeVisible();",
      '  await context.clearCookies();',
      '});',
    ),
  ],
  [
    'a page object class, test.extend fixtures and an expect.extend matcher using this',
    lines(
      "import { test as base, expect, type Page, type Locator } from '@playwright/test';",
      '',
      'class LoginPage {',
      '  readonly email: Locator;',
      '  constructor(private readonly page: Page) {',
      "    this.email = page.getByLabel('Email');",
      '  }',
      '  async login(user: string, password: string) {',
      '    await this.email.fill(user);',
      "    await this.page.getByLabel('Password').fill(password);",
      "    await this.page.getByRole('button', { name: 'Sign in' }).click();",
      '  }',
      '}',
      '',
      'const test = base.extend<{ loginPage: LoginPage }>({',
      '  loginPage: async ({ page }, use) => {',
      "    await page.goto('/login');",
      '    await use(new LoginPage(page));',
      '  },',
      '});',
      '',
      'expect.extend({',
      '  async toHaveItems(locator: Locator, expected: number) {',
      '    const count = await locator.count();',
      "    return { pass: count === expected, message: () => `${this.isNot ? 'not ' : ''}${expected} items` };",
      '  },',
      '});',
      '',
      "test('logs in', async ({ loginPage, page }) => {",
      "  await loginPage.login('ada@example.com', 'secret');",
      "  await page.screenshot({ path: test.info().outputPath('after-login.png') });",
      '  await expect(page).toHaveURL(/dashboard/);',
      '});',
    ),
  ],
  [
    'a test call with loops, counters, regexes, templates, JSON, Math and Date',
    lines(
      "test('lists rows', async ({ page }) => {",
      "  const rows = page.locator('table tbody tr');",
      '  const count = await rows.count();',
      '  for (let i = 0; i < count; i++) {',
      '    await expect(rows.nth(i)).toBeVisible();',
      '  }',
      '  const names = await rows.allTextContents();',
      '  for (var j = 0; j < names.length; j += 1) expect(names[j]).toMatch(/\\w+/);',
      '  const last = names[names.length - 1];',
      '  const middle = Math.floor(names.length / 2);',
      '  const second = 1;',
      '  let k = second + 1;',
      '  k++;',
      '  expect(names[k] ?? names[second] ?? names[middle]).toBeDefined();',
      '  const stamp = `${Date.now()}-${Math.floor(Math.random() * 1000)}`;',
      '  await page.getByPlaceholder("Search").fill(`item ${stamp}`);',
      '  const data = JSON.parse(\'{"a": [1, 2]}\');',
      '  expect(data.a[0]).toBe(1);',
      '  expect(last).toBeDefined();',
      '  for (const name of names) expect(name.trim()).not.toBe("");',
      '  const [first] = names;',
      '  while (!first) break;',
      "  test.skip(names.length === 0, 'empty table');",
      '  const pick = names[Math.floor(Math.random() * names.length)];',
      "  expect(names[Number('0')] ?? names[parseInt('1', 10)] ?? pick).toBeDefined();",
      '});',
    ),
  ],
  [
    'a bare body with evaluate callbacks, helpers and literal keys',
    lines(
      "await page.goto('https://example.com');",
      'await page.evaluate(() => window.scrollTo(0, 0));',
      "const heading = await page.evaluate(() => document.querySelector('h1')?.textContent);",
      "expect(heading).toContain('Example');",
      "await safeClick(page, 'More information');",
      "await safeFill(page, 'Search', 'playwright');",
      'const matrix = [[1, 2], [3, 4]];',
      'for (let r = 0; r < 2; r++) for (let c = 0; c < 2; c++) expect(matrix[r][c]).toBeGreaterThan(0);',
      "const headers = { 'x-test': 'yes', 2: 'two' };",
      "expect(headers['x-test']).toBe('yes');",
      'expect(headers[2]).toBe(`two`);',
      'const it = [1, 2, 3][Symbol.iterator]();',
      'expect(it.next().value).toBe(1);',
    ),
  ],
  [
    'a bare async arrow',
    lines(
      'async ({ page }) => {',
      "  await page.goto('/login');",
      "  await page.getByRole('textbox', { name: 'Email' }).fill('ada@example.com');",
      "  await page.keyboard.press('Enter');",
      '  await expect(page.getByRole("heading")).toHaveText(/Welcome/);',
      '}',
    ),
  ],
  [
    'files, downloads, screenshots, routes and traces with relative literal paths',
    lines(
      "test('files', async ({ page, context }) => {",
      "  await page.setInputFiles('input[type=file]', 'fixtures/avatar.png');",
      "  await page.getByLabel('Avatar').setInputFiles({ name: 'note.txt', mimeType: 'text/plain', buffer: Buffer.from('hi') });",
      "  await page.getByLabel('Docs').setInputFiles(['fixtures/a.pdf', './fixtures/b.pdf'], { timeout: 5000 });",
      "  await page.getByLabel('Docs').setInputFiles([]);",
      "  const [download] = await Promise.all([page.waitForEvent('download'), page.getByText('Export').click()]);",
      "  await download.saveAs('downloads/report.csv');",
      "  await page.screenshot({ path: 'screenshots/home.png', fullPage: true });",
      "  await page.getByRole('main').screenshot({ animations: 'disabled' });",
      "  await page.pdf({ path: 'out/page.pdf' });",
      "  await page.addInitScript(() => { window.localStorage.setItem('seen', '1'); });",
      "  await page.addInitScript({ path: 'scripts/mock-date.js' });",
      "  await page.addStyleTag({ content: '* { transition: none !important; }' });",
      "  await page.route('**/api/items', (route) => route.fulfill({ status: 200, json: { items: [] } }));",
      "  await page.route('**/logo.png', (route) => route.fulfill({ path: 'fixtures/logo.png' }));",
      "  await page.routeFromHAR('hars/api.har', { url: '**/api/**' });",
      "  await expect(page).toHaveScreenshot('home.png', { maxDiffPixels: 10 });",
      "  await expect(page).toHaveScreenshot(['home', 'header.png']);",
      '  await expect(page.getByRole("banner")).toHaveScreenshot();',
      "  expect(await page.textContent('h1')).toMatchSnapshot(`heading-${1}.txt`);",
      '  await context.tracing.start({ screenshots: true, snapshots: true });',
      "  await context.tracing.stop({ path: 'traces/trace.zip' });",
      "  test.info().annotations.push({ type: 'issue', description: 'JIRA-1' });",
      "  await page.screenshot({ path: test.info().outputPath('home.png') });",
      '  expect(test.info().attachments.length).toBe(0);',
      '  await context.setStorageState({ cookies: [], origins: [] });',
      "  const slot = { start: '09:00', stop: '10:00' };",
      '  expect(slot.start < slot.stop).toBe(true);',
      '});',
    ),
  ],
  [
    'the documented auth setup with a const path, devices and new contexts',
    lines(
      "import { test as setup, expect, devices } from '@playwright/test';",
      '',
      "const authFile = 'playwright/.auth/user.json';",
      "const iPhone = devices['iPhone 13'];",
      "setup.use({ ...devices['Desktop Chrome'], locale: 'en-GB' });",
      '',
      "setup('authenticate', async ({ page, browser }) => {",
      "  await page.goto('/login');",
      "  await page.getByLabel('Email').fill('ada@example.com');",
      "  await page.getByRole('button', { name: 'Sign in' }).click();",
      '  await page.context().storageState({ path: authFile });',
      '  const mobile = await browser.newContext({ ...iPhone, storageState: authFile });',
      "  const tablet = await browser.newContext({ ...devices['iPad Mini'], storageState: await mobile.storageState() });",
      "  const recorded = await browser.newContext({ recordVideo: { dir: 'videos/' }, recordHar: { path: 'hars/run.har' } });",
      '  const mobilePage = await mobile.newPage();',
      '  await expect(mobilePage).toHaveTitle(/Home/);',
      '  await Promise.all([mobile.close(), tablet.close(), recorded.close()]);',
      '});',
    ),
  ],
  [
    'API checks with Object helpers on data, JSON keys and response headers',
    lines(
      "test('api contract', async ({ request }) => {",
      "  const form = { name: 'Ada', email: 'ada@example.com' };",
      '  for (const [field, value] of Object.entries(form)) expect(value, field).toBeTruthy();',
      "  expect(Object.values(['a', 'b'])).toHaveLength(2);",
      "  const res = await request.post('/api/users', { data: form, headers: { 'x-trace': '1' } });",
      '  expect(res.status()).toBe(201);',
      '  const user = await res.json();',
      "  expect(Object.keys(user)).toEqual(expect.arrayContaining(['id', 'name']));",
      '  expect(user._id ?? user.id).toBeTruthy();',
      '  expect(user._links.self.href).toContain(user.id);',
      '  const { __typename, ...rest } = user;',
      '  const copy = Object.assign({}, rest, { extra: true });',
      '  expect(copy.extra).toBe(true);',
      '  expect(Object.freeze(copy)).toBe(copy);',
      "  expect(res.headers()['content-type']).toContain('json');",
      '  expect(__typename).toBeDefined();',
      "  expect(user.process ?? { process: 1, module: 'x' }.module).toBeDefined();",
      "  const call = { caller: 'Ada', callee: 'Bob', launch: '2024-01-01', connect: true, _private: 1 };",
      '  expect(call.caller).not.toBe(call.callee);',
      '});',
    ),
  ],
  [
    'dialogs, popups, timers and soft assertions',
    lines(
      "test('popup', async ({ page, context }) => {",
      "  page.on('dialog', (dialog) => dialog.accept());",
      "  const [popup] = await Promise.all([context.waitForEvent('page'), page.getByText('Open').click()]);",
      '  await popup.waitForLoadState();',
      '  await new Promise((resolve) => setTimeout(resolve, 10));',
      "  await expect.soft(popup.getByRole('heading')).toBeVisible();",
      '  await expect.poll(async () => (await page.title()).length, { timeout: 5000 }).toBeGreaterThan(0);',
      '  try {',
      '    await page.waitForURL(/done/, { timeout: 1000 });',
      '  } catch (error) {',
      '    expect(String(error)).toContain("Timeout");',
      '  }',
      '});',
    ),
  ],
];

describe('checkTestCode accepts ordinary Playwright test code', () => {
  it.each(CLEAN)('%s', (_name, code) => {
    expect(problemsOf(code)).toEqual([]);
    expect(checkTestCode(code)).toEqual({ ok: true });
  });

  it('accepts what the compiler and exporter produce, in every shape', () => {
    const fromSteps = codeFromSteps('Login works', STEPS);
    expect(fromSteps).toBeDefined();
    const outputs = [
      fromSteps ?? '',
      toSpecFile({ name: 'Login works', steps: STEPS, playwrightCode: null }, '@sentri/runtime'),
      toSpecFile({ name: 'Login works', steps: STEPS, playwrightCode: null }, '../sentri-runtime/index'),
      toSpecFile(
        { name: 'Only notes', steps: ['Open the page', 'Check the title'], playwrightCode: null },
        '@sentri/runtime',
      ),
      toSpecFile({ name: 'Body', steps: [], playwrightCode: "await page.goto('/');" }, '../sentri-runtime/index'),
      toSpecFile({ name: 'Arrow', steps: [], playwrightCode: CLEAN[5]?.[1] ?? '' }, '@sentri/runtime'),
      toSpecFile({ name: 'Call', steps: [], playwrightCode: fromSteps ?? '' }, '@sentri/runtime'),
      canonicalCode('Body', CLEAN[4]?.[1] ?? ''),
      canonicalCode('Spec', CLEAN[0]?.[1] ?? ''),
    ];
    for (const code of outputs) expect({ code, problems: problemsOf(code) }).toEqual({ code, problems: [] });
  });
});

/** [construct, code, rule, line] — the line is where the refused construct starts. */
const REFUSED: [string, string, string, number][] = [
  ['a syntax error', lines("test('x', async ({ page }) => {", '  await page.goto(;', '});'), 'syntax', 2],
  ['a Node module import', lines("import { test } from '@playwright/test';", "import fs from 'fs';"), 'import', 2],
  ['node: child_process', "import { execSync } from 'node:child_process';", 'import', 1],
  ['a relative import', "import secrets from '../../config/secrets.js';", 'import', 1],
  ['a lookalike runtime path', "import { sentri } from '/tmp/sentri-runtime/index.js';", 'import', 1],
  ['import = require', "import cp = require('child_process');", 'import', 1],
  ['export … from', lines('const a = 1;', "export * from 'fs';"), 'import', 2],
  ['a namespace import of Playwright', "import * as pw from '@playwright/test';", 'import', 1],
  ['a default import of Playwright', "import pw from '@playwright/test';", 'import', 1],
  ...['chromium', 'firefox', 'webkit', '_electron', '_android', 'request', 'defineConfig'].map(
    (name): [string, string, string, number] => [
      `importing ${name}`,
      lines("import { test, expect } from '@playwright/test';", `import { ${name} as x } from '@playwright/test';`),
      'import',
      2,
    ],
  ),
  ['require', lines('// setup', "const cp = require('child_process');"), 'require', 2],
  ['require.resolve', "const p = require.resolve('x');", 'require', 1],
  ['import()', lines("test('x', async () => {", "  const fs = await import('fs');", '});'), 'dynamic-import', 2],
  ['import.meta', lines('', 'const url = import.meta.url;'), 'dynamic-import', 2],
  [
    'process',
    lines("test('x', async ({ page }) => {", '  await page.goto(process.env.SECRET_URL);', '});'),
    'global',
    2,
  ],
  ['process in a shorthand property', 'const deps = { process };', 'global', 1],
  ['eval', "eval('1 + 1');", 'global', 1],
  ['Function', "const f = new Function('return 1');", 'global', 1],
  ['globalThis', 'globalThis.fetch = undefined;', 'global', 1],
  ['global', 'const g = global;', 'global', 1],
  ['module', 'module.exports = {};', 'global', 1],
  ['exports', 'exports.x = 1;', 'global', 1],
  ['__dirname', "const dir = __dirname + '/x';", 'global', 1],
  ['__filename', 'const file = __filename;', 'global', 1],
  ['Reflect', lines('const a = 1;', 'Reflect.ownKeys(page);'), 'global', 2],
  ['Proxy', 'const p = new Proxy({}, {});', 'global', 1],
  ['WebAssembly', 'WebAssembly.compile(new Uint8Array());', 'global', 1],
  ['Deno', "Deno.run({ cmd: ['id'] });", 'global', 1],
  ['Bun', "Bun.spawn(['id']);", 'global', 1],
  ['the playwright fixture', "test('x', async ({ page, playwright }) => {});", 'fixture', 1],
  ['the browserType fixture', lines('', 'test.beforeAll(async ({ browserType }) => {});'), 'fixture', 2],
  [
    '.launch()',
    lines("test('x', async ({ browser }) => {", '  await browser.browserType().launch();', '});'),
    'launch',
    2,
  ],
  ['.launchPersistentContext()', "await browser.browserType().launchPersistentContext('');", 'launch', 1],
  ['.launchServer()', 'await bt.launchServer();', 'launch', 1],
  ['.connect()', "await bt.connect('ws://evil');", 'launch', 1],
  ['.connectOverCDP()', "await bt.connectOverCDP('http://localhost:9222');", 'launch', 1],
  ['.newCDPSession()', lines('', '', 'const cdp = await context.newCDPSession(page);'), 'launch', 3],
  ['.newBrowserCDPSession()', 'const cdp = await browser.newBrowserCDPSession();', 'launch', 1],
  ['launchOptions', "test.use({ launchOptions: { executablePath: '/bin/sh' } });", 'launch', 1],
  ['connectOptions', "test.use({ connectOptions: { wsEndpoint: 'ws://evil' } });", 'launch', 1],
  ['a destructured launch', 'const { launch } = browser.browserType();', 'launch', 1],
  ['.constructor', lines('const fn = () => 1;', 'const F = fn.constructor;'), 'property', 2],
  ['__proto__', 'const p = page.__proto__;', 'property', 1],
  ['prototype', 'Array.prototype.map = null;', 'property', 1],
  ['__defineGetter__', "page.__defineGetter__('x', () => 1);", 'property', 1],
  ['__defineSetter__', "page.__defineSetter__('x', () => 1);", 'property', 1],
  ['__lookupGetter__', "const g = page.__lookupGetter__('x');", 'property', 1],
  ['a constructor string key', "const C = page['constructor'];", 'property', 1],
  ['a destructured constructor', 'const { constructor: C } = async () => {};', 'property', 1],
  ['a __proto__ key', 'const o = { __proto__: page };', 'property', 1],
  ['prepareStackTrace', 'Error.prepareStackTrace = (e, frames) => frames;', 'property', 1],
  ['constructor by reflection', "const d = Object.getOwnPropertyDescriptor(fn, 'constructor');", 'property', 1],
  ['Playwright internals', 'const c = page._connection;', 'private-member', 1],
  ['Playwright internals by key', "const c = page['_channel'];", 'private-member', 1],
  ['internals destructured', 'const { _connection } = page;', 'private-member', 1],
  [
    'a string variable key',
    lines("test('x', async ({ page }) => {", '  const k = name;', '  page[k];', '});'),
    'computed-member',
    3,
  ],
  ['a template key', 'const v = obj[`con${x}`];', 'computed-member', 1],
  ['a for-in key', lines('for (const k in page) {', '  void page[k];', '}'), 'computed-member', 2],
  ['a counter rewritten to a string', lines('let i = 0;', "i = 'constructor';", 'rows[i];'), 'computed-member', 3],
  ['a counter rewritten by destructuring', lines('let i = 0;', '[i] = names;', 'rows[i];'), 'computed-member', 3],
  [
    'a shadowed counter',
    lines('for (let i = 0; i < 2; i++) {}', 'items.forEach((i) => rows[i]);'),
    'computed-member',
    2,
  ],
  ['a computed object key', 'const o = { [name]: 1 };', 'computed-member', 1],
  ['Object.getPrototypeOf', 'const AsyncFunction = Object.getPrototypeOf(async () => {});', 'reflection', 1],
  ['Object.values of a Playwright object', 'const fields = Object.values(page);', 'reflection', 1],
  ['Object.entries of a spread copy', lines('const copy = { ...page };', 'Object.entries(copy);'), 'reflection', 2],
  ['Object.assign onto devices', "Object.assign(devices['iPhone 13'], JSON.parse(s));", 'reflection', 1],
  ['Object.defineProperty', "Object.defineProperty(page, 'x', { get: () => 1 });", 'reflection', 1],
  ['an alias of Object', lines('const O = Object;', 'O.getPrototypeOf(page);'), 'reflection', 1],
  [
    'a shadowed Symbol',
    lines("const Symbol = { iterator: 'constructor' };", 'page[Symbol.iterator];'),
    'computed-member',
    2,
  ],
  ['a rewritten parseInt', lines("parseInt = () => 'constructor';", "page[parseInt('1')];"), 'computed-member', 2],
  ['rewriting Math', "Math.floor = () => 'constructor';", 'mutation', 1],
  ['an alias of Math', 'const M = Math;', 'mutation', 1],
  ['a source map comment', lines('const a = 1;', '//# sourceMappingURL=../../../etc/app.json'), 'source-map', 2],
  ['with', lines("test('x', async ({ page }) => {", '  with (page) { url(); }', '});'), 'with', 2],
  ['setTimeout with a string', lines('', "setTimeout('alert(1)', 10);"), 'string-code', 2],
  ['setInterval with a template', 'setInterval(`run(${x})`, 10);', 'string-code', 1],
  ['setTimeout with a const string', lines("const code = 'run()';", 'setTimeout(code);'), 'string-code', 2],
  ['setInputFiles with an absolute path', "await page.setInputFiles('input', '/etc/passwd');", 'file-path', 1],
  ['setInputFiles on a locator with ..', "await input.setInputFiles(['ok.png', '../../.env']);", 'file-path', 1],
  ['setInputFiles with a computed path', "await input.setInputFiles(path.join(dir, 'a.png'));", 'file-path', 1],
  ['setFiles with a home path', "await chooser.setFiles('~/.ssh/id_rsa');", 'file-path', 1],
  ['saveAs outside the folder', lines('const d = await p;', "await d.saveAs('/tmp/x');"), 'file-path', 2],
  ['saveAs of a script', "await download.saveAs('sentri-runtime/index.js');", 'file-path', 1],
  ['saveAs of a tsconfig', "await download.saveAs('tsconfig.json');", 'file-path', 1],
  [
    'saveAs through the node_modules link',
    "await download.saveAs('Node_Modules/@playwright/test/index.mjs');",
    'file-path',
    1,
  ],
  ['reading from node_modules', "await page.setInputFiles('input', 'node_modules/.bin/x');", 'file-path', 1],
  ['addInitScript({ path })', "await page.addInitScript({ path: '/etc/hosts' });", 'file-path', 1],
  ['addScriptTag({ path })', "await page.addScriptTag({ path: '../secret.js' });", 'file-path', 1],
  ['addStyleTag({ path })', "await page.addStyleTag({ path: 'C:\\\\x.css' });", 'file-path', 1],
  ['screenshot({ path })', "await page.screenshot({ path: '/var/www/x.png' });", 'file-path', 1],
  ['screenshot with options from a variable', 'await page.screenshot(options);', 'file-path', 1],
  ['screenshot with spread options', 'await page.screenshot({ ...options, fullPage: true });', 'file-path', 1],
  ['pdf({ path })', 'await page.pdf({ path: `out/${name}.pdf` });', 'file-path', 1],
  ['storageState({ path })', "await context.storageState({ path: '../state.json' });", 'file-path', 1],
  ['route.fulfill({ path })', "await page.route('**', (r) => r.fulfill({ path: '/etc/passwd' }));", 'file-path', 1],
  ['routeFromHAR', "await page.routeFromHAR('/tmp/api.har', { update: true });", 'file-path', 1],
  ['tracing.stop({ path })', "await context.tracing.stop({ path: '/tmp/trace.zip' });", 'file-path', 1],
  ['tracing.stop with a variable', 'await context.tracing.stop(opts);', 'file-path', 1],
  ['startTracing', "await browser.startTracing(page, { path: '/tmp/t.json' });", 'file-path', 1],
  ['attach({ path })', "await testInfo.attach('x', { path: '/etc/shadow' });", 'file-path', 1],
  [
    'attachments.push({ path })',
    "test.info().attachments.push({ name: 'x', path: '/etc/shadow', contentType: 'text/plain' });",
    'file-path',
    1,
  ],
  ['a snapshot name walking up', "expect(buf).toMatchSnapshot(['..', '..', 'evil.txt']);", 'file-path', 1],
  ['a snapshot name from a variable', 'expect(buf).toMatchSnapshot(segments);', 'file-path', 1],
  [
    'storageState option with an absolute path',
    "await browser.newContext({ storageState: '/root/state.json' });",
    'file-path',
    1,
  ],
  ['recordHar outside the folder', "await browser.newContext({ recordHar: { path: '../x.har' } });", 'file-path', 1],
  [
    'client certificates from /etc',
    "await browser.newContext({ clientCertificates: [{ origin: 'x', certPath: '/etc/ssl/key.pem' }] });",
    'file-path',
    1,
  ],
  ['outputPath of an unknown object', "await page.screenshot({ path: testInfo.outputPath('x.png') });", 'file-path', 1],
  [
    'outputPath of a fake test',
    lines(
      "import { test } from '@playwright/test';",
      "test('x', async ({ page }) => {",
      "  const test = { info: () => ({ outputPath: () => '/etc/passwd' }) };",
      "  await page.setInputFiles('input', test.info().outputPath());",
      '});',
    ),
    'file-path',
    4,
  ],
  ['a path behind a getter', "await page.screenshot({ get path() { return '/etc/x.png'; } });", 'file-path', 1],
  ['a path behind a computed key', "await page.screenshot({ ['path']: '/etc/x.png' });", 'file-path', 1],
  ['storageState behind a getter', "test.use({ get storageState() { return '/etc/passwd'; } });", 'file-path', 1],
  ['screenshot called through .call', "await page.screenshot.call(page, { path: '/etc/x.png' });", 'file-path', 1],
  [
    'saveAs bound and renamed',
    lines('const save = download.saveAs.bind(download);', "await save('/tmp/x');"),
    'file-path',
    1,
  ],
  ['saveAs destructured', 'const { saveAs } = download;', 'file-path', 1],
  ['tracing.stop taken as a value', 'const stop = context.tracing.stop;', 'file-path', 1],
  ['setStorageState from a file', "await context.setStorageState('/root/state.json');", 'file-path', 1],
  ['screencast to an absolute path', "await page.screencast.start({ path: '/tmp/x.webm' });", 'file-path', 1],
  [
    'attachments aliased',
    lines('const list = test.info().attachments;', "list.push({ name: 'x', path: '/etc/shadow' });"),
    'file-path',
    1,
  ],
  [
    'attachments rewritten',
    "test.info().attachments[0] = { name: 'x', path: '/etc/shadow', contentType: 'text/plain' };",
    'file-path',
    1,
  ],
  ['a JSON.stringify replacer', 'JSON.stringify(test.info(), (key, value) => (grab(value), value));', 'reflection', 1],
  ['JSON.stringify taken as a value', 'const stringify = JSON.stringify;', 'reflection', 1],
  ['test.use taken as a value', 'const use = test.use;', 'options', 1],
  ['test.use with computed options', 'test.use(JSON.parse(s));', 'options', 1],
  [
    'spreading a shadowed devices',
    lines(
      "import { test, devices } from '@playwright/test';",
      '{',
      '  const devices = JSON.parse(s);',
      "  test.use({ ...devices['Evil'] });",
      '}',
    ),
    'options',
    4,
  ],
  [
    'an internal fixture in test.use',
    "test.use({ _optionConnectOptions: { wsEndpoint: 'ws://x' } });",
    'private-member',
    1,
  ],
  [
    'an internal fixture in test.extend',
    "const t = test.extend({ _browserOptions: [async ({}, use) => use(JSON.parse(s)), { scope: 'worker' }] });",
    'private-member',
    1,
  ],
  ['newContext with spread options', 'await browser.newContext({ ...opts });', 'options', 1],
  ['test.extend with computed fixtures', 'const t = test.extend(fixtures);', 'options', 1],
  ['writing into devices', "devices['Evil'] = JSON.parse(s);", 'mutation', 1],
  ['moving snapshot output', "test.info().snapshotSuffix = '../../x';", 'mutation', 1],
  ['moving snapshot output via testInfo', "testInfo.project.snapshotDir = '/';", 'mutation', 1],
  ['sloppy this', 'const g = (function () { return this; })();', 'this', 1],
];

describe('checkTestCode refuses constructs that reach Node', () => {
  it.each(REFUSED)('%s', (_name, code, rule, line) => {
    const problems = problemsOf(code);
    expect(problems, JSON.stringify(problems)).toContainEqual(expect.objectContaining({ rule, line }));
    for (const problem of problems) {
      expect(problem.message).toMatch(/\S/);
      expect(problem.column).toBeGreaterThanOrEqual(1);
    }
  });

  it('reports the exact position of a construct and explains it', () => {
    const code = lines("test('x', async ({ page }) => {", '  const cp = require("child_process");', '});');
    expect(checkTestCode(code)).toEqual({
      ok: false,
      problems: [{ rule: 'require', message: 'require() is not allowed in test code', line: 2, column: 14 }],
    });
    const [computed] = problemsOf('const v = rows[key];');
    expect(computed?.message).toContain('[key]');
    expect(computed?.message).toContain('.nth(i)');
    const [path] = problemsOf("await page.screenshot({ path: '../../x.png' });");
    expect(path?.message).toBe('screenshot() path "../../x.png" must not contain ".."');
  });
});

describe('known escape attempts', () => {
  const ESCAPES: [string, string][] = [
    ["(async () => {}).constructor('return process')()", 'property'],
    ["page['constructor']", 'property'],
    ["const k = 'cons' + 'tructor';\npage[k]", 'computed-member'],
    ["globalThis['req' + 'uire']", 'global'],
    ["import('node:child_process')", 'dynamic-import'],
    ["require('child_process').execSync('id')", 'require'],
    ["await import('fs')", 'dynamic-import'],
    ["new Function('return process')()", 'global'],
    ["chromium.launch({ executablePath: '/bin/sh' })", 'launch'],
    ["import { chromium } from '@playwright/test';\nawait chromium.launch({ executablePath: '/bin/sh' });", 'import'],
    ['async ({ playwright }) => playwright.chromium.launch()', 'fixture'],
    ["page.setInputFiles('input', '/etc/passwd')", 'file-path'],
    ["page.screenshot({ path: '../../x.png' })", 'file-path'],
    ["const F = Object.getPrototypeOf(async () => {}).constructor;\nawait F('return process')();", 'reflection'],
    ['const [conn] = Object.values(page).filter((v) => v && v.sendMessageToServer);', 'reflection'],
    ["page._connection.sendMessageToServer(page, 'launch', {});", 'private-member'],
    ["test.use({ launchOptions: { executablePath: '/bin/sh', args: ['-c', 'id'] } });", 'launch'],
    ["test.use(Object.fromEntries([['launch' + 'Options', { executablePath: '/bin/sh' }]]));", 'options'],
    ["expect(Buffer.from('payload')).toMatchSnapshot(['..', '..', 'sentri-runtime', 'index.js']);", 'file-path'],
    ["const { constructor: AsyncFunction } = async () => {};\nAsyncFunction('return process')();", 'property'],
    ["(function () { return this; })().process.mainModule.require('child_process');", 'this'],
    ['for (const key of keys) page[key];', 'computed-member'],
    ['with ({}) { eval; }', 'with'],
  ];
  it.each(ESCAPES)('%s', (code, rule) => {
    const result = checkTestCode(code);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems.map((problem) => problem.rule)).toContain(rule);
  });
});

describe('describeProblems', () => {
  const problem = (line: number, message: string): CodeProblem => ({ rule: 'x', message, line, column: 1 });

  it('joins the first three problems with their lines', () => {
    expect(describeProblems([problem(3, 'require() is not allowed in test code')])).toBe(
      'line 3: require() is not allowed in test code',
    );
    expect(
      describeProblems([problem(1, 'a'), problem(2, 'b'), problem(3, 'c'), problem(4, 'd'), problem(5, 'e')]),
    ).toBe('line 1: a; line 2: b; line 3: c; and 2 more');
    expect(describeProblems([])).toBe('');
  });

  it('summarises a real check result in order', () => {
    const result = checkTestCode(
      lines("import fs from 'fs';", "test('x', async ({ page }) => {", '  eval(process.env.X);', '});'),
    );
    expect(result.ok).toBe(false);
    expect(describeProblems(result.ok ? [] : result.problems)).toBe(
      'line 1: import of "fs" is not allowed in test code; only @playwright/test and @sentri/runtime may be imported; ' +
        'line 3: eval is not allowed in test code; line 3: process is not allowed in test code',
    );
  });
});
