import { Module, Type } from '@nestjs/common';
import { CONFIG_MODULE, CORE_MODULES } from '../core-modules';
import { FamilyImportModule } from '../families/import/family-import.module';
import { PartnerImportModule } from '../partners/import/partner-import.module';
import { CommanderExitOverride } from './commander-exit';
import { BackupCommand } from './commands/backup.command';
import { CreateAdminCommand } from './commands/create-admin.command';
import { ImportFamiliesCommand } from './commands/import-families.command';
import { ImportPartnersCommand } from './commands/import-partners.command';
import { JobsRunCommand } from './commands/jobs-run.command';
import { KeysRotateCommand } from './commands/keys-rotate.command';
import { CardsPrintCommand } from './commands/cards-print.command';
import { MigrateRevertCommand } from './commands/migrate-revert.command';
import { MigrateShowCommand } from './commands/migrate-show.command';
import { MigrateCommand } from './commands/migrate.command';
import { UsersListCommand } from './commands/users-list.command';

// backup too: it must copy the database as it is, before an upgrade's migrations run.
const MIGRATION_COMMANDS = [MigrateCommand, MigrateShowCommand, MigrateRevertCommand, BackupCommand];

/** The application without HTTP: the same services, database and jobs as the server. */
@Module({
  imports: [...CORE_MODULES, FamilyImportModule, PartnerImportModule],
  providers: [
    CommanderExitOverride,
    CreateAdminCommand,
    UsersListCommand,
    JobsRunCommand,
    ImportFamiliesCommand,
    ImportPartnersCommand,
    KeysRotateCommand,
    CardsPrintCommand,
    ...MIGRATION_COMMANDS,
  ],
})
export class CliModule {}

/** Configuration only: the migrate commands open their own connection (see migration-data-source.ts). */
@Module({ imports: [CONFIG_MODULE], providers: [CommanderExitOverride, ...MIGRATION_COMMANDS] })
export class MigrationsCliModule {}

/** `migrate*` must not go through DatabaseModule, which applies pending migrations as it connects. */
export function cliModuleFor(args: string[]): Type {
  const command = args.find((a) => !a.startsWith('-')) ?? '';
  return /^(migrate(:|$)|backup$)/.test(command) ? MigrationsCliModule : CliModule;
}
