import { Module } from '@nestjs/common';
import { ApiKeysModule } from '../../api-keys/api-keys.module';
import { AuthModule } from '../../auth/auth.module';
import { PartnersModule } from '../../partners/partners.module';
import { ProgrammesModule } from '../../programmes/programmes.module';
import { ValidationsModule } from '../../validations/validations.module';
import { KeysPage } from './keys-page';
import { KeysPageController } from './keys-page.controller';
import { StatsPage } from './stats-page';
import { StatsPageController } from './stats-page.controller';
import { PartnerTeamPages } from './team-common';
import { TeamPage } from './team-page';
import { TeamPageController } from './team-page.controller';
import { WebCommonModule } from '../web-common.module';

/**
 * The partner portal's team pages: cashier accounts, till API keys and the partner's statistics with charts.
 * The domain services are the API's own classes (stateless; their modules do not export them), so the pages
 * keep the API's access rules and audit entries.
 */
@Module({
  imports: [WebCommonModule, ApiKeysModule, AuthModule, PartnersModule, ProgrammesModule, ValidationsModule],
  controllers: [TeamPageController, KeysPageController, StatsPageController],
  providers: [PartnerTeamPages, TeamPage, KeysPage, StatsPage],
})
export class PartnerTeamModule {}

/** This module's page paths, served outside the /api/v1 prefix (UNPREFIXED_ROUTES in src/bootstrap.ts). */
export const PARTNER_TEAM_PATHS: string[] = [
  'partner/team',
  'partner/team/:id/disable',
  'partner/team/:id/enable',
  'partner/keys',
  'partner/keys/:id/revoke',
  'partner/statistics',
];
