import { describe, expect, it } from 'vitest';
import {
  isNoiseParam,
  normaliseLink,
  pathPattern,
  pathPatternWithParams,
  sameEffectiveOrigin,
  scoreUrl,
} from './url-rules.js';

describe('normaliseLink', () => {
  it('resolves relative links, drops the fragment and tracking params, and sorts the rest', () => {
    expect(
      normaliseLink(
        '../products?sort=price&utm_source=mail&category=shoes&fbclid=abc#reviews',
        'https://shop.test/a/b',
      ),
    ).toBe('https://shop.test/products?category=shoes&sort=price');
  });

  it('gives the same result for the same page linked with params in a different order', () => {
    const base = 'https://shop.test/';
    expect(normaliseLink('/list?b=2&a=1', base)).toBe(normaliseLink('/list?a=1&b=2&sessionId=x', base));
  });

  it('rejects links that are not http(s)', () => {
    expect(normaliseLink('mailto:sales@shop.test', 'https://shop.test/')).toBeNull();
    expect(normaliseLink('javascript:void(0)', 'https://shop.test/')).toBeNull();
    expect(normaliseLink('tel:+123', 'https://shop.test/')).toBeNull();
  });
});

describe('isNoiseParam', () => {
  it('flags tracking, cache-busting and secret-bearing params but not meaningful ones', () => {
    for (const name of ['utm_campaign', 'gclid', 'mc_eid', 'ref', 'csrfToken', 'PHPSESSID', 'nonce', 'cb', '_', 't']) {
      expect(isNoiseParam(name), name).toBe(true);
    }
    for (const name of ['q', 'page', 'category', 'id', 'tab']) expect(isNoiseParam(name), name).toBe(false);
  });
});

describe('sameEffectiveOrigin', () => {
  it('treats www and case differences as the same site, but not other ports, schemes or hosts', () => {
    expect(sameEffectiveOrigin('https://WWW.Shop.test/a', 'https://shop.test/b')).toBe(true);
    expect(sameEffectiveOrigin('https://shop.test', 'http://shop.test')).toBe(false);
    expect(sameEffectiveOrigin('http://127.0.0.1:3000', 'http://127.0.0.1:3001')).toBe(false);
    expect(sameEffectiveOrigin('https://shop.test', 'https://evil-shop.test')).toBe(false);
    expect(sameEffectiveOrigin('not a url', 'https://shop.test')).toBe(false);
  });
});

describe('scoreUrl', () => {
  it('scores by the first matching rule of the priority table', () => {
    expect(scoreUrl('https://a.test/logo.png')).toBe(0);
    expect(scoreUrl('https://a.test/api/data.json')).toBe(0);
    expect(scoreUrl('https://a.test/static/app')).toBe(0);
    expect(scoreUrl('https://a.test/sitemap-index')).toBe(0);
    expect(scoreUrl('ftp://a.test/file')).toBe(0);
    expect(scoreUrl('https://a.test/account/settings')).toBe(100);
    expect(scoreUrl('https://a.test/shop/items/a/b/c')).toBe(100);
    expect(scoreUrl('https://a.test/a/b/c/d/e')).toBe(20);
    expect(scoreUrl('https://a.test/list?a=1&b=2&c=3')).toBe(15);
    expect(scoreUrl('https://a.test/blog/42')).toBe(25);
    expect(scoreUrl('https://a.test/about')).toBe(50);
  });
});

describe('path patterns', () => {
  it('generalises numeric ids and ignores the query and trailing slash', () => {
    expect(pathPattern('https://Shop.test/orders/123/items/7/?x=1')).toBe('shop.test/orders/:id/items/:id');
    expect(pathPattern('https://shop.test/orders/456')).toBe(pathPattern('https://shop.test/orders/123'));
    expect(pathPattern('https://shop.test/')).toBe('shop.test/');
  });

  it('keeps significant params, sorted, so tabs of one page stay distinct', () => {
    expect(pathPatternWithParams('https://a.test/settings?tab=team&utm_source=x&sort=asc')).toBe(
      'a.test/settings?sort=asc&tab=team',
    );
    expect(pathPatternWithParams('https://a.test/settings?tab=team')).not.toBe(
      pathPatternWithParams('https://a.test/settings?tab=billing'),
    );
    expect(pathPatternWithParams('https://a.test/p/9?ref=home')).toBe('a.test/p/:id');
  });
});
