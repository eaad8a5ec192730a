import type { Kysely } from 'kysely';
import type { Database } from '../tables/index.js';

/** Key/value settings per scope (a workspace id). Values are opaque strings; secrets arrive sealed. */
export class SettingsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async all(scope: string): Promise<Map<string, string>> {
    const rows = await this.db.selectFrom('settings').select(['key', 'value']).where('scope', '=', scope).execute();
    return new Map(rows.map((row) => [row.key, row.value]));
  }

  async put(scope: string, key: string, value: string, at: string): Promise<void> {
    await this.db
      .insertInto('settings')
      .values({ scope, key, value, updatedAt: at })
      .onConflict((conflict) => conflict.columns(['scope', 'key']).doUpdateSet({ value, updatedAt: at }))
      .execute();
  }

  async remove(scope: string, key: string): Promise<void> {
    await this.db.deleteFrom('settings').where('scope', '=', scope).where('key', '=', key).execute();
  }
}
