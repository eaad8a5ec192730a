#!/usr/bin/env node
/**
 * Why is a tests list or the counts slow? Seeds the same 100 000 tests as bench/tests-server.mjs
 * into a throw-away database, runs the REAL repository methods (`TestsRepository.pageByProject`,
 * `.counts` from the built `@sentri/db`) with Kysely's query log on, and for every SQL statement
 * they issue prints the plan (`EXPLAIN QUERY PLAN` on SQLite, `EXPLAIN (ANALYZE, BUFFERS)` on
 * PostgreSQL) and its in-process latency (p50/p99 of sequential executions, no HTTP).
 *
 *   node bench/tests-explain.mjs                                  # SQLite
 *   DATABASE_URL=postgres://… node bench/tests-explain.mjs        # PostgreSQL
 *   BENCH_SQL='create index … on tests (…)' node bench/tests-explain.mjs   # an index experiment
 *
 * BENCH_TESTS (default 100 000), BENCH_REPEAT (default 50 executions per statement),
 * BENCH_ANALYZE=1 (ANALYZE on SQLite too; PostgreSQL always gets VACUUM ANALYZE, see settle()).
 * On PostgreSQL the seeded rows are deleted on exit and the BENCH_SQL indexes dropped
 * (`create index NAME …` only).
 */
import SqliteDatabase from 'better-sqlite3';
import { CamelCasePlugin, Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { migrateToLatest, TestsRepository } from '@sentri/db';
import { createdIndexNames, seedTests, settle, splitSql } from './tests-seed.mjs';

const COUNT = Number(process.env.BENCH_TESTS ?? 100_000);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 50);
const url = process.env.DATABASE_URL;
const dialect = url ? 'postgres' : 'sqlite';

/** @type {{ sql: string, parameters: readonly unknown[] }[]} */
const captured = [];
let capturing = false;
const log = (event) => {
  if (capturing && event.level === 'query') captured.push({ sql: event.query.sql, parameters: event.query.parameters });
};

let dataDir;
let sqlite;
let pool;
let dialectImpl;
if (dialect === 'sqlite') {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sentri-bench-explain-'));
  sqlite = new SqliteDatabase(path.join(dataDir, 'sentri.db'));
  // The same pragmas as packages/db/src/connect.ts.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  dialectImpl = new SqliteDialect({ database: sqlite });
} else {
  pool = new pg.Pool({
    connectionString: url,
    max: 2,
    types: {
      getTypeParser: (oid, format) => (oid === pg.types.builtins.INT8 ? Number : pg.types.getTypeParser(oid, format)),
    },
  });
  dialectImpl = new PostgresDialect({ pool });
}
const db = new Kysely({ dialect: dialectImpl, plugins: [new CamelCasePlugin()], log });
await migrateToLatest(db, dialect);

const started = performance.now();
const seeded = await seedTests(db, COUNT);
console.log(`${dialect}: seeded ${COUNT} tests in ${((performance.now() - started) / 1000).toFixed(1)} s`);
const extraSql = splitSql(process.env.BENCH_SQL);

const repo = new TestsRepository(db);
const { projectId } = seeded;
const TARGETS = [
  { name: 'counts', call: () => repo.counts(projectId) },
  { name: 'page 1', call: () => repo.pageByProject(projectId, {}, 50, 0) },
  { name: 'page 1000 (deep offset)', call: () => repo.pageByProject(projectId, {}, 50, 49_950) },
  { name: 'page 1 approved', call: () => repo.pageByProject(projectId, { reviewStatus: 'approved' }, 50, 0) },
];

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const ms = (value) => value.toFixed(2).padStart(8);

async function plan(statement) {
  if (dialect === 'sqlite') {
    const rows = sqlite.prepare(`explain query plan ${statement.sql}`).all(...statement.parameters);
    return rows.map((r) => `${r.parent === 0 ? '' : '  '}${r.detail}`).join('\n');
  }
  const { rows } = await pool.query(`explain (analyze, buffers) ${statement.sql}`, statement.parameters);
  return rows.map((r) => r['QUERY PLAN']).join('\n');
}

async function time(statement) {
  const samples = [];
  const once =
    dialect === 'sqlite'
      ? (() => {
          const prepared = sqlite.prepare(statement.sql);
          return async () => prepared.all(...statement.parameters);
        })()
      : async () => pool.query(statement.sql, statement.parameters);
  for (let i = 0; i < 3; i++) await once(); // caches settle
  for (let i = 0; i < REPEAT; i++) {
    const t = performance.now();
    await once();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p99: percentile(samples, 99) };
}

const summary = [];
try {
  console.log(`settled: ${await settle(db, dialect, process.env.BENCH_ANALYZE === '1')}`);
  for (const statement of extraSql) {
    const t = performance.now();
    await sql.raw(statement).execute(db);
    console.log(`extra SQL (${(performance.now() - t).toFixed(0)} ms): ${statement}`);
  }
  if (extraSql.length > 0 && dialect === 'postgres') console.log(`settled: ${await settle(db, dialect)}`);

  for (const target of TARGETS) {
    captured.length = 0;
    capturing = true;
    await target.call();
    capturing = false;
    console.log(`\n=== ${target.name} ===`);
    for (const statement of [...captured]) {
      const timing = await time(statement);
      console.log(`SQL: ${statement.sql}\nparams: ${JSON.stringify(statement.parameters)}`);
      console.log(`${(await plan(statement)).replace(/^/gm, '  | ')}`);
      console.log(`  in-process: p50 ${timing.p50.toFixed(2)} ms, p99 ${timing.p99.toFixed(2)} ms (${REPEAT} runs)\n`);
      summary.push({
        target: target.name,
        kind: /group by/i.test(statement.sql)
          ? 'group by'
          : /count\(\*\)/i.test(statement.sql)
            ? 'count(*)'
            : /sum\(/i.test(statement.sql)
              ? 'sums'
              : 'rows',
        ...timing,
      });
    }
  }
  console.log(`\n${dialect}${extraSql.length ? ` + ${JSON.stringify(extraSql)}` : ''}`);
  console.log(`${'target'.padEnd(26)}${'statement'.padEnd(10)}${'p50 ms'.padStart(8)}${'p99 ms'.padStart(8)}`);
  for (const s of summary) console.log(`${s.target.padEnd(26)}${s.kind.padEnd(10)}${ms(s.p50)}${ms(s.p99)}`);
} finally {
  if (dialect === 'postgres') {
    await db.deleteFrom('users').where('id', '=', seeded.userId).execute();
    for (const name of createdIndexNames(extraSql)) await sql`drop index if exists ${sql.id(name)}`.execute(db);
  }
  await db.destroy();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
}
