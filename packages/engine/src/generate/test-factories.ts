import type { CandidateTest, ElementInfo, FormInfo, PageFlags, PageSnapshot } from '../discovery/types.js';

/** Small builders for realistic pipeline inputs, shared by the generation stages' tests. */

export function makeElement(overrides: Partial<ElementInfo> = {}): ElementInfo {
  return {
    tag: 'div',
    type: '',
    text: '',
    role: '',
    accessibleName: overrides.text ?? '',
    id: '',
    nameAttr: '',
    href: '',
    ariaLabel: '',
    placeholder: '',
    label: '',
    testId: '',
    visible: true,
    disabled: false,
    required: false,
    formId: '',
    locator: null,
    ...overrides,
  };
}

export const button = (text: string, overrides: Partial<ElementInfo> = {}): ElementInfo =>
  makeElement({
    tag: 'button',
    type: 'submit',
    role: 'button',
    text,
    locator: `role=button[name="${text}"]`,
    ...overrides,
  });

export const link = (text: string, href: string, overrides: Partial<ElementInfo> = {}): ElementInfo =>
  makeElement({ tag: 'a', role: 'link', text, href, locator: `role=link[name="${text}"]`, ...overrides });

export const input = (type: string, label: string, overrides: Partial<ElementInfo> = {}): ElementInfo =>
  makeElement({
    tag: 'input',
    type,
    role: type === 'search' ? 'searchbox' : 'textbox',
    accessibleName: label,
    label,
    locator: `label=${label}`,
    ...overrides,
  });

export function makeFlags(overrides: Partial<PageFlags> = {}): PageFlags {
  return {
    hasLoginForm: false,
    hasModals: false,
    hasTabs: false,
    hasTable: false,
    hasSidebar: false,
    hasDropdown: false,
    hasToast: false,
    hasAccordion: false,
    hasSpinner: false,
    hasErrorState: false,
    hasEmptyState: false,
    spaFramework: '',
    ...overrides,
  };
}

export function makeSnapshot(overrides: Partial<PageSnapshot> = {}): PageSnapshot {
  return {
    url: 'https://shop.test/',
    title: 'Shop',
    h1: '',
    metaDescription: '',
    headings: [],
    forms: [],
    landmarks: [],
    elements: [],
    flags: makeFlags(),
    outboundLinks: [],
    fingerprint: 'fp',
    textSample: [],
    ...overrides,
  };
}

export function makeForm(overrides: Partial<FormInfo> = {}): FormInfo {
  return {
    id: 'form-0',
    action: '',
    method: 'post',
    fields: [],
    submitText: 'Submit',
    submitLocator: null,
    ...overrides,
  };
}

/** A sign-in page: email + password form with a "Sign in" button. */
export function loginSnapshot(url = 'https://shop.test/login'): PageSnapshot {
  return makeSnapshot({
    url,
    title: 'Sign in – Shop',
    h1: 'Sign in',
    headings: [{ level: 1, text: 'Sign in', locator: 'role=heading[name="Sign in"]' }],
    forms: [
      makeForm({
        id: 'login',
        submitText: 'Sign in',
        fields: [
          {
            tag: 'input',
            type: 'email',
            label: 'Email',
            nameAttr: 'email',
            placeholder: '',
            required: true,
            testId: '',
            locator: 'label=Email',
          },
          {
            tag: 'input',
            type: 'password',
            label: 'Password',
            nameAttr: 'password',
            placeholder: '',
            required: true,
            testId: '',
            locator: 'label=Password',
          },
        ],
      }),
    ],
    elements: [
      input('email', 'Email', { nameAttr: 'email', formId: 'login' }),
      input('password', 'Password', { nameAttr: 'password', formId: 'login' }),
      button('Sign in', { formId: 'login' }),
      link('Forgot password?', 'https://shop.test/reset'),
    ],
    flags: makeFlags({ hasLoginForm: true }),
    outboundLinks: ['https://shop.test/reset', 'https://shop.test/dashboard'],
  });
}

/** A search page: one search box and a "Search" button. */
export function searchSnapshot(url = 'https://shop.test/search'): PageSnapshot {
  return makeSnapshot({
    url,
    title: 'Search products',
    h1: 'Search',
    headings: [{ level: 1, text: 'Search', locator: 'role=heading[name="Search"]' }],
    forms: [makeForm({ id: 'search', method: 'get', submitText: 'Search' })],
    elements: [
      input('search', 'Search products', { placeholder: 'Search products', nameAttr: 'q', formId: 'search' }),
      button('Search', { formId: 'search' }),
      link('Filter by price', 'https://shop.test/search/filters'),
    ],
    outboundLinks: ['https://shop.test/', 'https://shop.test/search/filters'],
  });
}

export function makeTest(overrides: Partial<CandidateTest> = {}): CandidateTest {
  return {
    name: 'User signs in with valid credentials',
    description: 'Signs in with a known account and sees the dashboard',
    steps: ['Open the login page', 'Enter the email and password', 'Click "Sign in"'],
    playwrightCode: [
      "test('User signs in with valid credentials', async ({ page }) => {",
      "  await page.goto('https://shop.test/login', { waitUntil: 'domcontentloaded' });",
      "  await page.getByLabel('Email').fill('ada@shop.test');",
      "  await page.getByLabel('Password').fill('correct horse');",
      "  await page.getByRole('button', { name: 'Sign in' }).click();",
      '  await expect(page).toHaveURL(/dashboard/);',
      "  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();",
      '});',
    ].join('\n'),
    type: 'functional',
    scenario: 'positive',
    priority: 'high',
    sourceUrl: 'https://shop.test/login',
    pageTitle: 'Sign in – Shop',
    generatedFrom: 'ai_crawl',
    intent: 'AUTH',
    isJourneyTest: false,
    journeyType: null,
    isApiTest: false,
    tags: [],
    ...overrides,
  };
}

/** Wraps body lines in one canonical `test(...)` call. */
export function codeOf(name: string, ...body: string[]): string {
  return [`test(${JSON.stringify(name)}, async ({ page }) => {`, ...body.map((line) => `  ${line}`), '});'].join('\n');
}
