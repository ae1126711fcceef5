import { ConfigService } from '@nestjs/config';
import { Command, CommandRunner } from 'nest-commander';
import type { DatabaseConfig } from '../../config/database.config';
import { withMigrationLock } from '../../database/migrations.service';
import { CliError } from '../cli-error';
import { migrationStates, withMigrationDataSource } from '../migration-data-source';
import { printLine } from '../output';

/** Undoes one migration. Any later start of the app (or `migrate`) applies it again. */
@Command({ name: 'migrate:revert', description: 'Undo the last applied migration' })
export class MigrateRevertCommand extends CommandRunner {
  constructor(private readonly config: ConfigService) {
    super();
  }

  async run(): Promise<void> {
    const reverted = await withMigrationDataSource(this.config.getOrThrow<DatabaseConfig>('database'), (ds) =>
      withMigrationLock(ds, async () => {
        const before = (await migrationStates(ds)).filter((m) => m.applied);
        if (before.length === 0) return null;
        await ds.undoLastMigration({ transaction: 'each' });
        const after = new Set((await migrationStates(ds)).filter((m) => m.applied).map((m) => m.name));
        return before.find((m) => !after.has(m.name))?.name ?? null;
      }),
    );
    if (!reverted) throw new CliError('No migration has been applied; nothing to revert.');
    printLine(`reverted ${reverted}`);
    printLine(
      'The app applies it again at its next start; deploy the previous version first if that is the aim.',
    );
  }
}
