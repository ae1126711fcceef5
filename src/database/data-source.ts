import 'reflect-metadata';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { DatabaseConfig } from '../config/database.config';
import { SnakeNamingStrategy } from './snake-naming.strategy';

const entities = [join(__dirname, '..', '**', '*.entity.{ts,js}')];

/** Options shared by the app (TypeOrmModule) and the migration commands, so both see one schema. */
export function buildDataSourceOptions(config: DatabaseConfig): DataSourceOptions {
  const common = {
    entities,
    synchronize: false,
    migrationsRun: false, // run under a lock by MigrationsService, never concurrently
    migrationsTableName: 'migrations',
    namingStrategy: new SnakeNamingStrategy(),
    logging: false, // TypeORM would print failed queries with their parameters: personal data in logs
  };
  if (config.engine === 'postgres') {
    return {
      ...common,
      type: 'postgres',
      url: config.url,
      migrations: [join(__dirname, 'migrations', 'postgres', '*.{ts,js}')],
      poolSize: config.poolSize,
      // gen_random_uuid() is built into PostgreSQL 13+, so no extension (and no superuser) is needed.
      uuidExtension: 'pgcrypto',
      installExtensions: false,
      // A fixed-size pool (min = max): pg's default closes a connection after 10 s idle, and the first
      // requests after a lull then each wait for a new server process and re-prepare the hot statements on it
      // (a p99 of 110 ms at 500 checks/s after a 10 s pause, against 2.7 ms p50; bench/validations.bench.ts).
      extra: {
        connectionTimeoutMillis: config.healthTimeoutMs,
        application_name: 'family-card',
        min: config.poolSize,
      },
    };
  }
  mkdirSync(dirname(config.file), { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: config.file,
    migrations: [join(__dirname, 'migrations', 'sqlite', '*.{ts,js}')],
    enableWAL: true,
    timeout: config.busyTimeoutMs,
    prepareDatabase: (db: { pragma: (s: string) => unknown }) => {
      db.pragma('foreign_keys = ON');
      db.pragma(`busy_timeout = ${config.busyTimeoutMs}`);
      db.pragma('synchronous = NORMAL');
      // SQLite's default page cache is 2 MB; indexes on random UUIDs over millions of rows touch far more pages
      // than that, and every miss is a read (and later a write) of a 4 KB page. 64 MB keeps the hot pages in memory.
      db.pragma('cache_size = -65536');
    },
  };
}
