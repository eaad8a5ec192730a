import { sql, type Kysely } from 'kysely';
import {
  INT,
  JSON_TEXT,
  REAL,
  TEXT,
  TIMESTAMP,
  addSerialId,
  notNull,
  type Dialect,
  type Migration,
} from './helpers.js';

/** Runs (crawl, generate, test run, recording), their per-test results and their event log. */
export const runs: Migration = {
  async up(db: Kysely<unknown>, dialect: Dialect) {
    await db.schema
      .createTable('runs')
      .addColumn('id', TEXT, (col) => col.primaryKey())
      .addColumn('projectId', TEXT, (col) => col.notNull().references('projects.id').onDelete('cascade'))
      .addColumn('workspaceId', TEXT, notNull)
      .addColumn('type', TEXT, notNull)
      .addColumn('status', TEXT, notNull)
      .addColumn('triggeredBy', TEXT)
      .addColumn('startedAt', TIMESTAMP, notNull)
      .addColumn('finishedAt', TIMESTAMP)
      .addColumn('duration', INT)
      .addColumn('error', TEXT)
      .addColumn('errorCategory', TEXT)
      .addColumn('passed', INT)
      .addColumn('failed', INT)
      .addColumn('total', INT)
      .addColumn('pagesFound', INT)
      .addColumn('pages', JSON_TEXT, (col) => col.notNull().defaultTo('[]'))
      .addColumn('tests', JSON_TEXT, (col) => col.notNull().defaultTo('[]'))
      .addColumn('testQueue', JSON_TEXT)
      .addColumn('parallelWorkers', INT)
      .addColumn('browser', TEXT)
      .addColumn('networkCondition', TEXT)
      .addColumn('options', JSON_TEXT)
      .addColumn('retryCount', INT, (col) => col.notNull().defaultTo(0))
      .addColumn('failedAfterRetry', INT, (col) => col.notNull().defaultTo(0))
      .addColumn('tracePath', TEXT)
      .addColumn('videoPath', TEXT)
      .addColumn('videoSegments', JSON_TEXT, (col) => col.notNull().defaultTo('[]'))
      .addColumn('generateInput', JSON_TEXT)
      .addColumn('promptAudit', JSON_TEXT)
      .addColumn('pipelineStats', JSON_TEXT)
      .addColumn('feedbackLoop', JSON_TEXT)
      .addColumn('qualityAnalytics', JSON_TEXT)
      .addColumn('currentStep', INT, (col) => col.notNull().defaultTo(0))
      .addColumn('rateLimitError', TEXT)
      .addColumn('workerId', TEXT)
      .addColumn('heartbeatAt', TIMESTAMP)
      .addColumn('deletedAt', TIMESTAMP)
      .execute();
    await db.schema
      .createIndex('runs_project_live_newest')
      .on('runs')
      .columns(['projectId', 'startedAt', 'id'])
      .where(sql.ref('deletedAt'), 'is', null)
      .execute();
    // The database itself guarantees at most one active run per project, whatever the run type.
    await db.schema
      .createIndex('runs_one_active_per_project')
      .on('runs')
      .column('projectId')
      .unique()
      .where(sql.ref('status'), '=', 'running')
      .execute();

    await addSerialId(db.schema.createTable('run_results'), dialect)
      .addColumn('runId', TEXT, (col) => col.notNull().references('runs.id').onDelete('cascade'))
      .addColumn('position', INT, notNull)
      .addColumn('testId', TEXT, notNull)
      .addColumn('testName', TEXT, notNull)
      .addColumn('status', TEXT, notNull)
      .addColumn('durationMs', INT)
      .addColumn('error', TEXT)
      .addColumn('failureCategory', TEXT)
      .addColumn('retryCount', INT, (col) => col.notNull().defaultTo(0))
      .addColumn('browser', TEXT)
      .addColumn('startedAt', REAL)
      .addColumn('detail', JSON_TEXT, (col) => col.notNull().defaultTo('{}'))
      .addUniqueConstraint('run_results_run_position', ['runId', 'position'])
      .execute();
    await db.schema.createIndex('run_results_test').on('run_results').column('testId').execute();

    // Everything that happens in a run, in order; `seq` is the SSE event id used for replay.
    await addSerialId(db.schema.createTable('run_events'), dialect)
      .addColumn('runId', TEXT, (col) => col.notNull().references('runs.id').onDelete('cascade'))
      .addColumn('seq', INT, notNull)
      .addColumn('type', TEXT, notNull)
      .addColumn('level', TEXT)
      .addColumn('message', TEXT)
      .addColumn('data', JSON_TEXT)
      .addColumn('createdAt', TIMESTAMP, notNull)
      .addUniqueConstraint('run_events_run_seq', ['runId', 'seq'])
      .execute();
  },
};
