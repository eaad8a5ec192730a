import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import type { DatabaseOptions } from '@sentri/db';

export type TestDialect = 'sqlite' | 'postgres';

/** The dialects this run can exercise: SQLite always, PostgreSQL when the setup provided one. */
export const DIALECTS: TestDialect[] = inject('postgresAdminUrl') ? ['sqlite', 'postgres'] : ['sqlite'];

export interface ScratchDatabase {
  options: DatabaseOptions;
  /** Where a SQLite file lives (for restart tests); undefined on PostgreSQL. */
  dataDir: string | undefined;
  /** A connection string for PostgreSQL, for tests that start the server with DATABASE_URL. */
  url: string | undefined;
  drop(): Promise<void>;
}

/** A fresh, empty database of the given dialect, isolated from every other test. */
export async function scratchDatabase(dialect: TestDialect): Promise<ScratchDatabase> {
  if (dialect === 'sqlite') {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sentri-test-'));
    return {
      options: { dialect, path: path.join(dataDir, 'sentri.db') },
      dataDir,
      url: undefined,
      drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const admin = inject('postgresAdminUrl');
  if (!admin) throw new Error('No PostgreSQL server for this test run.');
  const name = `sentri_${randomUUID().replaceAll('-', '')}`;
  await adminQuery(admin, `CREATE DATABASE ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    options: { dialect, url: url.toString(), poolSize: 10 },
    dataDir: undefined,
    url: url.toString(),
    drop: () => adminQuery(admin, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function adminQuery(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
