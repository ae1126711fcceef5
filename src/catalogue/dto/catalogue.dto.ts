import { ApiProperty, OmitType } from '@nestjs/swagger';
import type { OfferAudience, OfferBenefit } from '../../offers/offer-benefit';
import type { OfferSchedule } from '../../offers/offer-schedule';
import { OutletDto } from '../../partners/dto/outlet.dto';

/** An outlet as the public sees it: no partner-internal ref, no bookkeeping dates. */
export class CatalogueOutletDto extends OmitType(OutletDto, [
  'partnerId',
  'ref',
  'createdAt',
  'updatedAt',
] as const) {
  /** With a near-me search: great-circle distance from the point, in metres. */
  distanceMetres?: number;
}

export class CataloguePartnerSummaryDto {
  id: string;
  name: string;
  logoUrl: string | null;
}

export class CatalogueOfferDto {
  id: string;
  partner: CataloguePartnerSummaryDto;
  /** Category slug. */
  category: string;
  /** The language the texts are in. */
  language: string;
  title: string;
  description: string | null;
  terms: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true })
  benefit: OfferBenefit;
  /** Short, e.g. "−20%" or "−15,00 zł". */
  benefitLabel: string;
  @ApiProperty({ type: 'object', additionalProperties: true })
  schedule: OfferSchedule;
  @ApiProperty({ enum: ['active', 'upcoming'] })
  availability: 'active' | 'upcoming';
  /** The current or next window in which the offer holds; end null for a permanent offer. */
  windowStart: Date | null;
  windowEnd: Date | null;
  @ApiProperty({ type: 'object', additionalProperties: true })
  audience: OfferAudience;
  minFamilySize: number | null;
  /** Holds in an online shop of the partner. */
  online: boolean;
  publishedAt: Date | null;
  /** With a near-me search: the nearest outlet where the offer holds. */
  nearest?: CatalogueOutletDto;
}

export class CatalogueOfferDetailDto extends CatalogueOfferDto {
  /** Every outlet where the offer holds. */
  outlets: CatalogueOutletDto[];
}

export class CataloguePageDto {
  items: CatalogueOfferDto[];
  total: number;
  limit: number;
  offset: number;
}

export class CataloguePartnerDto {
  id: string;
  name: string;
  category: string;
  language: string;
  description: string | null;
  website: string | null;
  logoUrl: string | null;
  outlets: CatalogueOutletDto[];
  /** Offers active now or starting within 30 days. */
  offers: CatalogueOfferDto[];
}
