import { describe, expect, it } from 'vitest';
import { EXIT, EXIT_CODE_HELP, exitCodeForHttpStatus, exitCodeForRun } from './exit-codes.js';

describe('exit codes', () => {
  it('are distinct, documented once each, and keep their published numbers', () => {
    expect(EXIT).toEqual({
      OK: 0,
      TESTS_FAILED: 1,
      USAGE: 2,
      RUN_FAILED: 3,
      TIMEOUT: 4,
      AUTH: 5,
      API_ERROR: 6,
      UNREACHABLE: 7,
    });
    expect(EXIT_CODE_HELP.map(([code]) => code)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it.each([
    [401, EXIT.AUTH],
    [403, EXIT.AUTH],
    [400, EXIT.API_ERROR],
    [404, EXIT.API_ERROR],
    [409, EXIT.API_ERROR],
    [429, EXIT.API_ERROR],
    [500, EXIT.UNREACHABLE],
    [502, EXIT.UNREACHABLE],
    [503, EXIT.UNREACHABLE],
  ])('HTTP %d → %d', (status, code) => expect(exitCodeForHttpStatus(status)).toBe(code));

  it('maps how a run ended: test failures apart from a broken run', () => {
    expect(exitCodeForRun('completed', 0)).toBe(EXIT.OK);
    expect(exitCodeForRun('completed', 2)).toBe(EXIT.TESTS_FAILED);
    for (const status of ['failed', 'aborted', 'interrupted', 'something-new']) {
      expect(exitCodeForRun(status, 0)).toBe(EXIT.RUN_FAILED);
    }
  });
});
