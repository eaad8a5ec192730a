import type { Kysely } from 'kysely';
import { INT, type Migration } from './helpers.js';

/** Whether a visual regression fails the test (opt-in per project; otherwise it is reported only). */
export const visualOptIn: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('projects')
      .addColumn('failOnVisualRegression', INT, (col) => col.notNull().defaultTo(0))
      .execute();
  },
};
