import { Module } from '@nestjs/common';

/** The console's administration pages: users, CSV reports and the programme settings editor. */
@Module({
  imports: [],
  controllers: [],
  providers: [],
})
export class ConsoleAdminModule {}

/** This module's page paths, served outside the /api/v1 prefix (UNPREFIXED_ROUTES in src/bootstrap.ts). */
export const CONSOLE_ADMIN_PATHS: string[] = [];
