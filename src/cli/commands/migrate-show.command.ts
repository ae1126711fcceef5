import { ConfigService } from '@nestjs/config';
import { Command, CommandRunner } from 'nest-commander';
import type { DatabaseConfig } from '../../config/database.config';
import { migrationStates, withMigrationDataSource } from '../migration-data-source';
import { printLine } from '../output';

@Command({ name: 'migrate:show', description: 'List migrations: [x] applied, [ ] pending' })
export class MigrateShowCommand extends CommandRunner {
  constructor(private readonly config: ConfigService) {
    super();
  }

  async run(): Promise<void> {
    const states = await withMigrationDataSource(
      this.config.getOrThrow<DatabaseConfig>('database'),
      migrationStates,
    );
    for (const m of states) printLine(`[${m.applied ? 'x' : ' '}] ${m.name}`);
    const pending = states.filter((m) => !m.applied).length;
    printLine(`${states.length - pending} applied, ${pending} pending.`);
  }
}
