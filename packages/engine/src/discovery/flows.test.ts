import { describe, expect, it } from 'vitest';
import {
  classifyFlow,
  extractFlows,
  flowToJourney,
  pickDiverseFlows,
  type Flow,
  type StateGraphEdge,
} from './flows.js';
import type { ObservedAction } from './types.js';

const click = (label: string): ObservedAction => ({ kind: 'click', locator: `role=button[name="${label}"]`, label });
const fill = (label: string, value = 'x'): ObservedAction => ({
  kind: 'fill',
  locator: `label=${label}`,
  label,
  value,
});
const submit = (label: string): ObservedAction => ({ kind: 'submit', locator: `role=button[name="${label}"]`, label });

/** home → login → dashboard → (loop back to home); home → about (dead end). */
const graphEdges: StateGraphEdge[] = [
  { from: 'home', to: 'login', action: click('Log in') },
  { from: 'login', to: 'dash', action: fill('Email'), group: 'login-form' },
  { from: 'login', to: 'dash', action: fill('Password'), group: 'login-form' },
  { from: 'login', to: 'dash', action: submit('Sign in'), group: 'login-form' },
  { from: 'dash', to: 'home', action: click('Home') },
  { from: 'home', to: 'about', action: click('About') },
  { from: 'home', to: 'home', action: click('Refresh') },
];

const route = (flow: Flow) => flow.steps.map((step) => `${step.from}->${step.to}`).join(' ');

describe('extractFlows', () => {
  it('records loops and dead ends, longest first, with grouped form actions as one step', () => {
    const flows = extractFlows({ start: 'home', edges: graphEdges });
    expect(flows.map(route)).toEqual(['home->login login->dash dash->home', 'home->about']);
    expect(flows[0]?.steps[1]?.actions.map((action) => action.label)).toEqual(['Email', 'Password', 'Sign in']);
    expect(flows[0]?.type).toBe('AUTH');
  });

  it('stops at the maximum path length and dedupes paths that differ only by action', () => {
    const chain: StateGraphEdge[] = ['s0', 's1', 's2', 's3', 's4'].map((from, index) => ({
      from,
      to: `s${index + 1}`,
      action: click(`Next ${index}`),
    }));
    chain.push({ from: 's0', to: 's1', action: click('Also next') });
    const flows = extractFlows({ start: 's0', edges: chain }, 3);
    expect(flows.map(route)).toEqual(['s0->s1 s1->s2 s2->s3']);
    expect(flows[0]?.steps[0]?.actions).toEqual([click('Next 0')]);
  });

  it('returns nothing for a start state without transitions', () => {
    expect(extractFlows({ start: 'alone', edges: [] })).toEqual([]);
  });

  it('terminates on a dense graph', () => {
    const states = Array.from({ length: 12 }, (_, index) => `s${index}`);
    const edges = states.flatMap((from) => states.map((to) => ({ from, to, action: click(to) })));
    const flows = extractFlows({ start: 's0', edges });
    expect(flows.length).toBeGreaterThan(0);
    expect(flows.every((flow) => flow.steps.length <= 6)).toBe(true);
  });
});

describe('classifyFlow', () => {
  it('classifies by action text first, then by fill+submit, else navigation', () => {
    expect(classifyFlow([fill('Password'), submit('Continue')])).toBe('AUTH');
    expect(classifyFlow([fill('Search products'), submit('Go')])).toBe('SEARCH');
    expect(classifyFlow([click('Add to cart'), click('Checkout')])).toBe('CHECKOUT');
    expect(classifyFlow([fill('Title'), click('Save')])).toBe('CRUD');
    expect(classifyFlow([fill('Message'), submit('Send')])).toBe('FORM_SUBMISSION');
    expect(classifyFlow([click('About'), click('Display options')])).toBe('NAVIGATION');
  });
});

describe('pickDiverseFlows', () => {
  const flowsOf = (type: Flow['type'], count: number): Flow[] =>
    Array.from({ length: count }, () => ({ type, steps: [] }));

  it('takes at most two per type, then back-fills up to the total', () => {
    const auth = flowsOf('AUTH', 5);
    const crud = flowsOf('CRUD', 1);
    const picked = pickDiverseFlows([...auth, ...crud], 2, 4);
    expect(picked).toEqual([auth[0], auth[1], crud[0], auth[2]]);
    expect(pickDiverseFlows([...auth, ...crud])).toHaveLength(6);
  });
});

describe('flowToJourney', () => {
  it('names the journey, lists the visited pages once and describes the steps', () => {
    const [flow] = extractFlows({ start: 'home', edges: graphEdges });
    const states = new Map([
      ['home', { url: 'http://127.0.0.1:3000/', title: 'Home' }],
      ['login', { url: 'http://127.0.0.1:3000/login', title: 'Log in' }],
      ['dash', { url: 'http://127.0.0.1:3000/dashboard', title: 'Dashboard' }],
    ]);
    const journey = flowToJourney(flow!, states, 2);
    expect(journey).toMatchObject({
      name: 'AUTH Flow 2',
      type: 'AUTH',
      discoveredBy: 'state_explorer',
      description: 'click "Log in" → fill "Email" → fill "Password" → submit "Sign in" → click "Home"',
    });
    expect(journey.pages).toEqual([
      { url: 'http://127.0.0.1:3000/', title: 'Home', fingerprint: 'home' },
      { url: 'http://127.0.0.1:3000/login', title: 'Log in', fingerprint: 'login' },
      { url: 'http://127.0.0.1:3000/dashboard', title: 'Dashboard', fingerprint: 'dash' },
    ]);
    expect(journey.observedActions).toHaveLength(5);
  });
});
