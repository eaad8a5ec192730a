import { describe, expect, it } from 'vitest';
import type { IntentName, Journey, PageSnapshot } from '../discovery/types.js';
import type { ClassifiedPage } from './classify.js';
import { capTests, journeyCap, planJourneys, runTestBudget } from './plan.js';
import { makeSnapshot, makeTest } from './test-factories.js';

const HIGH = new Set<IntentName>(['AUTH', 'CHECKOUT', 'SEARCH', 'FORM_SUBMISSION', 'CRUD']);

function page(path: string, intent: IntentName, title = path): ClassifiedPage {
  return {
    url: `https://shop.test${path}`,
    title,
    dominantIntent: intent,
    intentBreakdown: { AUTH: 0, CHECKOUT: 0, SEARCH: 0, FORM_SUBMISSION: 0, CRUD: 0, NAVIGATION: 0, CONTENT: 0 },
    classifiedElements: [],
    isHighPriority: HIGH.has(intent),
    intentConfidence: 80,
  };
}

const links = (from: string, ...to: string[]): PageSnapshot =>
  makeSnapshot({ url: `https://shop.test${from}`, outboundLinks: to.map((path) => `https://shop.test${path}`) });

const observed = (...paths: string[]): Journey => ({
  name: 'Add a todo',
  type: 'CRUD',
  pages: paths.map((path) => ({ url: `https://shop.test${path}`, title: path })),
  description: 'observed',
  discoveredBy: 'state_explorer',
  observedActions: [{ kind: 'click', locator: 'role=button[name="Add"]', label: 'Add' }],
});

describe('planJourneys', () => {
  it('pairs a sign-in page with the dashboard it leads to', () => {
    const pages = [page('/login', 'AUTH'), page('/dashboard', 'NAVIGATION', 'Dashboard'), page('/about', 'CONTENT')];
    const [journey, ...rest] = planJourneys(pages, [], [], 'ai_decides');
    expect(journey).toMatchObject({ name: 'Authentication Flow', type: 'AUTH', discoveredBy: 'intent_pattern' });
    expect(journey?.pages.map((p) => p.url)).toEqual(['https://shop.test/login', 'https://shop.test/dashboard']);
    expect(rest).toEqual([]);
  });

  it('groups checkout and search pages, never making a one-page journey', () => {
    const pages = [page('/cart', 'CHECKOUT'), page('/pay', 'CHECKOUT'), page('/search', 'SEARCH')];
    const journeys = planJourneys(pages, [], [], 'large');
    expect(journeys.map((j) => j.name)).toEqual(['Checkout Flow']);
  });

  it('follows links from a high-priority page, up to four pages', () => {
    const pages = ['/a', '/b', '/c', '/d', '/e'].map((path, i) => page(path, i === 0 ? 'SEARCH' : 'CONTENT'));
    const snapshots = [links('/a', '/b'), links('/b', '/c?page=2', '/a'), links('/c', '/d'), links('/d', '/e')];
    const [journey] = planJourneys(pages, snapshots, [], 'large');
    expect(journey).toMatchObject({ name: 'SEARCH → CONTENT Flow', discoveredBy: 'link_graph' });
    expect(journey?.pages.map((p) => p.url.replace('https://shop.test', ''))).toEqual(['/a', '/b', '/c', '/d']);
  });

  it('links a form to its confirmation page', () => {
    const pages = [page('/contact', 'FORM_SUBMISSION'), page('/thanks', 'CONTENT')];
    pages[0] = { ...pages[0]!, isHighPriority: false };
    const journeys = planJourneys(pages, [links('/contact', '/thanks')], [], 'large');
    expect(journeys).toMatchObject([{ name: 'Form Submission Flow', discoveredBy: 'form_confirmation' }]);
  });

  it('puts observed journeys first and drops link-graph journeys over the same pages', () => {
    const pages = [
      page('/todos', 'CRUD'),
      page('/todos/1', 'CONTENT'),
      page('/search', 'SEARCH'),
      page('/help', 'NAVIGATION'),
    ];
    const snapshots = [links('/todos', '/todos/1'), links('/search', '/help')];
    const journeys = planJourneys(pages, snapshots, [observed('/todos', '/todos/1')], 'large');
    expect(journeys.map((j) => j.name)).toEqual(['Add a todo', 'SEARCH → NAVIGATION Flow']);
  });

  it('caps journeys by the dial and by the size of the site', () => {
    const pages = ['/c1', '/c2', '/s1', '/s2', '/x1', '/x2'].map((path) =>
      page(path, path.startsWith('/c') ? 'CHECKOUT' : path.startsWith('/s') ? 'SEARCH' : 'CRUD'),
    );
    expect(planJourneys(pages, [], [], 'one')).toHaveLength(1);
    expect(planJourneys(pages, [], [], 'ai_decides')).toHaveLength(3);
    expect(journeyCap('ai_decides', 4)).toBe(2);
    expect(journeyCap('medium', 40)).toBe(4);
    expect(journeyCap('large', 3)).toBe(Infinity);
  });
});

describe('runTestBudget', () => {
  it('is a per-run number of tests', () => {
    expect(runTestBudget('one', 40)).toBe(1);
    expect(runTestBudget('small', 40)).toBe(5);
    expect(runTestBudget('medium', 40)).toBe(10);
    expect(runTestBudget('large', 40)).toBe(20);
    expect(runTestBudget('ai_decides', 1)).toBe(5);
    expect(runTestBudget('ai_decides', 8)).toBe(24);
    expect(runTestBudget('ai_decides', 500)).toBe(60);
  });
});

describe('capTests', () => {
  it('keeps the best tests while covering every intent', () => {
    const tests = [
      makeTest({ name: 'Login A', intent: 'AUTH', qualityScore: 95 }),
      makeTest({ name: 'Login B', intent: 'AUTH', qualityScore: 90 }),
      makeTest({ name: 'Login C', intent: 'AUTH', qualityScore: 85 }),
      makeTest({ name: 'Search', intent: 'SEARCH', sourceUrl: 'https://shop.test/search', qualityScore: 40 }),
      makeTest({ name: 'Cart', intent: 'CHECKOUT', sourceUrl: 'https://shop.test/cart', qualityScore: 60 }),
    ];
    expect(capTests(tests, 3).map((t) => t.name)).toEqual(['Login A', 'Cart', 'Search']);
    expect(capTests(tests, 4).map((t) => t.name)).toEqual(['Login A', 'Cart', 'Search', 'Login B']);
    expect(capTests(tests, 0)).toEqual([]);
  });

  it('spreads one intent across its pages', () => {
    const tests = [
      makeTest({ name: 'Login 1', sourceUrl: 'https://shop.test/login', qualityScore: 90 }),
      makeTest({ name: 'Login 2', sourceUrl: 'https://shop.test/login', qualityScore: 80 }),
      makeTest({ name: 'Sign up', sourceUrl: 'https://shop.test/signup', qualityScore: 50 }),
    ];
    expect(capTests(tests, 2).map((t) => t.name)).toEqual(['Login 1', 'Sign up']);
  });

  it('returns everything, best first, when under budget', () => {
    const tests = [makeTest({ name: 'Weak', qualityScore: 10 }), makeTest({ name: 'Strong', qualityScore: 90 })];
    expect(capTests(tests, 5).map((t) => t.name)).toEqual(['Strong', 'Weak']);
  });
});
