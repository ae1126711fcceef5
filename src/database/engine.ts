import { Column, ColumnOptions, CreateDateColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * Entities are shared by both engines, but a few column types differ (SQLite has no timestamptz or bigint
 * identity). The engine is fixed for the life of a process by DATABASE_URL, so it is read once here.
 */
export const isPostgres = (): boolean => /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '');

const timestampType = () => (isPostgres() ? 'timestamptz' : 'datetime');

export const TimestampColumn = (options: ColumnOptions = {}) => Column({ type: timestampType(), ...options });
export const CreatedAtColumn = () => CreateDateColumn({ type: timestampType(), name: 'created_at' });
export const UpdatedAtColumn = () => UpdateDateColumn({ type: timestampType(), name: 'updated_at' });
/** A 64-bit identity on PostgreSQL (tables that grow by millions a year); SQLite's rowid is 64-bit already. */
export const BigIdColumn = () =>
  isPostgres() ? PrimaryGeneratedColumn('identity', { type: 'bigint' }) : PrimaryGeneratedColumn('increment');
/** JSON kept as text on SQLite and jsonb on PostgreSQL, so the audit log can be queried by key there. */
export const JsonColumn = (options: ColumnOptions = {}) =>
  Column({ type: isPostgres() ? 'jsonb' : 'simple-json', ...options });
