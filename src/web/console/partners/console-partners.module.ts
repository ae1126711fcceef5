import { Module } from '@nestjs/common';
import { AuthModule } from '../../../auth/auth.module';
import { OffersModule } from '../../../offers/offers.module';
import { PartnersModule } from '../../../partners/partners.module';
import { ProgrammesModule } from '../../../programmes/programmes.module';
import { ConsoleOfferLookup } from './console-offer-lookup';
import { ConsoleOffersPage } from './console-offers-page';
import { ConsoleOffersPageController } from './console-offers-page.controller';
import { ConsolePartnersPage } from './console-partners-page';
import { ConsolePartnersPageController } from './console-partners-page.controller';
import { WebCommonModule } from '../../web-common.module';

/**
 * The console's partner approvals and offer moderation. PartnersModule does not export its outlets and accounts
 * services, so this module provides them itself (they hold no state: the same code, rules and audit entries).
 */
@Module({
  imports: [WebCommonModule, AuthModule, ProgrammesModule, PartnersModule, OffersModule],
  controllers: [ConsolePartnersPageController, ConsoleOffersPageController],
  providers: [ConsoleOfferLookup, ConsolePartnersPage, ConsoleOffersPage],
})
export class ConsolePartnersModule {}

/** This module's page paths, served outside the /api/v1 prefix (UNPREFIXED_ROUTES in src/bootstrap.ts). */
export const CONSOLE_PARTNERS_PATHS: string[] = [
  'console/partners',
  'console/partners/:id',
  'console/partners/:id/:action',
  'console/offers',
  'console/offers/:id',
  'console/offers/:id/:action',
];
