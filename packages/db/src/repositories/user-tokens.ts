import type { Kysely } from 'kysely';
import type { Database } from '../tables/index.js';

export type UserTokenKind = 'verification' | 'password_reset';

const TABLES = { verification: 'verification_tokens', password_reset: 'password_reset_tokens' } as const;

/**
 * Single-use tokens e-mailed to users (verification, password reset). Only a digest of the token
 * is stored, so a copy of the database cannot be used to take over accounts.
 */
export class UserTokensRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Stores a new token and drops the user's other unused ones: only the newest link works. */
  async issue(
    kind: UserTokenKind,
    input: { digest: string; userId: string; email: string; expiresAt: string; createdAt: string },
  ): Promise<void> {
    const table = TABLES[kind];
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom(table).where('userId', '=', input.userId).where('usedAt', 'is', null).execute();
      await trx
        .insertInto(table)
        .values({
          token: input.digest,
          userId: input.userId,
          email: input.email,
          expiresAt: input.expiresAt,
          usedAt: null,
          createdAt: input.createdAt,
        })
        .execute();
    });
  }

  /**
   * Marks the token used if it is unused and unexpired, in one statement, so two concurrent
   * claims cannot both succeed. Returns the owner, or undefined when the token is not claimable.
   */
  async claim(
    kind: UserTokenKind,
    digest: string,
    now: string,
  ): Promise<{ userId: string; email: string | null } | undefined> {
    const table = TABLES[kind];
    return this.db
      .updateTable(table)
      .set({ usedAt: now })
      .where('token', '=', digest)
      .where('usedAt', 'is', null)
      .where('expiresAt', '>', now)
      .returning(['userId', 'email'])
      .executeTakeFirst();
  }

  async discardUnused(kind: UserTokenKind, userId: string): Promise<void> {
    await this.db.deleteFrom(TABLES[kind]).where('userId', '=', userId).where('usedAt', 'is', null).execute();
  }

  async purgeExpired(now: string): Promise<void> {
    for (const table of Object.values(TABLES)) await this.db.deleteFrom(table).where('expiresAt', '<=', now).execute();
  }
}
