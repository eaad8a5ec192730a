import { describe, expect, it } from 'vitest';
import {
  componentFlags,
  fingerprintState,
  fingerprintStructure,
  formSignature,
  hashString,
  normaliseDynamicText,
  perUrlStateCap,
  type StateInput,
} from './state-fingerprint.js';

describe('normaliseDynamicText', () => {
  it('replaces counters, prices, clock times, dates and long numbers', () => {
    expect(normaliseDynamicText('3 items left')).toBe(normaliseDynamicText('4 items left'));
    expect(normaliseDynamicText('1 item left')).toBe(normaliseDynamicText('12 items left'));
    expect(normaliseDynamicText('Order #1234 total $1,299.99')).toBe(normaliseDynamicText('Order #98 total $5'));
    expect(normaliseDynamicText('Total 12,50 €')).toBe(normaliseDynamicText('Total 3 €'));
    expect(normaliseDynamicText('Updated 10:45 PM on 2024-03-01')).toBe(
      normaliseDynamicText('Updated 9:05 am on 1/2/2025'),
    );
    expect(normaliseDynamicText('Inbox (3)   5 new')).toBe('Inbox (N) N new');
    expect(normaliseDynamicText('Ticket 123456')).toBe('Ticket N');
  });

  it('keeps text that is not dynamic', () => {
    expect(normaliseDynamicText('  Sign   in\n')).toBe('Sign in');
    expect(normaliseDynamicText('Top 10 tips')).toBe('Top 10 tips');
  });
});

describe('hashString', () => {
  it('is stable and distinguishes different inputs', () => {
    expect(hashString('a')).toBe(hashString('a'));
    expect(hashString('a')).not.toBe(hashString('b'));
    expect(hashString('a')).toMatch(/^[0-9a-z]+$/);
  });
});

describe('fingerprintStructure', () => {
  it('ignores element order but not element kinds, form count or the h1', () => {
    const elements = [
      { tag: 'a', type: '' },
      { tag: 'button', type: 'submit' },
    ];
    const base = fingerprintStructure({ elements, forms: 1, hasH1: true });
    expect(fingerprintStructure({ elements: [...elements].reverse(), forms: 1, hasH1: true })).toBe(base);
    expect(fingerprintStructure({ elements, forms: 2, hasH1: true })).not.toBe(base);
    expect(fingerprintStructure({ elements, forms: 1, hasH1: false })).not.toBe(base);
    expect(
      fingerprintStructure({ elements: [...elements, { tag: 'input', type: 'text' }], forms: 1, hasH1: true }),
    ).not.toBe(base);
  });
});

describe('fingerprintState', () => {
  const todoList: StateInput = {
    url: 'http://127.0.0.1:3000/lists/17?utm_source=x&tab=active',
    elements: [
      { tag: 'input', type: 'text' },
      { tag: 'button', type: 'submit' },
    ],
    structuralTexts: ['Todos', 'Add', '3 items left', 'OK'],
    components: ['spa:react'],
    formSignatures: ['new-todo[input:text:req]'],
    title: 'Todos (3)',
    formsCount: 1,
    hasH1: true,
  };

  it('is equal for the same screen with different counters, ids and noise params', () => {
    const later = {
      ...todoList,
      url: 'http://127.0.0.1:3000/lists/18?tab=active',
      structuralTexts: ['Todos', 'Add', '4 items left', 'No'],
      title: 'Todos (4)',
    };
    expect(fingerprintState(later)).toBe(fingerprintState(todoList));
  });

  it('changes with the route, significant params, hash route, structure, text, components and forms', () => {
    const base = fingerprintState(todoList);
    const variants: Partial<StateInput>[] = [
      { url: 'http://127.0.0.1:3000/archive/17?tab=active' },
      { url: 'http://127.0.0.1:3000/lists/17?tab=done' },
      { url: 'http://127.0.0.1:3000/lists/17?tab=active#/settings' },
      { elements: [{ tag: 'button', type: 'submit' }] },
      { structuralTexts: ['Todos', 'Add', 'Clear completed'] },
      { components: ['spa:react', 'modal'] },
      { formSignatures: [] },
      { title: 'Settings' },
    ];
    for (const variant of variants)
      expect(fingerprintState({ ...todoList, ...variant }), JSON.stringify(variant)).not.toBe(base);
  });
});

describe('component flags and form signatures', () => {
  it('lists set flags sorted, with the SPA framework', () => {
    const flags = {
      hasLoginForm: true,
      hasModals: false,
      hasTabs: true,
      hasTable: false,
      hasSidebar: false,
      hasDropdown: false,
      hasToast: false,
      hasAccordion: false,
      hasSpinner: false,
      hasErrorState: false,
      hasEmptyState: true,
      spaFramework: 'vue',
    };
    expect(componentFlags(flags)).toEqual(['empty', 'login', 'spa:vue', 'tabs']);
  });

  it('describes each field by tag, type and whether it is required', () => {
    const field = { label: '', nameAttr: '', placeholder: '', testId: '', locator: null };
    expect(
      formSignature({
        id: 'login',
        fields: [
          { ...field, tag: 'input', type: 'email', required: true },
          { ...field, tag: 'input', type: 'password', required: false },
        ],
      }),
    ).toBe('login[input:email:req,input:password:opt]');
  });
});

describe('perUrlStateCap', () => {
  it('allows 3 states per URL, more while every state there is structurally different, never above 8', () => {
    expect(perUrlStateCap([])).toBe(3);
    expect(perUrlStateCap([['a:'], ['button:'], ['modal']])).toBe(6);
    expect(perUrlStateCap([['a:'], ['a:'], ['modal']])).toBe(3);
    expect(perUrlStateCap([['x1'], ['x2'], ['x3'], ['x4'], ['x5'], ['x6'], ['x7']])).toBe(8);
  });
});
