import { Module } from '@nestjs/common';

/** The console's family and card pages: search, a family with its members, cards, actions and history. */
@Module({
  imports: [],
  controllers: [],
  providers: [],
})
export class ConsoleFamiliesModule {}

/** This module's page paths, served outside the /api/v1 prefix (UNPREFIXED_ROUTES in src/bootstrap.ts). */
export const CONSOLE_FAMILIES_PATHS: string[] = [];
