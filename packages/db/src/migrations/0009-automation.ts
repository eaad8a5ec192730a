import type { Kysely } from 'kysely';
import { BOOL, INT, TEXT, TIMESTAMP, addSerialId, notNull, type Migration } from './helpers.js';

/**
 * What runs without a person: schedules that fire once however many processes share the
 * database, notifications whose every delivery attempt is kept, and runs that remember who
 * started them (a user, a schedule, a CI token) and where to report back.
 */
export const automation: Migration = {
  async up(db: Kysely<unknown>, dialect) {
    await db.schema.alterTable('notification_settings').addColumn('slackWebhookUrl', TEXT).execute();
    await db.schema.alterTable('runs').addColumn('origin', TEXT).execute();
    await db.schema.alterTable('runs').addColumn('callbackUrl', TEXT).execute();

    // One row per due time of a recurring job: inserting it is the claim (the primary key lets
    // exactly one process win), and the row then says what became of that tick.
    await db.schema
      .createTable('job_ticks')
      .addColumn('job', TEXT, notNull)
      .addColumn('dueAt', TIMESTAMP, notNull)
      .addColumn('projectId', TEXT)
      .addColumn('outcome', TEXT, notNull)
      .addColumn('runId', TEXT)
      .addColumn('detail', TEXT)
      .addColumn('claimedBy', TEXT, notNull)
      .addColumn('createdAt', TIMESTAMP, notNull)
      .addPrimaryKeyConstraint('job_ticks_pk', ['job', 'dueAt'])
      .execute();
    await db.schema.createIndex('job_ticks_project').on('job_ticks').columns(['projectId', 'dueAt']).execute();

    await addSerialId(db.schema.createTable('notification_deliveries'), dialect)
      .addColumn('runId', TEXT, (col) => col.notNull().references('runs.id').onDelete('cascade'))
      .addColumn('projectId', TEXT, notNull)
      .addColumn('channel', TEXT, notNull)
      .addColumn('target', TEXT, notNull)
      .addColumn('ok', BOOL, notNull)
      .addColumn('status', INT)
      .addColumn('error', TEXT)
      .addColumn('durationMs', INT, notNull)
      .addColumn('createdAt', TIMESTAMP, notNull)
      .execute();
    await db.schema
      .createIndex('notification_deliveries_project')
      .on('notification_deliveries')
      .columns(['projectId', 'createdAt'])
      .execute();
  },
};
