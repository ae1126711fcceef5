import { ConfigService } from '@nestjs/config';
import { Command, CommandRunner } from 'nest-commander';
import type { DatabaseConfig } from '../../config/database.config';
import { runPendingMigrations } from '../../database/migrations.service';
import { withMigrationDataSource } from '../migration-data-source';
import { printLine } from '../output';

@Command({ name: 'migrate', description: 'Apply pending database migrations' })
export class MigrateCommand extends CommandRunner {
  constructor(private readonly config: ConfigService) {
    super();
  }

  async run(): Promise<void> {
    const applied = await withMigrationDataSource(this.config.getOrThrow<DatabaseConfig>('database'), (ds) =>
      runPendingMigrations(ds),
    );
    if (applied.length === 0) printLine('Nothing pending: the database is up to date.');
    for (const name of applied) printLine(`applied ${name}`);
  }
}
