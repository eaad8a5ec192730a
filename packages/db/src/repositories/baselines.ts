import type { Kysely, Selectable } from 'kysely';
import type { BaselineScreenshotsTable, Database } from '../tables/index.js';

export type BaselineRow = Selectable<BaselineScreenshotsTable>;

/** Accepted screenshots per (test, step, browser) that later runs are compared with. */
export class BaselinesRepository {
  constructor(private readonly db: Kysely<Database>) {}

  list(testId: string, browser?: string): Promise<BaselineRow[]> {
    let query = this.db.selectFrom('baseline_screenshots').selectAll().where('testId', '=', testId);
    if (browser) query = query.where('browser', '=', browser);
    return query.orderBy('browser').orderBy('stepNumber').execute();
  }

  find(testId: string, stepNumber: number, browser: string): Promise<BaselineRow | undefined> {
    return this.db
      .selectFrom('baseline_screenshots')
      .selectAll()
      .where('testId', '=', testId)
      .where('stepNumber', '=', stepNumber)
      .where('browser', '=', browser)
      .executeTakeFirst();
  }

  async upsert(row: Omit<BaselineRow, 'createdAt' | 'updatedAt'>, at: string): Promise<void> {
    const { imagePath, width, height } = row;
    await this.db
      .insertInto('baseline_screenshots')
      .values({ ...row, createdAt: at, updatedAt: at })
      .onConflict((conflict) =>
        conflict.columns(['testId', 'stepNumber', 'browser']).doUpdateSet({ imagePath, width, height, updatedAt: at }),
      )
      .execute();
  }

  async remove(testId: string, stepNumber: number, browser: string): Promise<number> {
    const result = await this.db
      .deleteFrom('baseline_screenshots')
      .where('testId', '=', testId)
      .where('stepNumber', '=', stepNumber)
      .where('browser', '=', browser)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
