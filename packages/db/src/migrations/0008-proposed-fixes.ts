import type { Kysely } from 'kysely';
import { TEXT, type Migration } from './helpers.js';

/**
 * A regenerated candidate for a failing test is a draft of its own that points at the test it
 * would replace: the approved original keeps running until someone reviews the proposal.
 */
export const proposedFixes: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('tests').addColumn('revisionOf', TEXT).execute();
  },
};
