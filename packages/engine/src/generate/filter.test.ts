import { describe, expect, it } from 'vitest';
import { filterElements, scoreElement } from './filter.js';
import { button, input, link, makeElement } from './test-factories.js';

describe('scoreElement', () => {
  it('ranks forms and typing fields above buttons and links', () => {
    expect(scoreElement(makeElement({ tag: 'form' }))).toBe(100);
    expect(scoreElement(input('email', 'Email'))).toBe(90);
    expect(scoreElement(makeElement({ tag: 'textarea' }))).toBe(80);
    expect(scoreElement(makeElement({ tag: 'select' }))).toBe(75);
    expect(scoreElement(button('Add to cart'))).toBe(95);
    expect(scoreElement(button('Toggle theme'))).toBe(60);
    expect(scoreElement(link('Pricing', '/pricing'))).toBe(50);
    expect(scoreElement(link('Partner site', 'https://partner.test/x'))).toBe(40);
    expect(scoreElement(makeElement({ tag: 'span', text: 'x' }))).toBe(10);
  });

  it('counts an absolute link to the same site as internal', () => {
    expect(scoreElement(link('Pricing', 'https://shop.test/pricing'), 'https://shop.test')).toBe(50);
    expect(scoreElement(link('Pricing', 'https://other.test/pricing'), 'https://shop.test')).toBe(40);
  });

  it('drops social, legal and dead links but never a password field', () => {
    expect(scoreElement(link('Follow us on Twitter', '/x'))).toBe(0);
    expect(scoreElement(link('© 2024 Shop', '/'))).toBe(0);
    expect(scoreElement(link('Privacy policy', '/privacy'))).toBe(0);
    expect(scoreElement(link('Email us', 'mailto:hi@shop.test'))).toBe(0);
    expect(scoreElement(link('Docs', 'javascript:void(0)'))).toBe(0);
    expect(scoreElement(makeElement({ tag: 'a', text: 'Orphan' }))).toBe(0);
    expect(scoreElement(input('password', 'Password', { text: 'Accept cookies' }))).toBe(90);
  });

  it('matches noise words whole, so "Shared folders" is kept', () => {
    expect(scoreElement(link('Shared folders', '/shared'))).toBe(50);
  });
});

describe('filterElements', () => {
  it('keeps the best elements first, deduplicated, with their score', () => {
    const elements = [
      link('About', '/about'),
      button('Sign in'),
      link('About', '/about-us'),
      input('email', 'Email'),
      input('password', 'Password'),
      link('Share', '/share'),
    ];
    const kept = filterElements(elements);
    expect(kept.map((el) => el.text || el.label)).toEqual(['Sign in', 'Email', 'Password', 'About']);
    expect(kept.map((el) => el.score)).toEqual([95, 90, 90, 50]);
  });

  it('keeps at most the limit', () => {
    const many = Array.from({ length: 50 }, (_, i) => link(`Article ${i}`, `/a/${i}`));
    expect(filterElements(many)).toHaveLength(30);
    expect(filterElements(many, 5)).toHaveLength(5);
  });
});
