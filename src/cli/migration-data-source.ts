import { DataSource, MigrationExecutor } from 'typeorm';
import type { DatabaseConfig } from '../config/database.config';
import { buildDataSourceOptions } from '../database/data-source';

export interface MigrationState {
  name: string;
  timestamp: number;
  applied: boolean;
}

/**
 * The migrate commands open their own connection instead of the app's DatabaseModule, which applies pending
 * migrations as it connects: `migrate:show` would never see a pending one and `migrate:revert` would be undone
 * by the next command.
 */
export async function withMigrationDataSource<T>(
  config: DatabaseConfig,
  work: (dataSource: DataSource) => Promise<T>,
): Promise<T> {
  const dataSource = await new DataSource(buildDataSourceOptions(config)).initialize();
  try {
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

/** Every migration this version knows or the database has applied, oldest first. */
export async function migrationStates(dataSource: DataSource): Promise<MigrationState[]> {
  const executor = new MigrationExecutor(dataSource);
  const applied = await executor.getExecutedMigrations();
  const pending = await executor.getPendingMigrations();
  return [
    ...applied.map((m) => ({ name: m.name, timestamp: m.timestamp, applied: true })),
    ...pending.map((m) => ({ name: m.name, timestamp: m.timestamp, applied: false })),
  ].sort((a, b) => a.timestamp - b.timestamp);
}
