import { describe, expect, it } from 'vitest';
import { classifyElement, classifyPage } from './classify.js';
import { filterElements } from './filter.js';
import {
  button,
  input,
  link,
  loginSnapshot,
  makeElement,
  makeForm,
  makeSnapshot,
  searchSnapshot,
} from './test-factories.js';
import type { PageSnapshot } from '../discovery/types.js';

const classify = (snapshot: PageSnapshot) => classifyPage(snapshot, filterElements(snapshot.elements));

describe('classifyElement', () => {
  it('reads a password field as AUTH with full confidence', () => {
    expect(classifyElement(input('password', 'Password'))).toMatchObject({ intent: 'AUTH', confidence: 100 });
  });

  it('weighs button text more than link text', () => {
    expect(classifyElement(button('Checkout')).confidence).toBe(100);
    expect(classifyElement(link('Cart', '/cart'))).toMatchObject({ intent: 'CHECKOUT', confidence: 57 });
  });

  it('reads name and id attributes with separators removed', () => {
    const field = makeElement({ tag: 'input', type: 'text', nameAttr: 'search_query' });
    expect(classifyElement(field).intent).toBe('SEARCH');
  });

  it('does not mistake "Address" for an add action', () => {
    expect(classifyElement(makeElement({ tag: 'label', text: 'Address' }))).toMatchObject({
      intent: 'NAVIGATION',
      confidence: 0,
    });
  });
});

describe('classifyPage', () => {
  it('classifies a login page as high-priority AUTH', () => {
    const page = classify(loginSnapshot());
    expect(page.dominantIntent).toBe('AUTH');
    expect(page.isHighPriority).toBe(true);
    expect(page.intentConfidence).toBe(100);
    expect(page.intentBreakdown.AUTH).toBeGreaterThan(500);
    expect(page.classifiedElements).toHaveLength(4);
  });

  it('classifies a search page as SEARCH', () => {
    const page = classify(searchSnapshot());
    expect(page.dominantIntent).toBe('SEARCH');
    expect(page.intentBreakdown.SEARCH).toBeGreaterThan(page.intentBreakdown.FORM_SUBMISSION);
  });

  it('gives a contact form FORM_SUBMISSION', () => {
    const snapshot = makeSnapshot({
      url: 'https://shop.test/contact',
      title: 'Contact us',
      forms: [makeForm({ submitText: 'Send message' })],
      elements: [
        input('text', 'Your name'),
        makeElement({ tag: 'textarea', label: 'Message' }),
        button('Send message'),
      ],
    });
    expect(classify(snapshot).dominantIntent).toBe('FORM_SUBMISSION');
  });

  it('falls back to NAVIGATION for a page of plain links', () => {
    const snapshot = makeSnapshot({ elements: [link('About', '/about'), link('Blog', '/blog')] });
    const page = classify(snapshot);
    expect(page.dominantIntent).toBe('NAVIGATION');
    expect(page.isHighPriority).toBe(false);
  });

  it('uses the title for a cart page without cart buttons', () => {
    const snapshot = makeSnapshot({ title: 'Your cart', elements: [link('Continue shopping', '/')] });
    expect(classify(snapshot).dominantIntent).toBe('CHECKOUT');
  });
});
