import { describe, expect, it } from 'vitest';
import { AppError, ERROR_CODES, formatId, parseId } from './index.js';

describe('AppError', () => {
  it('takes status and default message from the code table', () => {
    const error = new AppError('AUTH_REQUIRED');
    expect(error.status).toBe(401);
    expect(error.toBody()).toEqual({ error: 'Authentication required.', code: 'AUTH_REQUIRED' });
  });

  it('carries extra machine fields without letting them replace error or code', () => {
    const error = new AppError('REQUEST_VALIDATION_FAILED', 'body.name is required', {
      field: 'body.name',
      code: 'X',
      error: 'Y',
    });
    expect(error.toBody()).toEqual({
      field: 'body.name',
      error: 'body.name is required',
      code: 'REQUEST_VALIDATION_FAILED',
    });
  });

  it('has UPPER_SNAKE codes with an area prefix and HTTP error statuses', () => {
    for (const [code, { status }] of Object.entries(ERROR_CODES)) {
      expect(code).toMatch(/^[A-Z]+_[A-Z_]+$/);
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(600);
    }
  });
});

describe('human-readable ids', () => {
  it('formats and parses every counter', () => {
    expect(formatId('project', 7)).toBe('PRJ-7');
    expect(formatId('workspace_member', 3)).toBe('WM-3');
    expect(parseId('TC-42')).toEqual({ counter: 'test', value: 42 });
    expect(parseId('RUN-0')).toBeUndefined();
    expect(parseId('prj-1')).toBeUndefined();
    expect(parseId('XYZ-1')).toBeUndefined();
  });
});
