import { describe, expect, it } from 'vitest';
import type { NavigationFailure } from './types.js';
import { classifyNavigationError, isUnreachable, unreachableMessage } from './unreachable.js';

describe('classifyNavigationError', () => {
  it('recognises Playwright and Node error codes', () => {
    const cases: [string, string][] = [
      ['page.goto: net::ERR_NAME_NOT_RESOLVED at https://nope.invalid/', 'dns'],
      ['getaddrinfo ENOTFOUND nope.invalid', 'dns'],
      ['page.goto: net::ERR_CONNECTION_REFUSED at http://127.0.0.1:3000/', 'refused'],
      ['connect ECONNREFUSED 127.0.0.1:3000', 'refused'],
      ['page.goto: net::ERR_CERT_AUTHORITY_INVALID at https://self-signed.test/', 'tls'],
      ['unable to verify the first certificate', 'tls'],
      ['page.goto: Timeout 15000ms exceeded.\nCall log:\n  - navigating to "http://slow.test/"', 'timeout'],
      ['page.goto: net::ERR_TIMED_OUT at http://slow.test/', 'timeout'],
      ['page.goto: net::ERR_CONNECTION_RESET at http://flaky.test/', 'network'],
      ['page.goto: net::ERR_INTERNET_DISCONNECTED', 'network'],
      ['HTTP 500 Internal Server Error', 'http'],
      ['page.goto: Navigation interrupted by another navigation', 'other'],
    ];
    for (const [message, category] of cases) expect(classifyNavigationError(message), message).toBe(category);
  });

  it('does not read words inside the quoted URL as the cause', () => {
    expect(classifyNavigationError('page.goto: Navigation failed at https://dns-tools.test/ssl')).toBe('other');
  });
});

const failure = (category: NavigationFailure['category'], message: string, url = 'http://127.0.0.1:3000/') => ({
  url,
  category,
  message,
});

describe('isUnreachable', () => {
  it('is true only when nothing was captured and every failure is a connectivity failure', () => {
    const refused = failure('refused', 'net::ERR_CONNECTION_REFUSED');
    expect(isUnreachable([refused, failure('timeout', 'Timeout 15000ms exceeded')], 0)).toBe(true);
    expect(isUnreachable([refused], 1)).toBe(false);
    expect(isUnreachable([refused, failure('http', 'HTTP 500')], 0)).toBe(false);
    expect(isUnreachable([], 0)).toBe(false);
  });
});

describe('unreachableMessage', () => {
  it('explains each category in terms the user can act on', () => {
    expect(
      unreachableMessage('https://nope.invalid/', [
        failure('dns', 'net::ERR_NAME_NOT_RESOLVED', 'https://nope.invalid/'),
      ]),
    ).toBe(
      'Target host could not be resolved (DNS): "https://nope.invalid/" is not reachable — net::ERR_NAME_NOT_RESOLVED',
    );
    expect(
      unreachableMessage('http://localhost:3000/', [
        failure('refused', 'net::ERR_CONNECTION_REFUSED\nCall log: …', 'http://localhost:3000/'),
      ]),
    ).toBe('Connection refused by localhost:3000 — is the app running? (net::ERR_CONNECTION_REFUSED)');
    expect(
      unreachableMessage('https://self.test/', [failure('tls', 'net::ERR_CERT_DATE_INVALID', 'https://self.test/')]),
    ).toMatch(/^TLS\/certificate error connecting to self\.test:443 — net::ERR_CERT_DATE_INVALID$/);
    expect(
      unreachableMessage('http://slow.test/', [failure('timeout', 'Timeout 15000ms exceeded.', 'http://slow.test/')]),
    ).toMatch(/^Timed out loading "http:\/\/slow\.test\/"/);
    expect(unreachableMessage('http://a.test/', [])).toContain('"http://a.test/"');
  });
});
