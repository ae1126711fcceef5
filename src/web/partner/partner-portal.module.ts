import { Module } from '@nestjs/common';
import { AuthModule } from '../../auth/auth.module';
import { OffersModule } from '../../offers/offers.module';
import { PartnersModule } from '../../partners/partners.module';
import { ProgrammesModule } from '../../programmes/programmes.module';
import { PortalOffersPage } from './portal-offers-page';
import { PortalPages } from './portal-page';
import { PortalOffersController } from './portal-offers.controller';
import { PortalOutletsController } from './portal-outlets.controller';
import { PortalProfileController } from './portal-profile.controller';
import { PortalRegisterController } from './portal-register.controller';
import { WebCommonModule } from '../web-common.module';

/** The partner portal: registration, the partner's profile, outlets and the offer editor with its preview. */
@Module({
  imports: [WebCommonModule, AuthModule, ProgrammesModule, PartnersModule, OffersModule],
  controllers: [
    PortalRegisterController,
    PortalProfileController,
    PortalOutletsController,
    PortalOffersController,
  ],
  // OutletsService is the API's own (PartnersModule does not export it): stateless, so a second instance
  // here runs the same checks, access rules and audit entries.
  providers: [PortalPages, PortalOffersPage],
})
export class PartnerPortalModule {}

/** This module's page paths, served outside the /api/v1 prefix (UNPREFIXED_ROUTES in src/bootstrap.ts). */
export const PARTNER_PORTAL_PATHS: string[] = [
  'partner',
  'partner/logo',
  'partner/register',
  'partner/outlets',
  'partner/outlets/new',
  'partner/outlets/:id',
  'partner/outlets/:id/remove',
  'partner/offers',
  'partner/offers/new',
  'partner/offers/:id',
  'partner/offers/:id/step',
];
