import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { formatBenefit, OfferAudience, OfferBenefit } from '../offer-benefit';
import type { OfferLimits } from '../offer-limits';
import type { OfferSchedule, OfferStatus } from '../offer-schedule';
import type { OfferEntity, OfferText } from '../offer.entity';
import { OffsetPageQueryDto } from '../../common/pagination/offset-page-query.dto';
import {
  AUDIENCE_SCHEMA,
  BENEFIT_SCHEMA,
  LIMITS_SCHEMA,
  SCHEDULE_SCHEMA,
  TEXTS_SCHEMA,
} from './offer-schemas';

export const OFFER_STATUSES = ['draft', 'pending_approval', 'published', 'paused', 'ended'] as const;

/** An offer with what the service knows about it: its outlets and how its programme writes money. */
export interface OfferView {
  offer: OfferEntity;
  outletIds: string[];
  currency: string;
  language: string;
}

export class OfferDto {
  id: string;
  partnerId: string;
  ref: string;
  categoryId: string;
  @ApiProperty({ enum: OFFER_STATUSES })
  status: OfferStatus;
  /** Why staff sent it back, or why it was paused or ended. */
  statusReason: string | null;
  @ApiProperty(TEXTS_SCHEMA)
  texts: Record<string, OfferText>;
  @ApiProperty(BENEFIT_SCHEMA)
  benefit: OfferBenefit;
  /** The catalogue badge in the programme's first language, e.g. "−20%". */
  benefitLabel: string;
  @ApiProperty(SCHEDULE_SCHEMA)
  schedule: OfferSchedule;
  @ApiProperty(AUDIENCE_SCHEMA)
  audience: OfferAudience;
  minFamilySize: number | null;
  @ApiProperty(LIMITS_SCHEMA)
  limits: OfferLimits;
  /** In the order the outlets were created. */
  outletIds: string[];
  /** Holds at one of the partner's online shops. */
  online: boolean;
  /** Start of the current or next window (1970-01-01 for a permanent offer); null when none is left. */
  windowStart: Date | null;
  /** End (exclusive) of that window; null for a permanent offer or when none is left. */
  windowEnd: Date | null;
  /** First publication. */
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export class OfferPageDto {
  items: OfferDto[];
  total: number;
  limit: number;
  offset: number;
}

export class OfferQueryDto extends OffsetPageQueryDto {
  @IsOptional()
  @ApiProperty({ enum: OFFER_STATUSES, required: false })
  @IsIn(OFFER_STATUSES, { message: `status must be one of: ${OFFER_STATUSES.join(', ')}` })
  status?: OfferStatus;
}

export const mapOffer = ({ offer: o, outletIds, currency, language }: OfferView): OfferDto => ({
  id: o.id,
  partnerId: o.partnerId,
  ref: o.ref,
  categoryId: o.categoryId,
  status: o.status,
  statusReason: o.statusReason,
  texts: o.texts,
  benefit: o.benefit,
  benefitLabel: formatBenefit(o.benefit, currency, language),
  schedule: o.schedule,
  audience: o.audience,
  minFamilySize: o.minFamilySize,
  limits: o.limits,
  outletIds,
  online: o.online,
  windowStart: o.windowStart,
  windowEnd: o.windowEnd,
  publishedAt: o.publishedAt,
  createdAt: o.createdAt,
  updatedAt: o.updatedAt,
});
