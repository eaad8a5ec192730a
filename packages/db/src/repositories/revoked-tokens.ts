import type { Kysely } from 'kysely';
import type { Database } from '../tables/index.js';

/**
 * Revoked session-token ids, kept until the token would have expired anyway. The database is
 * shared by every API process, so a revocation holds everywhere and survives restarts.
 */
export class RevokedTokensRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async revoke(jti: string, expiresAtSec: number, nowSec: number): Promise<void> {
    await this.db
      .insertInto('revoked_tokens')
      .values({ jti, expiresAt: expiresAtSec })
      .onConflict((conflict) => conflict.column('jti').doNothing())
      .execute();
    // Housekeeping rides along: expired entries can never match a valid token again.
    await this.db.deleteFrom('revoked_tokens').where('expiresAt', '<', nowSec).execute();
  }

  async isRevoked(jti: string): Promise<boolean> {
    const row = await this.db.selectFrom('revoked_tokens').select('jti').where('jti', '=', jti).executeTakeFirst();
    return row !== undefined;
  }
}
