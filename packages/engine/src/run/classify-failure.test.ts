import { describe, expect, it } from 'vitest';
import { classifyFailure } from './classify-failure.js';

const error = (message: string, name = 'Error') => ({ name, message });

describe('a browser that dies under a test', () => {
  it('is BROWSER_CRASH, whatever call was waiting for it', () => {
    expect(classifyFailure('failed', error('page.goto: Page crashed\nCall log:\n  - navigating to "/hang"'))).toBe(
      'BROWSER_CRASH',
    );
    expect(classifyFailure('failed', error('page.goto: Target page, context or browser has been closed'))).toBe(
      'BROWSER_CRASH',
    );
    expect(classifyFailure('failed', error('locator.click: Target crashed'))).toBe('BROWSER_CRASH');
    expect(classifyFailure('failed', error('browserContext.newPage: Browser has been closed.'))).toBe('BROWSER_CRASH');
  });

  it('is not claimed for a test that ran out of time, nor for words deeper in a call log', () => {
    expect(classifyFailure('timedOut', error('page.goto: Target page, context or browser has been closed'))).toBe(
      'NAVIGATION_FAIL',
    );
    expect(classifyFailure('failed', error('page.goto: net::ERR_CONNECTION_REFUSED\nlog: Page crashed earlier'))).toBe(
      'NAVIGATION_FAIL',
    );
  });
});
