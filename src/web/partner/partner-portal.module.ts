import { Module } from '@nestjs/common';

/** The partner portal: registration, the partner's profile, outlets and the offer editor with its preview. */
@Module({
  imports: [],
  controllers: [],
  providers: [],
})
export class PartnerPortalModule {}

/** This module's page paths, served outside the /api/v1 prefix (UNPREFIXED_ROUTES in src/bootstrap.ts). */
export const PARTNER_PORTAL_PATHS: string[] = [];
