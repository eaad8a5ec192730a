import type { Kysely } from 'kysely';
import { BOOL, INT, TEXT, TIMESTAMP, notNull, type Migration } from './helpers.js';

/** Users, their workspaces and the tokens that authenticate them. */
export const accounts: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('users')
      .addColumn('id', TEXT, (col) => col.primaryKey())
      .addColumn('name', TEXT, notNull)
      .addColumn('email', TEXT, (col) => col.notNull().unique())
      .addColumn('passwordHash', TEXT)
      .addColumn('role', TEXT, (col) => col.notNull().defaultTo('user'))
      .addColumn('avatar', TEXT)
      .addColumn('emailVerified', BOOL, (col) => col.notNull().defaultTo(0))
      .addColumn('createdAt', TIMESTAMP, notNull)
      .addColumn('updatedAt', TIMESTAMP, notNull)
      .execute();

    await db.schema
      .createTable('oauth_ids')
      .addColumn('key', TEXT, (col) => col.primaryKey())
      .addColumn('userId', TEXT, (col) => col.notNull().references('users.id').onDelete('cascade'))
      .execute();

    await db.schema
      .createTable('workspaces')
      .addColumn('id', TEXT, (col) => col.primaryKey())
      .addColumn('name', TEXT, notNull)
      .addColumn('slug', TEXT, (col) => col.notNull().unique())
      .addColumn('ownerId', TEXT, (col) => col.notNull().references('users.id').onDelete('cascade'))
      .addColumn('createdAt', TIMESTAMP, notNull)
      .addColumn('updatedAt', TIMESTAMP, notNull)
      .execute();

    await db.schema
      .createTable('workspace_members')
      .addColumn('id', TEXT, (col) => col.primaryKey())
      .addColumn('workspaceId', TEXT, (col) => col.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('userId', TEXT, (col) => col.notNull().references('users.id').onDelete('cascade'))
      .addColumn('role', TEXT, (col) => col.notNull().defaultTo('viewer'))
      .addColumn('joinedAt', TIMESTAMP, notNull)
      .addUniqueConstraint('workspace_members_workspace_user', ['workspaceId', 'userId'])
      .execute();
    await db.schema.createIndex('workspace_members_user').on('workspace_members').column('userId').execute();

    for (const table of ['password_reset_tokens', 'verification_tokens'] as const) {
      await db.schema
        .createTable(table)
        .addColumn('token', TEXT, (col) => col.primaryKey())
        .addColumn('userId', TEXT, (col) => col.notNull().references('users.id').onDelete('cascade'))
        .addColumn('email', TEXT)
        .addColumn('expiresAt', TIMESTAMP, notNull)
        .addColumn('usedAt', TIMESTAMP)
        .addColumn('createdAt', TIMESTAMP, notNull)
        .execute();
      await db.schema.createIndex(`${table}_user`).on(table).column('userId').execute();
    }

    // Revoked JWT ids live until the token would have expired anyway, so a revocation survives
    // a restart and every instance sees it.
    await db.schema
      .createTable('revoked_tokens')
      .addColumn('jti', TEXT, (col) => col.primaryKey())
      .addColumn('expiresAt', INT, notNull)
      .execute();
    await db.schema.createIndex('revoked_tokens_expires').on('revoked_tokens').column('expiresAt').execute();
  },
};
