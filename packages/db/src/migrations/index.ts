import { CamelCasePlugin, Migrator, sql, type Kysely, type MigrationResultSet } from 'kysely';
import type { Dialect, Migration } from './helpers.js';
import { accounts } from './0001-accounts.js';
import { projectsAndTests } from './0002-projects-tests.js';
import { runs } from './0003-runs.js';
import { platform } from './0004-platform.js';
import { healingStrategy } from './0005-healing-strategy.js';
import { visualOptIn } from './0006-visual-opt-in.js';
import { discovery } from './0007-discovery.js';
import { proposedFixes } from './0008-proposed-fixes.js';
import { automation } from './0009-automation.js';

/** Ordered, append-only: never edit a migration that has shipped; add the next one. */
const MIGRATIONS: Record<string, Migration> = {
  '0001-accounts': accounts,
  '0002-projects-tests': projectsAndTests,
  '0003-runs': runs,
  '0004-platform': platform,
  '0005-healing-strategy': healingStrategy,
  '0006-visual-opt-in': visualOptIn,
  '0007-discovery': discovery,
  '0008-proposed-fixes': proposedFixes,
  '0009-automation': automation,
};

export class MigrationError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'MigrationError';
  }
}

/**
 * Brings the schema up to date. Safe to call from several processes at once.
 */
export async function migrateToLatest(db: Kysely<unknown>, dialect: Dialect): Promise<string[]> {
  if (dialect === 'postgres') return runMigrator(db, dialect);
  // Kysely neither locks nor wraps migrations in a transaction on SQLite. One IMMEDIATE
  // transaction does both: a second process waits (busy_timeout) and then finds the work done,
  // and a failed migration leaves no half-built schema behind.
  return db.connection().execute(async (connection) => {
    await sql`begin immediate`.execute(connection);
    try {
      const applied = await runMigrator(connection, dialect);
      await sql`commit`.execute(connection);
      return applied;
    } catch (error) {
      await sql`rollback`.execute(connection);
      throw error;
    }
  });
}

async function runMigrator(db: Kysely<unknown>, dialect: Dialect): Promise<string[]> {
  const camelCase = new CamelCasePlugin();
  const migrator = new Migrator({
    db: db.withoutPlugins(),
    provider: {
      getMigrations: async () =>
        Object.fromEntries(
          Object.entries(MIGRATIONS).map(([name, migration]) => [
            name,
            { up: (trx: Kysely<unknown>) => migration.up(trx.withPlugin(camelCase), dialect) },
          ]),
        ),
    },
  });
  const outcome: MigrationResultSet = await migrator.migrateToLatest();
  if (outcome.error) {
    const failed = outcome.results?.find((result) => result.status === 'Error')?.migrationName ?? 'unknown';
    throw new MigrationError(`Migration ${failed} failed: ${String(outcome.error)}`, { cause: outcome.error });
  }
  return (outcome.results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName);
}

export const MIGRATION_NAMES = Object.keys(MIGRATIONS);
export type { Dialect } from './helpers.js';
