import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { withStatementCache } from '../src/sqlite-statements.js';

describe('SQLite statement cache', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

  function open() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sentri-stmt-'));
    const connection = new SqliteDatabase(path.join(dir, 'db.sqlite'));
    connection.exec('create table items (id integer primary key, name text)');
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    return connection;
  }

  it('prepares a statement once and answers each execution with its own parameters', () => {
    const connection = open();
    const cached = withStatementCache(connection);
    cached.prepare('insert into items (name) values (?)').run(['a']);
    cached.prepare('insert into items (name) values (?)').run(['b']);
    const select = cached.prepare('select name from items where id = ?');
    expect(cached.prepare('select name from items where id = ?')).toBe(select);
    expect(select.all([1])).toEqual([{ name: 'a' }]);
    expect(cached.prepare('select name from items where id = ?').all([2])).toEqual([{ name: 'b' }]);
    cached.close();
    expect(connection.open).toBe(false);
  });

  it('hands out a fresh statement while the cached one is still being iterated', () => {
    const cached = withStatementCache(open());
    for (const name of ['a', 'b', 'c']) cached.prepare('insert into items (name) values (?)').run([name]);
    const all = 'select name from items order by id';
    const names: string[] = [];
    for (const row of cached.prepare(all).iterate([]) as Iterable<{ name: string }>) {
      names.push(row.name, ...(cached.prepare(all).all([]) as { name: string }[]).map((inner) => inner.name));
    }
    expect(names).toEqual(['a', 'a', 'b', 'c', 'b', 'a', 'b', 'c', 'c', 'a', 'b', 'c']);
  });

  it('keeps at most its capacity, dropping the least recently used', () => {
    const cached = withStatementCache(open(), 2);
    const first = cached.prepare('select 1');
    const two = cached.prepare('select 2');
    expect(cached.prepare('select 1')).toBe(first); // now the most recent
    cached.prepare('select 3'); // evicts "select 2"
    expect(cached.prepare('select 1')).toBe(first);
    expect(cached.prepare('select 2')).not.toBe(two);
  });

  it('follows schema changes made after a statement was cached', async () => {
    const db = new Kysely<{ items: { id: number; name: string } }>({
      dialect: new SqliteDialect({ database: withStatementCache(open()) }),
    });
    await db.insertInto('items').values({ id: 1, name: 'a' }).execute();
    const read = () => sql<Record<string, unknown>>`select * from items`.execute(db).then((result) => result.rows);
    expect(await read()).toEqual([{ id: 1, name: 'a' }]);
    await sql`alter table items add column size integer default 7`.execute(db);
    expect(await read()).toEqual([{ id: 1, name: 'a', size: 7 }]);
    await db.destroy();
  });
});
