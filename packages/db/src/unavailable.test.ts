import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './unavailable.js';

const withProps = (message: string, props: Record<string, unknown>, name = 'Error') =>
  Object.assign(Object.defineProperty(new Error(message), 'name', { value: name }), props);

describe('isDatabaseUnavailable', () => {
  it('knows a locked SQLite file, a terminated or unreachable PostgreSQL, and a dropped connection', () => {
    expect(isDatabaseUnavailable(withProps('database is locked', { code: 'SQLITE_BUSY' }, 'SqliteError'))).toBe(true);
    expect(isDatabaseUnavailable(withProps('locked', { code: 'SQLITE_LOCKED_SHAREDCACHE' }, 'SqliteError'))).toBe(true);
    const terminated = withProps('terminating connection due to administrator command', {
      code: '57P01',
      severity: 'FATAL',
    });
    expect(isDatabaseUnavailable(terminated)).toBe(true);
    expect(
      isDatabaseUnavailable(withProps('the database system is starting up', { code: '57P03', severity: 'FATAL' })),
    ).toBe(true);
    expect(
      isDatabaseUnavailable(
        withProps('connect ECONNREFUSED 127.0.0.1:5432', { code: 'ECONNREFUSED', syscall: 'connect' }),
      ),
    ).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
  });

  it('leaves query mistakes and everything else a 500', () => {
    expect(
      isDatabaseUnavailable(withProps('UNIQUE constraint failed', { code: 'SQLITE_CONSTRAINT_UNIQUE' }, 'SqliteError')),
    ).toBe(false);
    expect(isDatabaseUnavailable(withProps('duplicate key', { code: '23505', severity: 'ERROR' }))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } }))).toBe(false);
    expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
    expect(isDatabaseUnavailable('SQLITE_BUSY')).toBe(false);
  });
});
