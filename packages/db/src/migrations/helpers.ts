import type { ColumnDefinitionBuilder, CreateTableBuilder, Kysely } from 'kysely';

export type Dialect = 'sqlite' | 'postgres';

/**
 * Column types that mean the same on both dialects. Timestamps are ISO-8601 UTC strings with
 * milliseconds (they sort lexically and read identically everywhere), JSON is text, booleans
 * are 0/1 integers — so one repository works unchanged on SQLite and PostgreSQL.
 */
export const TEXT = 'text';
export const INT = 'integer';
export const REAL = 'real';
export const TIMESTAMP = 'text';
export const JSON_TEXT = 'text';
export const BOOL = 'integer';

/** An auto-incrementing integer primary key on either dialect. */
export function addSerialId<T extends string>(
  table: CreateTableBuilder<T, never>,
  dialect: Dialect,
): CreateTableBuilder<T, 'id'> {
  return dialect === 'postgres'
    ? table.addColumn('id', INT, (col) => col.primaryKey().generatedByDefaultAsIdentity())
    : table.addColumn('id', INT, (col) => col.primaryKey().autoIncrement());
}

export const notNull = (col: ColumnDefinitionBuilder) => col.notNull();

export interface Migration {
  up(db: Kysely<unknown>, dialect: Dialect): Promise<void>;
}
