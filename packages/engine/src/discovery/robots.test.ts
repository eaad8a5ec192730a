import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { fetchRobotsAndSitemap, parseRobots, parseSitemap } from './robots.js';

describe('parseRobots', () => {
  const robots = `
# shop robots
User-agent: *
Disallow: /private/
Allow: /private/public
Disallow: /*.pdf$
Disallow: /search?*sessionid=
Disallow:

User-agent: Googlebot
Disallow: /

Sitemap: https://shop.test/sitemap.xml
Sitemap: https://shop.test/news-sitemap.xml
`;

  it('applies the longest matching rule of the * group', () => {
    const rules = parseRobots(robots);
    expect(rules.allows('/')).toBe(true);
    expect(rules.allows('/private/orders')).toBe(false);
    expect(rules.allows('/private/public/faq')).toBe(true);
    expect(rules.sitemaps).toEqual(['https://shop.test/sitemap.xml', 'https://shop.test/news-sitemap.xml']);
  });

  it('supports * wildcards and $ end anchors', () => {
    const rules = parseRobots(robots);
    expect(rules.allows('/files/terms.pdf')).toBe(false);
    expect(rules.allows('/files/terms.pdf?download=1')).toBe(true);
    expect(rules.allows('/search?q=shoes&sessionid=9')).toBe(false);
    expect(rules.allows('/search?q=shoes')).toBe(true);
  });

  it('prefers a group naming Sentri (any version) over *, and lets Allow win a tie', () => {
    const text = `User-agent: *\nDisallow: /\n\nUser-agent: Sentri/1.0\nUser-agent: OtherBot\nDisallow: /admin\nAllow: /admin\n`;
    const rules = parseRobots(text);
    expect(rules.allows('/products')).toBe(true);
    expect(rules.allows('/admin')).toBe(true);
    expect(parseRobots('User-agent: *\nDisallow: /\n').allows('/products')).toBe(false);
  });

  it('allows everything when robots.txt is empty or only has an empty Disallow', () => {
    expect(parseRobots('').allows('/anything')).toBe(true);
    expect(parseRobots('User-agent: *\nDisallow:\n').allows('/anything')).toBe(true);
  });
});

describe('parseSitemap', () => {
  it('reads page and nested-sitemap locations, decoding entities and CDATA', () => {
    const xml = `<?xml version="1.0"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>https://shop.test/list?a=1&amp;b=2</loc><lastmod>2024-01-01</lastmod></url>
  <url>
    <loc><![CDATA[https://shop.test/about]]></loc>
  </url>
</urlset>`;
    expect(parseSitemap(xml)).toEqual({
      urls: ['https://shop.test/list?a=1&b=2', 'https://shop.test/about'],
      sitemaps: [],
    });
    const index = '<sitemapindex><sitemap><loc> https://shop.test/pages.xml </loc></sitemap></sitemapindex>';
    expect(parseSitemap(index)).toEqual({ urls: [], sitemaps: ['https://shop.test/pages.xml'] });
  });
});

describe('fetchRobotsAndSitemap', () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  /** Serves `routes(origin)` on 127.0.0.1 and logs each request as "path user-agent". */
  async function serve(routes: (origin: string) => Record<string, string>) {
    const requests: string[] = [];
    let bodies: Record<string, string> = {};
    server = createServer((request, response) => {
      requests.push(`${request.url} ${request.headers['user-agent']}`);
      const body = bodies[request.url ?? ''];
      response.writeHead(body === undefined ? 404 : 200).end(body ?? 'not found');
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    bodies = routes(origin);
    return { origin, requests };
  }

  it('follows a sitemap index one level and keeps only same-origin, allowed, distinct pages', async () => {
    const { origin, requests } = await serve((origin) => ({
      '/robots.txt': 'User-agent: *\nDisallow: /admin\nSitemap: /sitemap-index.xml\n',
      '/sitemap-index.xml': `<sitemapindex>
        <sitemap><loc>${origin}/pages.xml</loc></sitemap>
        <sitemap><loc>${origin}/archive.xml.gz</loc></sitemap>
      </sitemapindex>`,
      '/pages.xml': `<urlset>
        <url><loc>${origin}/</loc></url>
        <url><loc>${origin}/pricing#plans</loc></url>
        <url><loc>${origin}/pricing?utm_source=sitemap</loc></url>
        <url><loc>${origin}/admin/users</loc></url>
        <url><loc>https://elsewhere.test/page</loc></url>
      </urlset>
      <sitemapindex><sitemap><loc>${origin}/too-deep.xml</loc></sitemap></sitemapindex>`,
    }));

    const result = await fetchRobotsAndSitemap(origin);
    expect(result.sitemapUrls).toEqual([`${origin}/`, `${origin}/pricing`]);
    expect(result.rules.allows('/admin/users')).toBe(false);
    expect(requests.map((line) => line.split(' ')[0])).toEqual(['/robots.txt', '/sitemap-index.xml', '/pages.xml']);
    expect(requests[0]).toContain('Mozilla/5.0 (compatible; Sentri/1.0)');
  });

  it('allows everything and falls back to /sitemap.xml when robots.txt is missing, capping the URLs', async () => {
    const { origin, requests } = await serve((origin) => ({
      '/sitemap.xml': `<urlset>${[1, 2, 3, 4, 5].map((n) => `<url><loc>${origin}/p/${n}</loc></url>`).join('')}</urlset>`,
    }));
    const result = await fetchRobotsAndSitemap(origin, { maxUrls: 3 });
    expect(result.rules.allows('/anything')).toBe(true);
    expect(result.sitemapUrls).toEqual([`${origin}/p/1`, `${origin}/p/2`, `${origin}/p/3`]);
    expect(requests.map((line) => line.split(' ')[0])).toEqual(['/robots.txt', '/sitemap.xml']);
  });

  it('gives up on a robots.txt that does not answer within the timeout', async () => {
    const { origin } = await serve(() => ({}));
    server!.removeAllListeners('request');
    server!.on('request', () => {
      // Never answers.
    });
    const started = Date.now();
    const result = await fetchRobotsAndSitemap(origin, { timeoutMs: 200 });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(result).toMatchObject({ sitemapUrls: [] });
    expect(result.rules.allows('/x')).toBe(true);
    server!.closeAllConnections();
  });
});
