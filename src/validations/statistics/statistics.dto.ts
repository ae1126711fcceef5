import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class StatisticsQueryDto {
  /** First day (YYYY-MM-DD, the programme's calendar day); default: 29 days before `to`. */
  @IsOptional()
  @Matches(DATE, { message: 'from must be a calendar date as YYYY-MM-DD' })
  from?: string;

  /** Last day, included (YYYY-MM-DD); default: today in the programme's time zone. At most 366 days in all. */
  @IsOptional()
  @Matches(DATE, { message: 'to must be a calendar date as YYYY-MM-DD' })
  to?: string;

  /** Only the checks and redemptions at this outlet of the partner. */
  @IsOptional()
  @IsUUID('all', { message: 'outletId must be a UUID' })
  outletId?: string;

  /** The language of offer titles (ISO 639-1); default, or when the programme does not speak it: its first. */
  @IsOptional()
  @Matches(/^[a-z]{2}$/, { message: 'language must be a two-letter language code' })
  language?: string;
}

export type CsvDelimiterName = 'comma' | 'semicolon';

export class StatisticsCsvQueryDto extends StatisticsQueryDto {
  /** `comma` (RFC 4180, the default) or `semicolon`, which Excel expects where the decimal mark is a comma (Poland). */
  @ApiPropertyOptional({ enum: ['comma', 'semicolon'] })
  @IsOptional()
  @IsIn(['comma', 'semicolon'], { message: 'delimiter must be comma or semicolon' })
  delimiter?: CsvDelimiterName;
}

/** One calendar day in the programme's time zone. */
export class StatisticsDayDto {
  /** YYYY-MM-DD. */
  date: string;
  /** Every check of a card, whatever the answer. */
  checks: number;
  /** Checks that answered `valid`. */
  validChecks: number;
  /** Checks with any other answer. */
  invalidChecks: number;
  /** Uses of offers recorded that day and not cancelled. */
  redemptions: number;
  /** Uses recorded that day and cancelled since (counted apart, never in `redemptions`). */
  cancelled: number;
}

export class StatisticsOfferDto {
  offerId: string;
  /** In the programme's first language; null when the offer no longer exists. */
  title: string | null;
  redemptions: number;
  cancelled: number;
}

export class StatisticsOutletDto {
  /** Null for checks made without naming an outlet. */
  outletId: string | null;
  name: string | null;
  checks: number;
  validChecks: number;
  redemptions: number;
  cancelled: number;
}

export class StatisticsTotalsDto {
  checks: number;
  validChecks: number;
  invalidChecks: number;
  redemptions: number;
  cancelled: number;
}

/** Checks by their answer (POST /api/v1/validations `result`); every answer is present, zero or not. */
export class StatisticsResultsDto {
  valid: number;
  expired: number;
  not_yet_valid: number;
  suspended: number;
  revoked: number;
  replaced: number;
  unknown_card: number;
  invalid_signature: number;
  wrong_programme: number;
  malformed: number;
}

export class StatisticsDto {
  partnerId: string;
  /** The outlet asked for, or null for all of the partner's. */
  outletId: string | null;
  /** First day, YYYY-MM-DD. */
  from: string;
  /** Last day, included. */
  to: string;
  /** The programme's time zone, whose calendar days these are (IANA name). */
  timeZone: string;
  /** Every day from `from` to `to`, days without activity included. */
  days: StatisticsDayDto[];
  /** Offers redeemed (or cancelled) in the range, most redeemed first. */
  byOffer: StatisticsOfferDto[];
  /** Outlets with checks or redemptions in the range, busiest first. */
  byOutlet: StatisticsOutletDto[];
  totals: StatisticsTotalsDto;
  results: StatisticsResultsDto;
}
