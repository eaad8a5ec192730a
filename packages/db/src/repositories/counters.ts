import { sql, type Kysely } from 'kysely';
import { formatId, type CounterName } from '@sentri/core';
import type { Database } from '../tables/index.js';

/**
 * Named counters behind the human-readable ids. One upsert statement both creates and bumps
 * the counter, so two concurrent callers can never read the same value on either dialect, and
 * values are never handed back (a failed insert burns its number).
 */
export class CountersRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async next(name: CounterName): Promise<number> {
    const row = await this.db
      .insertInto('counters')
      .values({ name, value: 1 })
      .onConflict((conflict) => conflict.column('name').doUpdateSet({ value: sql<number>`counters.value + 1` }))
      .returning('value')
      .executeTakeFirstOrThrow();
    return Number(row.value);
  }

  /** The next id for an entity, e.g. `PRJ-7`. */
  async nextId(name: CounterName): Promise<string> {
    return formatId(name, await this.next(name));
  }

  async current(name: CounterName): Promise<number> {
    const row = await this.db.selectFrom('counters').select('value').where('name', '=', name).executeTakeFirst();
    return row ? Number(row.value) : 0;
  }
}
