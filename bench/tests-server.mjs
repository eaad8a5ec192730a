#!/usr/bin/env node
/**
 * Benchmark target for bench/tests-scale.mjs: the real Sentri app (built `apps/server/dist`) on a
 * throw-away data dir, seeded with ONE project holding BENCH_TESTS (default 100 000) tests.
 *
 * Protocol: once listening, prints ONE JSON line on stdout
 * (`{"port":…,"dialect":…,"projectId":…,"token":…,"tests":…,"seedMs":…,"expected":{…},"newest":[…]}`);
 * logs go to stderr so stdout stays parseable. On SIGTERM/SIGINT it closes the app and the
 * container, removes what it created, exits 0.
 *
 * BENCH_SQL: optional `;`-separated statements run after seeding and before listening, for
 * experiments such as an extra index (`BENCH_SQL='create index … on tests (…)'`).
 * BENCH_ANALYZE=1: run ANALYZE after seeding on SQLite too. PostgreSQL always gets VACUUM ANALYZE
 * until every page is all-visible (statistics and the visibility map that index-only scans need),
 * which autovacuum does on its own shortly after such a bulk load; the app never runs ANALYZE on
 * SQLite. The ready line's `analyzed` says what was done.
 *
 * With DATABASE_URL set the container uses PostgreSQL; the seeded user is deleted on exit
 * (workspace, project and tests go with it by ON DELETE CASCADE) and the indexes BENCH_SQL
 * created (`create index NAME …`) are dropped, so repeated runs do not pile up.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { pino } from 'pino';
import { buildApp, createContainer } from '../apps/server/dist/app.js';
import { loadConfig } from '../apps/server/dist/config/index.js';
import { createdIndexNames, seedTests, settle, splitSql } from './tests-seed.mjs';

const TEST_COUNT = Number(process.env.BENCH_TESTS ?? 100_000);
if (!Number.isInteger(TEST_COUNT) || TEST_COUNT < 1) throw new Error(`BENCH_TESTS must be a positive integer`);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sentri-bench-tests-'));
// The general rate limit (300 per 15 min per address) would turn a benchmark into a 429 test.
const config = loadConfig({
  ...process.env,
  DATA_DIR: dataDir,
  LOG_LEVEL: 'warn',
  RATE_LIMIT_GENERAL: '1000000000/1m',
});
// pino defaults to stdout, which is our protocol channel.
const logger = pino({ level: config.log.level }, pino.destination(2));
const container = await createContainer(config, { logger });
const { db } = container.database;
const dialect = container.database.dialect;

const started = performance.now();
const seeded = await seedTests(db, TEST_COUNT);
const seedMs = Math.round(performance.now() - started);

const extraSql = splitSql(process.env.BENCH_SQL);
let app;

/** Removes what this process added to a (possibly shared) PostgreSQL; SQLite goes with dataDir. */
async function cleanup() {
  if (dialect !== 'postgres') return;
  // The user's deletion cascades to the workspace, its membership, the project and its tests.
  await db.deleteFrom('users').where('id', '=', seeded.userId).execute();
  for (const name of createdIndexNames(extraSql)) await sql`drop index if exists ${sql.id(name)}`.execute(db);
}

let ready;
try {
  // Done now rather than by autovacuum in the middle of a run (see settle in tests-seed.mjs).
  let analyzed = await settle(db, dialect, process.env.BENCH_ANALYZE === '1');
  for (const statement of extraSql) {
    logger.warn({ statement }, 'bench: extra SQL');
    await sql.raw(statement).execute(db);
  }
  if (extraSql.length > 0 && dialect === 'postgres') analyzed = await settle(db, dialect);

  // What was measured: the migrations are edited while benchmarks run, so list what is really there.
  const indexes = (
    dialect === 'postgres'
      ? await sql`select indexname as name, indexdef as definition from pg_indexes where tablename = 'tests'`.execute(
          db,
        )
      : await sql`select name, sql as definition from sqlite_master where type = 'index' and tbl_name = 'tests'`.execute(
          db,
        )
  ).rows.sort((a, b) => a.name.localeCompare(b.name));

  // A real session for the admin member, exactly what a browser or the CLI would present.
  const { token } = await container.services.sessions.issue(
    { id: seeded.userId, email: 'bench@bench.invalid', name: 'Bench' },
    seeded.workspaceId,
  );

  app = await buildApp(container);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = /** @type {import('node:net').AddressInfo} */ (app.server.address());
  ready = {
    port,
    dialect,
    projectId: seeded.projectId,
    token,
    tests: TEST_COUNT,
    seedMs,
    analyzed,
    extraSql,
    indexes,
    expected: seeded.expected,
    newest: seeded.newest,
    pid: process.pid,
  };
} catch (error) {
  logger.error({ err: error }, 'bench server: start-up failed');
  await app?.close().catch(() => undefined);
  await cleanup().catch((err) => logger.error({ err }, 'bench server: cleanup failed'));
  await container.close().catch(() => undefined);
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(1);
}
process.stdout.write(`${JSON.stringify(ready)}\n`);

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  let code = 0;
  try {
    await app.close();
    await cleanup();
    await container.close();
  } catch (error) {
    logger.error({ err: error }, 'bench server: shutdown failed');
    code = 1;
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  process.exit(code);
}
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());
