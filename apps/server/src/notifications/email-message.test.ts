import { describe, expect, it } from 'vitest';
import { escapeHtml, failureEmail } from './email-message.js';
import { sampleDigest } from '../../test/support/digests.js';

const EVIL = '<img src=x onerror=alert(1)> & Co';

const digest = (projectName: string, failedTestNames: string[], failed = failedTestNames.length) =>
  sampleDigest(failedTestNames, { projectName, failed, appUrl: 'https://qa.example.com/sentri' });

describe('failureEmail', () => {
  it('has the documented subject', () => {
    expect(failureEmail(digest('Shop', ['a', 'b'])).subject).toBe('[Sentri] ❌ 2 test(s) failed — Shop');
  });

  it('keeps a project name with a line break on one subject line', () => {
    expect(failureEmail(digest('Shop\r\nBcc: x@evil.test', ['a'])).subject).toBe(
      '[Sentri] ❌ 1 test(s) failed — Shop Bcc: x@evil.test',
    );
  });

  it('gives the same facts and the link in the plain-text part', () => {
    const { text } = failureEmail(digest('Shop', ['Checkout works', 'Login works']));
    expect(text).toContain('Test run failed — Shop');
    expect(text).toMatch(/^Run:\s+RUN-7$/m);
    expect(text).toMatch(/^Passed:\s+3$/m);
    expect(text).toMatch(/^Failed:\s+2$/m);
    expect(text).toMatch(/^Total:\s+5$/m);
    expect(text).toMatch(/^Duration:\s+3m 5s$/m);
    expect(text).toContain('  - Checkout works\n  - Login works');
    expect(text).toContain('View run details: https://qa.example.com/sentri/runs/RUN-7');
  });

  it('shows a summary table, the failing tests and a button to the run in HTML', () => {
    const { html } = failureEmail(digest('Shop', ['Checkout works']));
    expect(html).toMatch(/<table[^>]*>.*Passed.*3.*Failed.*1.*Total.*4.*Duration.*3m 5s/s);
    expect(html).toContain('<li style="margin:2px 0;">Checkout works</li>');
    expect(html).toContain('<a href="https://qa.example.com/sentri/runs/RUN-7"');
    expect(html).toContain('View Run Details');
  });

  it('escapes user-supplied names in the HTML', () => {
    const { html, text } = failureEmail(digest(EVIL, [`"><script>alert('x')</script>`]));
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; Co');
    expect(html).toContain('&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;');
    // The plain-text part is not HTML: it shows the name as typed.
    expect(text).toContain(EVIL);
  });

  it('says "(and more…)" when more than ten tests failed', () => {
    const names = Array.from({ length: 11 }, (_, index) => `Test ${index + 1}`);
    const email = failureEmail(digest('Shop', names));
    expect(email.subject).toBe('[Sentri] ❌ 11 test(s) failed — Shop');
    expect(email.text).toContain('  - Test 10\n  (and more…)');
    expect(email.text).not.toContain('Test 11');
    expect(email.html).toContain('(and more…)');
  });

  it('escapeHtml covers the five HTML-significant characters', () => {
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
  });
});
