import { Injectable } from '@nestjs/common';
import type BetterSqlite3 from 'better-sqlite3';
import type { Pool, PoolClient } from 'pg';
import { DataSource, EntityManager } from 'typeorm';

export type SqlValue = string | number | boolean | Date | null;

/**
 * One statement of the hot paths (a till's check and redemption), written once for both engines with
 * PostgreSQL's `$1, $2 …` placeholders. `name` must be unique: PostgreSQL prepares it under that name on each
 * connection, SQLite once per process.
 */
export interface SqlStatement {
  name: string;
  text: string;
  /** SQLite's text (`?` placeholders) and which parameter each `?` takes. */
  sqlite: { text: string; order: number[] };
}

export function sql(name: string, text: string): SqlStatement {
  const order: number[] = [];
  const sqliteText = text.replace(/\$(\d+)/g, (_, n: string) => (order.push(Number(n) - 1), '?'));
  return { name, text, sqlite: { text: sqliteText, order } };
}

/** SQLite's `datetime` text as TypeORM writes it (UTC, milliseconds), so both layers read each other's rows. */
const sqliteDateTime = (date: Date): string => date.toISOString().replace('T', ' ').slice(0, 23);

/** A timestamp read back: a Date from PostgreSQL, TypeORM's UTC text from SQLite. */
export function readDateTime(value: Date | string): Date;
export function readDateTime(value: Date | string | null): Date | null;
export function readDateTime(value: Date | string | null): Date | null {
  if (value === null || value instanceof Date) return value;
  return new Date(`${value.replace(' ', 'T')}Z`);
}

/** A JSON column read back: parsed by pg (jsonb), text on SQLite. */
export const readJson = <T>(value: T | string): T =>
  (typeof value === 'string' ? JSON.parse(value) : value) as T;

/**
 * SQL without the ORM for the few statements a till's check makes thousands of times a second: prepared once,
 * run on the connection of the given EntityManager (its transaction) or, without one, the pool. Everything else
 * goes through TypeORM; these statements read and write the same rows in the same formats.
 *
 * SQLite has one connection for the process: a write outside `TransactionService.run` would land in whatever
 * transaction is open on it, so writes go through `TransactionService.run` as TypeORM's do. Reads may run at any
 * time (and then see the open transaction's rows, as TypeORM's reads do).
 */
@Injectable()
export class RawSql {
  private readonly sqlite: BetterSqlite3.Database | null;
  private readonly prepared = new Map<string, BetterSqlite3.Statement>();

  constructor(private readonly dataSource: DataSource) {
    this.sqlite =
      dataSource.options.type === 'better-sqlite3'
        ? (dataSource.driver as unknown as { databaseConnection: BetterSqlite3.Database }).databaseConnection
        : null;
  }

  async rows<T>(em: EntityManager | null, statement: SqlStatement, params: SqlValue[] = []): Promise<T[]> {
    if (this.sqlite) return this.statement(statement).all(...this.sqliteParams(statement, params)) as T[];
    const result = await this.client(em).query({
      name: statement.name,
      text: statement.text,
      values: params,
    });
    return result.rows as T[];
  }

  async row<T>(
    em: EntityManager | null,
    statement: SqlStatement,
    params: SqlValue[] = [],
  ): Promise<T | null> {
    return (await this.rows<T>(em, statement, params))[0] ?? null;
  }

  /** A write; the number of rows it changed. */
  async run(em: EntityManager | null, statement: SqlStatement, params: SqlValue[] = []): Promise<number> {
    if (this.sqlite) return this.statement(statement).run(...this.sqliteParams(statement, params)).changes;
    const result = await this.client(em).query({
      name: statement.name,
      text: statement.text,
      values: params,
    });
    return result.rowCount ?? 0;
  }

  private statement(statement: SqlStatement): BetterSqlite3.Statement {
    let prepared = this.prepared.get(statement.name);
    if (!prepared) {
      prepared = this.sqlite!.prepare(statement.sqlite.text);
      this.prepared.set(statement.name, prepared);
    }
    return prepared;
  }

  private sqliteParams(statement: SqlStatement, params: SqlValue[]): unknown[] {
    return statement.sqlite.order.map((i) => {
      const value = params[i];
      if (value instanceof Date) return sqliteDateTime(value);
      if (typeof value === 'boolean') return value ? 1 : 0;
      return value;
    });
  }

  /** The transaction's connection when `em` has one, else the pool (which takes a connection per query). */
  private client(em: EntityManager | null): Pick<PoolClient, 'query'> {
    const connection = (em?.queryRunner as { databaseConnection?: PoolClient } | undefined)
      ?.databaseConnection;
    return connection ?? (this.dataSource.driver as unknown as { master: Pool }).master;
  }
}
