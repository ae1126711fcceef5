import { Module } from '@nestjs/common';

/** The partner portal's team pages: cashier accounts, till API keys and the partner's statistics with charts. */
@Module({
  imports: [],
  controllers: [],
  providers: [],
})
export class PartnerTeamModule {}

/** This module's page paths, served outside the /api/v1 prefix (UNPREFIXED_ROUTES in src/bootstrap.ts). */
export const PARTNER_TEAM_PATHS: string[] = [];
