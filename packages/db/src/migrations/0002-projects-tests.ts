import { sql, type Kysely } from 'kysely';
import { BOOL, INT, JSON_TEXT, REAL, TEXT, TIMESTAMP, notNull, type Migration } from './helpers.js';

/** Projects (the apps under test) and the tests written for them. */
export const projectsAndTests: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('projects')
      .addColumn('id', TEXT, (col) => col.primaryKey())
      .addColumn('workspaceId', TEXT, (col) => col.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('name', TEXT, notNull)
      .addColumn('url', TEXT, notNull)
      .addColumn('credentials', JSON_TEXT)
      .addColumn('status', TEXT, (col) => col.notNull().defaultTo('idle'))
      .addColumn('createdAt', TIMESTAMP, notNull)
      .addColumn('updatedAt', TIMESTAMP, notNull)
      .addColumn('deletedAt', TIMESTAMP)
      .execute();
    // Lists are "live rows of one workspace/project, newest first". Partial indexes over the live
    // rows serve both the filter and the order, so a page never sorts the table. (A plain index
    // led by deleted_at does not: PostgreSQL does not treat `IS NULL` as fixing the column, so
    // it sorted 100 000 rows for every page.)
    await db.schema
      .createIndex('projects_workspace_live_newest')
      .on('projects')
      .columns(['workspaceId', 'createdAt', 'id'])
      .where(sql.ref('deletedAt'), 'is', null)
      .execute();

    await db.schema
      .createTable('tests')
      .addColumn('id', TEXT, (col) => col.primaryKey())
      .addColumn('projectId', TEXT, (col) => col.notNull().references('projects.id').onDelete('cascade'))
      .addColumn('workspaceId', TEXT, notNull)
      .addColumn('name', TEXT, notNull)
      .addColumn('description', TEXT, (col) => col.notNull().defaultTo(''))
      .addColumn('steps', JSON_TEXT, (col) => col.notNull().defaultTo('[]'))
      .addColumn('playwrightCode', TEXT)
      .addColumn('playwrightCodePrev', TEXT)
      .addColumn('priority', TEXT, (col) => col.notNull().defaultTo('medium'))
      .addColumn('type', TEXT, (col) => col.notNull().defaultTo('manual'))
      .addColumn('scenario', TEXT)
      .addColumn('sourceUrl', TEXT)
      .addColumn('pageTitle', TEXT)
      .addColumn('reviewStatus', TEXT, (col) => col.notNull().defaultTo('draft'))
      .addColumn('reviewedAt', TIMESTAMP)
      .addColumn('lastRunAt', TIMESTAMP)
      .addColumn('lastResult', TEXT)
      .addColumn('codeRegeneratedAt', TIMESTAMP)
      .addColumn('aiFixAppliedAt', TIMESTAMP)
      .addColumn('qualityScore', REAL)
      .addColumn('isJourneyTest', BOOL, (col) => col.notNull().defaultTo(0))
      .addColumn('journeyType', TEXT)
      .addColumn('assertionEnhanced', BOOL, (col) => col.notNull().defaultTo(0))
      .addColumn('promptVersion', TEXT)
      .addColumn('modelUsed', TEXT)
      .addColumn('linkedIssueKey', TEXT)
      .addColumn('tags', JSON_TEXT, (col) => col.notNull().defaultTo('[]'))
      .addColumn('generatedFrom', TEXT)
      .addColumn('isApiTest', BOOL)
      .addColumn('codeVersion', INT, (col) => col.notNull().defaultTo(1))
      .addColumn('isStale', BOOL, (col) => col.notNull().defaultTo(0))
      .addColumn('flakyScore', REAL, (col) => col.notNull().defaultTo(0))
      .addColumn('createdAt', TIMESTAMP, notNull)
      .addColumn('updatedAt', TIMESTAMP, notNull)
      .addColumn('deletedAt', TIMESTAMP)
      .execute();
    await db.schema
      .createIndex('tests_project_live_newest')
      .on('tests')
      .columns(['projectId', 'createdAt', 'id'])
      .where(sql.ref('deletedAt'), 'is', null)
      .execute();
    await db.schema.createIndex('tests_workspace').on('tests').columns(['workspaceId', 'deletedAt']).execute();
    // Covers the review counts of a project (status, last result, API or UI, stale) without
    // touching the table rows: the counts endpoint reads the index alone.
    await db.schema
      .createIndex('tests_project_review')
      .on('tests')
      .columns(['projectId', 'reviewStatus', 'lastResult', 'generatedFrom', 'isStale'])
      .where(sql.ref('deletedAt'), 'is', null)
      .execute();
  },
};
