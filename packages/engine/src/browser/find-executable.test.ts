import { describe, expect, it } from 'vitest';
import { CHROMIUM_CANDIDATES, findBrowserExecutable } from './find-executable.js';

describe('findBrowserExecutable', () => {
  it('uses the configured Chromium path when it exists, and reports it missing otherwise', () => {
    expect(findBrowserExecutable('chromium', '/opt/chrome', (file) => file === '/opt/chrome')).toEqual({
      engine: 'chromium',
      found: true,
      executablePath: '/opt/chrome',
    });
    expect(findBrowserExecutable('chromium', '/opt/chrome', () => false)).toEqual({
      engine: 'chromium',
      found: false,
      executablePath: null,
    });
  });

  it('falls back to the first distribution path that exists', () => {
    const second = CHROMIUM_CANDIDATES[1];
    expect(findBrowserExecutable('chromium', undefined, (file) => file === second).executablePath).toBe(second);
  });

  it('reports firefox and webkit found only when Playwright has a managed build', () => {
    expect(findBrowserExecutable('firefox', undefined, () => true).found).toBe(false);
    expect(
      findBrowserExecutable(
        'webkit',
        undefined,
        () => true,
        () => '/ms-playwright/webkit/pw_run.sh',
      ).found,
    ).toBe(true);
  });
});
