import { describe, expect, it } from 'vitest';
import type { ElementFingerprint } from '../src/channel.js';
import { SIMILARITY_WEIGHTS, semanticSelectors, similarity, textSimilarity } from '../src/similarity.js';
import { looksLikeSelector, parseSelector } from '../src/selectors.js';
import { selectorStrategies } from '../src/strategies.js';

describe('looksLikeSelector (ENGINE.md §5.3, extended for recorder selectors)', () => {
  it.each([
    '#email',
    '.btn',
    '[name=q]',
    '//button',
    '(//a)[2]',
    'input[name="email"]',
    'form > button',
    'ul li:nth-child(2)',
    'div:has(> img)',
    'role=button[name="Sign in"]',
    'text="Sign in"',
    'text=Sign in',
    'data-testid="go"',
    'data-test-id=go',
    'label="Email"',
    'placeholder="Search"',
    'alt="Logo"',
    'title="Close"',
    'button.primary',
    'button.btn.primary >> nth=2',
    'a#home',
    'css=button',
    'xpath=//a',
  ])('%j is a selector', (value) => {
    expect(looksLikeSelector(value)).toBe(true);
  });

  it.each(['Sign in', 'Place order', 'Email address', 'index.html', 'e.g. this', 'Save & continue', 'Terms', ''])(
    '%j is text',
    (value) => {
      expect(looksLikeSelector(value)).toBe(false);
    },
  );
});

describe('parseSelector', () => {
  it.each([
    ['text="Sign in"', 'text', 'Sign in'],
    ['label="Email address"', 'label', 'Email address'],
    ["placeholder='Search…'", 'placeholder', 'Search…'],
    ['alt=Logo', 'alt', 'Logo'],
    ['title="Close \\"dialog\\""', 'title', 'Close "dialog"'],
    ['role=button[name="Buy now"]', 'role', 'Buy now'],
    ['data-testid="go"', 'testid', undefined],
    ['#email', 'css', undefined],
    ['//button', 'xpath', undefined],
    ['button.btn >> nth=1', 'chain', undefined],
  ])('%j → engine %s, name %j', (selector, engine, name) => {
    const parsed = parseSelector(selector);
    expect(parsed.engine).toBe(engine);
    expect(parsed.name).toBe(name);
  });

  it('names the as-written strategy by engine, then falls back to the waterfall for a named selector', () => {
    expect(selectorStrategies('click', '#buy').map((s) => s.name)).toEqual(['css']);
    expect(selectorStrategies('fill', 'label="Email"').map((s) => s.name)).toEqual([
      'selector:label',
      'label',
      'placeholder',
      'role:searchbox',
      'role:combobox',
      'role:textbox',
      'role:spinbutton',
      'input-aria-label',
      'textarea-aria-label',
      'input-title',
    ]);
    expect(selectorStrategies('expect', 'role=heading[name="Cart"]').map((s) => s.name)).toEqual([
      'selector:role',
      'role:heading',
      'text-exact',
      'text',
      'label',
      'aria-label',
    ]);
  });
});

const button = (overrides: Partial<ElementFingerprint> = {}): ElementFingerprint => ({
  tag: 'button',
  id: 'buy-btn',
  classes: ['btn', 'primary'],
  role: 'button',
  name: 'Place order',
  text: 'Place order',
  attributes: { type: 'submit' },
  path: 'body>main>form>button',
  index: 0,
  box: { x: 8, y: 60, width: 90, height: 24 },
  ...overrides,
});

describe('similarity', () => {
  it('is 1 for an identical element and symmetric-ish in 0–1', () => {
    expect(similarity(button(), button())).toBe(1);
    const other = button({ name: 'Cancel', text: 'Cancel', id: null });
    const score = similarity(button(), other);
    expect(score).toBeGreaterThan(0);
    expect(score).toBeLessThan(1);
  });

  it('keeps a refactored element (same name/text/role) above the threshold and a look-alike below it', () => {
    const refactored = button({
      tag: 'a',
      id: null,
      classes: ['cta'],
      attributes: { href: '#', role: 'button' },
      path: 'body>main>form>div>a',
      index: 0,
      box: { x: 8, y: 64, width: 96, height: 22 },
    });
    const lookAlike = button({
      id: null,
      name: 'Cancel',
      text: 'Cancel',
      index: 1,
      box: { x: 110, y: 60, width: 70, height: 24 },
    });
    expect(similarity(button(), refactored)).toBeGreaterThanOrEqual(0.6);
    // Even identical in every structural respect, a different name and text stay well below.
    const twinWithOtherName = button({ name: 'Help', text: 'Help' });
    expect(similarity(button(), twinWithOtherName)).toBeLessThan(0.6);
    expect(similarity(button(), lookAlike)).toBeLessThan(0.5);
  });

  it('gives partial credit for edited text, none for unrelated text', () => {
    expect(textSimilarity('Place order', 'Place  ORDER')).toBe(1);
    expect(textSimilarity('Place order', 'Place your order')).toBeGreaterThan(0.75);
    expect(textSimilarity('Place order', 'Cancel')).toBeLessThan(0.2);
  });

  it('weights what people see above what refactors rewrite', () => {
    const identity = SIMILARITY_WEIGHTS.name + SIMILARITY_WEIGHTS.text + SIMILARITY_WEIGHTS.role;
    const structure =
      SIMILARITY_WEIGHTS.id +
      SIMILARITY_WEIGHTS.tag +
      SIMILARITY_WEIGHTS.type +
      SIMILARITY_WEIGHTS.classes +
      SIMILARITY_WEIGHTS.path +
      SIMILARITY_WEIGHTS.index +
      SIMILARITY_WEIGHTS.position +
      SIMILARITY_WEIGHTS.size;
    expect(identity).toBeGreaterThan(structure);
  });

  it('describes an element with semantic selectors first', () => {
    expect(semanticSelectors(button({ attributes: { 'data-testid': 'buy' } }))).toEqual([
      'data-testid="buy"',
      'role=button[name="Place order"]',
      'text="Place order"',
      '#buy-btn',
    ]);
  });
});
