import { Module } from '@nestjs/common';

/** The console's partner approvals and offer moderation. */
@Module({
  imports: [],
  controllers: [],
  providers: [],
})
export class ConsolePartnersModule {}

/** This module's page paths, served outside the /api/v1 prefix (UNPREFIXED_ROUTES in src/bootstrap.ts). */
export const CONSOLE_PARTNERS_PATHS: string[] = [];
