import type { Kysely, Selectable } from 'kysely';
import type { Database, UsersTable } from '../tables/index.js';

export type UserRow = Selectable<UsersTable>;

export interface NewUser {
  id: string;
  name: string;
  email: string;
  passwordHash: string | null;
  emailVerified: boolean;
  avatar?: string | null;
  createdAt: string;
}

/** User accounts and their OAuth links. E-mails are stored lower-cased and unique. */
export class UsersRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(user: NewUser): Promise<UserRow> {
    return this.db
      .insertInto('users')
      .values({
        id: user.id,
        name: user.name,
        email: user.email,
        passwordHash: user.passwordHash,
        avatar: user.avatar ?? null,
        emailVerified: user.emailVerified ? 1 : 0,
        createdAt: user.createdAt,
        updatedAt: user.createdAt,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  findById(id: string): Promise<UserRow | undefined> {
    return this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  }

  findByEmail(email: string): Promise<UserRow | undefined> {
    return this.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
  }

  async update(
    id: string,
    changes: Partial<Pick<UserRow, 'name' | 'passwordHash' | 'avatar' | 'emailVerified'>>,
    at: string,
  ): Promise<void> {
    await this.db
      .updateTable('users')
      .set({ ...changes, updatedAt: at })
      .where('id', '=', id)
      .execute();
  }

  async findByOAuthKey(key: string): Promise<UserRow | undefined> {
    return this.db
      .selectFrom('oauth_ids')
      .innerJoin('users', 'users.id', 'oauth_ids.userId')
      .selectAll('users')
      .where('oauth_ids.key', '=', key)
      .executeTakeFirst();
  }

  /** (Re)points an OAuth identity at a user. */
  async linkOAuth(key: string, userId: string): Promise<void> {
    await this.db
      .insertInto('oauth_ids')
      .values({ key, userId })
      .onConflict((conflict) => conflict.column('key').doUpdateSet({ userId }))
      .execute();
  }
}
