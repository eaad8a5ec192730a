import { afterEach, describe, expect, it } from 'vitest';
import { CountersRepository, openDatabase, type DatabaseHandle } from '@sentri/db';
import { DIALECTS, scratchDatabase, type ScratchDatabase } from '../../../test-support/databases.js';

describe.each(DIALECTS)('CountersRepository on %s', (dialect) => {
  let scratch: ScratchDatabase;
  const handles: DatabaseHandle[] = [];
  const open = async () => {
    const handle = await openDatabase(scratch.options);
    handles.push(handle);
    return handle;
  };

  afterEach(async () => {
    await Promise.all(handles.splice(0).map((handle) => handle.close()));
    await scratch.drop();
  });

  it('hands out 1, 2, 3 … per counter, formatted as human-readable ids', async () => {
    scratch = await scratchDatabase(dialect);
    const counters = new CountersRepository((await open()).db);
    expect(await counters.nextId('project')).toBe('PRJ-1');
    expect(await counters.nextId('project')).toBe('PRJ-2');
    expect(await counters.nextId('test')).toBe('TC-1');
    expect(await counters.nextId('run')).toBe('RUN-1');
    expect(await counters.current('project')).toBe(2);
    expect(await counters.current('schedule')).toBe(0);
  });

  it('never hands out the same value twice under concurrent callers on separate connections', async () => {
    scratch = await scratchDatabase(dialect);
    const first = new CountersRepository((await open()).db);
    const second = new CountersRepository((await open()).db);
    const values = await Promise.all(
      Array.from({ length: 200 }, (_, index) => (index % 2 === 0 ? first : second).next('test')),
    );
    expect(new Set(values).size).toBe(200);
    expect(Math.min(...values)).toBe(1);
    expect(Math.max(...values)).toBe(200);
  });

  it('continues after the database is closed and reopened', async () => {
    scratch = await scratchDatabase(dialect);
    const before = await open();
    const counters = new CountersRepository(before.db);
    await counters.next('run');
    await counters.next('run');
    await before.close();
    const after = new CountersRepository((await open()).db);
    expect(await after.nextId('run')).toBe('RUN-3');
  });
});
