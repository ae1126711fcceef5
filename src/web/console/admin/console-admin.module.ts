import { Module } from '@nestjs/common';
import { AuthModule } from '../../../auth/auth.module';
import { ProgrammesModule } from '../../../programmes/programmes.module';
import { ReportsModule } from '../../../reports/reports.module';
import { UsersModule } from '../../../users/users.module';
import { BrandLogoController } from '../../brand-logo.controller';
import { ConsoleAdminPage } from './console-admin-page';
import { ConsoleReportsPage } from './console-reports-page';
import { ConsoleReportsPageController } from './console-reports-page.controller';
import { ConsoleSettingsPage } from './console-settings-page';
import { ConsoleSettingsPageController } from './console-settings-page.controller';
import { ConsoleUsersPage } from './console-users-page';
import { ConsoleUsersPageController } from './console-users-page.controller';
import { WebCommonModule } from '../../web-common.module';

/**
 * The console's administration pages: users, CSV reports and the programme settings editor; and the
 * programme's logo, which those settings set and every page shows.
 */
@Module({
  imports: [WebCommonModule, AuthModule, ProgrammesModule, UsersModule, ReportsModule],
  controllers: [
    ConsoleUsersPageController,
    ConsoleReportsPageController,
    ConsoleSettingsPageController,
    BrandLogoController,
  ],
  providers: [ConsoleAdminPage, ConsoleUsersPage, ConsoleReportsPage, ConsoleSettingsPage],
})
export class ConsoleAdminModule {}

/** This module's page paths, served outside the /api/v1 prefix (UNPREFIXED_ROUTES in src/bootstrap.ts). */
export const CONSOLE_ADMIN_PATHS: string[] = [
  'console/users',
  'console/users/new',
  'console/users/:id',
  'console/reports',
  'console/reports/:file',
  'console/settings',
  'console/settings/logo',
  'console/settings/logo/remove',
  'branding/logo',
];
