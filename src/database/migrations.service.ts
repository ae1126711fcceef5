import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';

// Any constant works; it only has to be the same for every instance of family-card on one database.
const MIGRATION_LOCK_KEY = 7_318_004_211;

/**
 * Applies pending migrations. On PostgreSQL several instances may start at once, so an advisory lock makes
 * the others wait and then find nothing left to do.
 */
export async function runPendingMigrations(
  dataSource: DataSource,
  logger: Pick<Logger, 'log'> = new Logger('Migrations'),
): Promise<string[]> {
  const isPg = dataSource.options.type === 'postgres';
  const runner = dataSource.createQueryRunner();
  try {
    if (isPg) await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const done = await dataSource.runMigrations({ transaction: 'each' });
    for (const m of done) logger.log(`applied migration ${m.name}`);
    return done.map((m) => m.name);
  } finally {
    if (isPg)
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await runner.release();
  }
}
