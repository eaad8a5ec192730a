import { describe, expect, it } from 'vitest';
import { SmartCrawlQueue } from './crawl-queue.js';

describe('SmartCrawlQueue', () => {
  it('dequeues high-value pages first and keeps discovery order among equal scores', () => {
    const queue = new SmartCrawlQueue();
    queue.push('https://a.test/about', 1);
    queue.push('https://a.test/blog/7', 1);
    queue.push('https://a.test/pricing', 2);
    queue.push('https://a.test/login', 2);
    const order = [];
    for (let next = queue.shift(); next; next = queue.shift()) order.push(next.url);
    expect(order).toEqual([
      'https://a.test/login',
      'https://a.test/about',
      'https://a.test/pricing',
      'https://a.test/blog/7',
    ]);
  });

  it('refuses static files and visited pages, and drops queued copies once visited', () => {
    const queue = new SmartCrawlQueue();
    expect(queue.push('https://a.test/style.css', 1)).toBe(false);
    queue.markVisited('https://a.test/');
    expect(queue.push('https://a.test/', 1)).toBe(false);

    expect(queue.push('https://a.test/docs', 1)).toBe(true);
    expect(queue.push('https://a.test/docs', 2)).toBe(true);
    expect(queue.size).toBe(2);
    expect(queue.shift()).toEqual({ url: 'https://a.test/docs', depth: 1 });
    queue.markVisited('https://a.test/docs');
    expect(queue.hasVisited('https://a.test/docs')).toBe(true);
    expect(queue.shift()).toBeUndefined();
    expect(queue.size).toBe(0);
  });
});
