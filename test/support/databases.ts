import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

export const engine: 'sqlite' | 'postgres' = process.env.TEST_DB === 'postgres' ? 'postgres' : 'sqlite';
export const adminPgUrl = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A scratch database for one test app: a fresh PostgreSQL database or a fresh SQLite data folder. */
export interface ScratchDatabase {
  env: Record<string, string>;
  dataDir: string;
  drop(): Promise<void>;
}

export async function withPgAdmin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminPgUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export function pgUrlFor(database: string, base = adminPgUrl): string {
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function scratchDatabase(): Promise<ScratchDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'fc-test-'));
  if (engine === 'sqlite') {
    return {
      env: { DATA_DIR: dataDir },
      dataDir,
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const name = `fc_test_${randomBytes(6).toString('hex')}`;
  await withPgAdmin((c) => c.query(`CREATE DATABASE ${name}`));
  return {
    env: { DATA_DIR: dataDir, DATABASE_URL: pgUrlFor(name) },
    dataDir,
    drop: async () => {
      await withPgAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
