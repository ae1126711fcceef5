import Database from 'better-sqlite3';
import { join } from 'node:path';
import { Client } from 'pg';
import type { ScratchDatabase } from './databases';

/**
 * A connection of its own to a test database, to watch and check it from outside the process under test.
 * SQL without parameters, written for both engines.
 */
export interface Probe {
  rows<T = Record<string, unknown>>(sql: string): Promise<T[]>;
  /** The first column of the first row, as a number (PostgreSQL returns count(*) as a string). */
  number(sql: string): Promise<number>;
  close(): Promise<void>;
}

export const sqliteFileOf = (db: ScratchDatabase) => join(db.dataDir, 'family-card.sqlite');

export async function openProbe(db: ScratchDatabase): Promise<Probe> {
  if (db.env.DATABASE_URL) {
    const client = new Client({ connectionString: db.env.DATABASE_URL });
    await client.connect();
    const rows = async <T>(sql: string) => (await client.query(sql)).rows as T[];
    return {
      rows,
      number: async (sql) => Number(Object.values((await rows<Record<string, unknown>>(sql))[0])[0]),
      close: () => client.end(),
    };
  }
  const sqlite = openSqlite(sqliteFileOf(db));
  const rows = async <T>(sql: string) => sqlite.prepare(sql).all() as T[];
  return {
    rows,
    number: async (sql) => Number(Object.values((await rows<Record<string, unknown>>(sql))[0])[0]),
    close: async () => void sqlite.close(),
  };
}

/** A file the service is writing: wait for its write lock rather than fail. */
export function openSqlite(file: string): Database.Database {
  const db = new Database(file, { fileMustExist: true, timeout: 10_000 });
  db.pragma('busy_timeout = 10000');
  return db;
}
