import type { Kysely, Selectable } from 'kysely';
import type { Database, WebhookTokensTable } from '../tables/index.js';

export type TriggerTokenRow = Selectable<WebhookTokensTable>;

/** CI trigger tokens of a project; only their SHA-256 hashes are stored. */
export class TriggerTokensRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async create(row: TriggerTokenRow): Promise<void> {
    await this.db.insertInto('webhook_tokens').values(row).execute();
  }

  /** Newest first, hashes left out. */
  list(projectId: string): Promise<Omit<TriggerTokenRow, 'tokenHash'>[]> {
    return this.db
      .selectFrom('webhook_tokens')
      .select(['id', 'projectId', 'label', 'createdAt', 'lastUsedAt'])
      .where('projectId', '=', projectId)
      .orderBy('createdAt', 'desc')
      .orderBy('id', 'desc')
      .execute();
  }

  findByHash(tokenHash: string): Promise<TriggerTokenRow | undefined> {
    return this.db.selectFrom('webhook_tokens').selectAll().where('tokenHash', '=', tokenHash).executeTakeFirst();
  }

  async remove(projectId: string, id: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('webhook_tokens')
      .where('projectId', '=', projectId)
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async touch(id: string, at: string): Promise<void> {
    await this.db.updateTable('webhook_tokens').set({ lastUsedAt: at }).where('id', '=', id).execute();
  }
}
