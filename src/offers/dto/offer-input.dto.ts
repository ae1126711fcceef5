import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import type { OfferAudience, OfferBenefit } from '../offer-benefit';
import type { OfferLimits } from '../offer-limits';
import type { OfferSchedule } from '../offer-schedule';
import type { OfferText } from '../offer.entity';
import {
  AUDIENCE_SCHEMA,
  BENEFIT_SCHEMA,
  LIMITS_SCHEMA,
  SCHEDULE_SCHEMA,
  TEXTS_SCHEMA,
} from './offer-schemas';

/*
 * class-validator cannot tell the variants of a union apart, so texts, benefit, schedule, audience and limits
 * are only checked to be objects here; the service checks their contents (offer-input.ts) and names each field.
 */
export class CreateOfferDto {
  /** The partner's own short id for the offer (unique per partner); default: made from the title. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{1,64}$/, {
    message: 'ref must be 1-64 letters, digits, dots, dashes or underscores',
  })
  ref?: string;

  /** By language: `{ "pl": { "title": "…", "description": "…", "terms": "…" } }`; the programme's first language is required. */
  @ApiProperty(TEXTS_SCHEMA)
  @IsObject({ message: 'texts must be an object keyed by language code' })
  texts: Record<string, OfferText>;

  /** A category slug such as `culture`; default: the partner's category. */
  @IsOptional()
  @Matches(/^[a-z0-9-]{1,40}$/, { message: 'category must be a category slug such as culture' })
  category?: string;

  @ApiProperty(BENEFIT_SCHEMA)
  @IsObject({ message: 'benefit must be an object such as {"type": "percent", "percent": 20}' })
  benefit: OfferBenefit;

  @ApiProperty(SCHEDULE_SCHEMA)
  @IsObject({ message: 'schedule must be an object such as {"kind": "permanent"}' })
  schedule: OfferSchedule;

  /** Default: every cardholder. */
  @ApiPropertyOptional(AUDIENCE_SCHEMA)
  @IsOptional()
  @IsObject({ message: 'audience must be an object such as {"kind": "all"}' })
  audience?: OfferAudience;

  /** Only families with at least this many members (3-20); null: any family. */
  @IsOptional()
  @Max(20)
  @Min(3)
  @IsInt({ message: 'minFamilySize must be a whole number from 3 to 20' })
  minFamilySize?: number | null;

  /** Default: no limits. */
  @ApiPropertyOptional(LIMITS_SCHEMA)
  @IsOptional()
  @IsObject({ message: 'limits must be an object such as {"perCardPerDay": 1}' })
  limits?: OfferLimits;

  /** Where the offer holds: ids of the partner's own outlets (places or online shops). */
  @ArrayUnique({ message: 'outletIds must not repeat an outlet' })
  @ArrayMaxSize(500)
  @ArrayMinSize(1, { message: 'outletIds must name at least one outlet' })
  @IsUUID('all', { each: true, message: 'each of outletIds must be an outlet id' })
  @IsArray()
  outletIds: string[];
}

/** Any subset of the offer's fields; texts, outletIds and the other objects are replaced as a whole. */
export class UpdateOfferDto extends PartialType(CreateOfferDto) {}

export class OfferActionDto {
  /** Required to reject (the partner reads it); optional for pause and end. */
  @IsOptional()
  @MaxLength(500)
  @MinLength(1)
  @IsString()
  reason?: string;
}
