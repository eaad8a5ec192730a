import type { Kysely } from 'kysely';
import { BOOL, INT, JSON_TEXT, TEXT, TIMESTAMP, notNull, type Migration } from './helpers.js';

/** Activity trail, schedules, notifications, CI tokens, visual baselines, healing memory, settings, id counters. */
export const platform: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('activities')
      .addColumn('id', TEXT, (col) => col.primaryKey())
      .addColumn('workspaceId', TEXT)
      .addColumn('type', TEXT, notNull)
      .addColumn('projectId', TEXT)
      .addColumn('projectName', TEXT)
      .addColumn('testId', TEXT)
      .addColumn('testName', TEXT)
      .addColumn('detail', TEXT)
      .addColumn('status', TEXT, (col) => col.notNull().defaultTo('completed'))
      .addColumn('userId', TEXT)
      .addColumn('userName', TEXT)
      .addColumn('createdAt', TIMESTAMP, notNull)
      .execute();
    await db.schema
      .createIndex('activities_workspace')
      .on('activities')
      .columns(['workspaceId', 'createdAt'])
      .execute();

    await db.schema
      .createTable('schedules')
      .addColumn('id', TEXT, (col) => col.primaryKey())
      .addColumn('projectId', TEXT, (col) => col.notNull().unique().references('projects.id').onDelete('cascade'))
      .addColumn('cronExpr', TEXT, notNull)
      .addColumn('timezone', TEXT, (col) => col.notNull().defaultTo('UTC'))
      .addColumn('enabled', BOOL, (col) => col.notNull().defaultTo(1))
      .addColumn('lastRunAt', TIMESTAMP)
      .addColumn('nextRunAt', TIMESTAMP)
      .addColumn('createdAt', TIMESTAMP, notNull)
      .addColumn('updatedAt', TIMESTAMP, notNull)
      .execute();

    await db.schema
      .createTable('notification_settings')
      .addColumn('id', TEXT, (col) => col.primaryKey())
      .addColumn('projectId', TEXT, (col) => col.notNull().unique().references('projects.id').onDelete('cascade'))
      .addColumn('teamsWebhookUrl', TEXT)
      .addColumn('emailRecipients', TEXT)
      .addColumn('webhookUrl', TEXT)
      .addColumn('enabled', BOOL, (col) => col.notNull().defaultTo(1))
      .addColumn('createdAt', TIMESTAMP, notNull)
      .addColumn('updatedAt', TIMESTAMP, notNull)
      .execute();

    await db.schema
      .createTable('webhook_tokens')
      .addColumn('id', TEXT, (col) => col.primaryKey())
      .addColumn('projectId', TEXT, (col) => col.notNull().references('projects.id').onDelete('cascade'))
      .addColumn('tokenHash', TEXT, (col) => col.notNull().unique())
      .addColumn('label', TEXT)
      .addColumn('createdAt', TIMESTAMP, notNull)
      .addColumn('lastUsedAt', TIMESTAMP)
      .execute();

    await db.schema
      .createTable('baseline_screenshots')
      .addColumn('testId', TEXT, notNull)
      .addColumn('stepNumber', INT, notNull)
      .addColumn('browser', TEXT, (col) => col.notNull().defaultTo('chromium'))
      .addColumn('imagePath', TEXT, notNull)
      .addColumn('width', INT, notNull)
      .addColumn('height', INT, notNull)
      .addColumn('createdAt', TIMESTAMP, notNull)
      .addColumn('updatedAt', TIMESTAMP, notNull)
      .addPrimaryKeyConstraint('baseline_screenshots_pk', ['testId', 'stepNumber', 'browser'])
      .execute();

    await db.schema
      .createTable('healing_history')
      .addColumn('key', TEXT, (col) => col.primaryKey())
      .addColumn('testId', TEXT, notNull)
      .addColumn('strategyIndex', INT, (col) => col.notNull().defaultTo(-1))
      .addColumn('strategyVersion', TEXT)
      .addColumn('succeededAt', TIMESTAMP)
      .addColumn('failCount', INT, (col) => col.notNull().defaultTo(0))
      .addColumn('evidence', JSON_TEXT)
      .addColumn('updatedAt', TIMESTAMP, notNull)
      .execute();
    await db.schema.createIndex('healing_history_test').on('healing_history').column('testId').execute();

    // Settings a user changes in the UI (AI keys, notification targets), scoped to a workspace;
    // `__global__` holds server-wide values. Secret values are encrypted by the service.
    await db.schema
      .createTable('settings')
      .addColumn('scope', TEXT, notNull)
      .addColumn('key', TEXT, notNull)
      .addColumn('value', JSON_TEXT, notNull)
      .addColumn('updatedAt', TIMESTAMP, notNull)
      .addPrimaryKeyConstraint('settings_pk', ['scope', 'key'])
      .execute();

    await db.schema
      .createTable('counters')
      .addColumn('name', TEXT, (col) => col.primaryKey())
      .addColumn('value', INT, notNull)
      .execute();
  },
};
