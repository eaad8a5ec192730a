import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { CamelCasePlugin, Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database } from './tables/index.js';
import { migrateToLatest, type Dialect } from './migrations/index.js';
import { withStatementCache } from './sqlite-statements.js';

export type DatabaseOptions =
  { dialect: 'sqlite'; path: string } | { dialect: 'postgres'; url: string; poolSize?: number };

export interface DatabaseHandle {
  readonly db: Kysely<Database>;
  readonly dialect: Dialect;
  /** Round-trips a trivial query; throws when the database cannot be reached. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Opens the database, applies pending migrations and returns a handle the container owns. */
export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  const db = new Kysely<Database>({ dialect: createDialect(options), plugins: [new CamelCasePlugin()] });
  try {
    await migrateToLatest(db as Kysely<unknown>, options.dialect);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  let closed = false;
  return {
    db,
    dialect: options.dialect,
    async ping() {
      await sql`select 1`.execute(db);
    },
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
    },
  };
}

function createDialect(options: DatabaseOptions) {
  if (options.dialect === 'sqlite') {
    fs.mkdirSync(path.dirname(options.path), { recursive: true });
    const connection = new SqliteDatabase(options.path);
    connection.pragma('journal_mode = WAL');
    connection.pragma('synchronous = NORMAL');
    connection.pragma('foreign_keys = ON');
    connection.pragma('busy_timeout = 5000');
    return new SqliteDialect({ database: withStatementCache(connection) });
  }
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    // COUNT(*) and other int8 values come back as strings by default; ours stay far below 2^53.
    types: {
      getTypeParser: (oid: number, format?: 'text' | 'binary') =>
        oid === pg.types.builtins.INT8 ? Number : pg.types.getTypeParser(oid, format as 'text'),
    },
  });
  // A client that loses its server must not take the process down: an idle one reports through
  // the pool, a busy one fails its query (the caller answers 503) and also emits 'error' itself.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  return new PostgresDialect({ pool });
}

/** Picks the dialect from configuration: a postgres:// URL wins over the SQLite file. */
export function databaseOptionsFrom(input: {
  databaseUrl: string | undefined;
  sqlitePath: string;
  pgPoolSize?: number;
}): DatabaseOptions {
  return input.databaseUrl
    ? { dialect: 'postgres', url: input.databaseUrl, poolSize: input.pgPoolSize ?? 10 }
    : { dialect: 'sqlite', path: input.sqlitePath };
}
