import type { Kysely, Selectable } from 'kysely';
import type { Database, HealingHistoryTable } from '../tables/index.js';

/** The runtime's waterfall generation; recorded so old indexes can be told apart. */
const STRATEGY_VERSION = '1';

export type HealingRow = Selectable<HealingHistoryTable>;

export interface HealingOutcome {
  key: string;
  testId: string;
  strategy: string;
  strategyIndex: number;
  failed: boolean;
  /** JSON: fingerprint and the evidence of the last heal. */
  evidence: string | null;
  at: string;
}

/**
 * Healing memory: per element (`<testId>::<action>::<label>`), the strategy that last found it
 * and the element's fingerprint. A success resets the failure count, so a hint that recovers is
 * trusted again (upstream kept counting failures forever and ignored the hint for good).
 */
export class HealingRepository {
  constructor(private readonly db: Kysely<Database>) {}

  forTests(testIds: string[]): Promise<HealingRow[]> {
    if (testIds.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('healing_history').selectAll().where('testId', 'in', testIds).execute();
  }

  async record(outcome: HealingOutcome): Promise<void> {
    const { key, testId, strategy, strategyIndex, failed, evidence, at } = outcome;
    if (failed) {
      await this.db
        .insertInto('healing_history')
        .values({
          key,
          testId,
          strategyIndex: -1,
          strategy: null,
          strategyVersion: null,
          failCount: 1,
          evidence,
          updatedAt: at,
        })
        .onConflict((conflict) =>
          conflict
            .column('key')
            .doUpdateSet((eb) => ({ failCount: eb('healing_history.failCount', '+', 1), updatedAt: at })),
        )
        .execute();
      return;
    }
    const values = {
      strategyIndex,
      strategy,
      strategyVersion: STRATEGY_VERSION,
      succeededAt: at,
      failCount: 0,
      evidence,
      updatedAt: at,
    };
    await this.db
      .insertInto('healing_history')
      .values({ key, testId, ...values })
      .onConflict((conflict) => conflict.column('key').doUpdateSet(values))
      .execute();
  }
}
