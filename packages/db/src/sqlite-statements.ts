import type { Database as SqliteConnection, Statement } from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/**
 * The connection Kysely's SQLite driver talks to, with prepared statements kept by SQL text.
 * The driver prepares every query afresh; parsing and planning is a third of the cost of a
 * small indexed read, and an API serves the same few dozen statements over and over. Kept in
 * least-recently-used order and bounded, because statements with a row count in their text
 * (bulk inserts) are one-offs. A statement still being iterated by a stream is busy and cannot
 * be re-bound, so a busy hit gets a fresh, uncached statement.
 */
export function withStatementCache(connection: SqliteConnection, capacity = 256): SqliteDatabase {
  const statements = new Map<string, Statement>();
  return {
    close: () => {
      statements.clear();
      connection.close();
    },
    prepare(sql: string) {
      const cached = statements.get(sql);
      if (cached) {
        if (cached.busy) return connection.prepare(sql);
        statements.delete(sql);
        statements.set(sql, cached);
        return cached;
      }
      const statement = connection.prepare(sql);
      statements.set(sql, statement);
      if (statements.size > capacity) statements.delete(statements.keys().next().value as string);
      return statement;
    },
  };
}
