import type { Kysely } from 'kysely';
import { JSON_TEXT, type Migration } from './helpers.js';

/**
 * What a crawl found (its site graph: pages and the links and actions between them) and what
 * generation cost (tokens and money per run). Generated tests keep their preconditions and test
 * data, which exports read.
 */
export const discovery: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('runs').addColumn('siteGraph', JSON_TEXT).execute();
    await db.schema.alterTable('runs').addColumn('tokenUsage', JSON_TEXT).execute();
    await db.schema.alterTable('tests').addColumn('preconditions', JSON_TEXT).execute();
    await db.schema.alterTable('tests').addColumn('testData', JSON_TEXT).execute();
  },
};
