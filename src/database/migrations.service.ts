import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';

// Any constant works; it only has to be the same for every instance of family-card on one database.
const MIGRATION_LOCK_KEY = 7_318_004_211;

/**
 * Runs schema work under a PostgreSQL advisory lock, so instances starting together and operator commands
 * (migrate, migrate:revert) never change the schema at the same time. SQLite needs no lock: one process.
 */
export async function withMigrationLock<T>(dataSource: DataSource, work: () => Promise<T>): Promise<T> {
  if (dataSource.options.type !== 'postgres') return work();
  const runner = dataSource.createQueryRunner();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    return await work();
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await runner.release();
  }
}

/** Applies pending migrations; an instance that waited for the lock then finds nothing left to do. */
export async function runPendingMigrations(
  dataSource: DataSource,
  logger: Pick<Logger, 'log'> = new Logger('Migrations'),
): Promise<string[]> {
  return withMigrationLock(dataSource, async () => {
    const done = await dataSource.runMigrations({ transaction: 'each' });
    for (const m of done) logger.log(`applied migration ${m.name}`);
    return done.map((m) => m.name);
  });
}
