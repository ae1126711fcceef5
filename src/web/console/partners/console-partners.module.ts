import { Module } from '@nestjs/common';
import { ApiKeysModule } from '../../../api-keys/api-keys.module';
import { AuthModule } from '../../../auth/auth.module';
import { NotificationsModule } from '../../../notifications/notifications.module';
import { OffersModule } from '../../../offers/offers.module';
import { OutletsService } from '../../../partners/outlets.service';
import { PartnerAccountsService } from '../../../partners/partner-accounts.service';
import { PartnersModule } from '../../../partners/partners.module';
import { ProgrammesModule } from '../../../programmes/programmes.module';
import { UsersModule } from '../../../users/users.module';
import { PageCsrf } from '../../page-csrf';
import { ConsoleOfferLookup } from './console-offer-lookup';
import { ConsoleOffersPage } from './console-offers-page';
import { ConsoleOffersPageController } from './console-offers-page.controller';
import { ConsolePartnersPage } from './console-partners-page';
import { ConsolePartnersPageController } from './console-partners-page.controller';

/**
 * The console's partner approvals and offer moderation. PartnersModule does not export its outlets and accounts
 * services, so this module provides them itself (they hold no state: the same code, rules and audit entries).
 */
@Module({
  imports: [
    AuthModule,
    ProgrammesModule,
    PartnersModule,
    OffersModule,
    UsersModule,
    ApiKeysModule,
    NotificationsModule,
  ],
  controllers: [ConsolePartnersPageController, ConsoleOffersPageController],
  providers: [
    PageCsrf,
    OutletsService,
    PartnerAccountsService,
    ConsoleOfferLookup,
    ConsolePartnersPage,
    ConsoleOffersPage,
  ],
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
