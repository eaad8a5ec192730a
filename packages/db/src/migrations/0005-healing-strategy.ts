import type { Kysely } from 'kysely';
import { TEXT, type Migration } from './helpers.js';

/**
 * Healing memory names the winning strategy (`role:button`, `fingerprint`, …) instead of only its
 * index in a waterfall: an index means something else as soon as the waterfall's order changes.
 */
export const healingStrategy: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('healing_history').addColumn('strategy', TEXT).execute();
  },
};
