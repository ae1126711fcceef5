import { ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

export const AVAILABILITIES = ['active', 'upcoming', 'any'] as const;
export type Availability = (typeof AVAILABILITIES)[number];

/** Radius of a near-me search when none is given, and the largest allowed. */
export const DEFAULT_RADIUS_METRES = 10_000;
export const MAX_RADIUS_METRES = 200_000;

export class CatalogueQueryDto {
  /** Words to find in titles, descriptions, partner names and cities; case and diacritics are ignored ("lodz" finds "Łódź"). */
  @IsOptional()
  @MaxLength(100)
  @IsString()
  q?: string;

  /** A category slug, e.g. `culture`. */
  @IsOptional()
  @Matches(/^[a-z0-9-]{1,40}$/, { message: 'category must be a category slug such as culture' })
  category?: string;

  /** `active` (default): usable now; `upcoming`: starting within 30 days; `any`: either. */
  @ApiProperty({ enum: AVAILABILITIES, required: false })
  @IsOptional()
  @IsIn(AVAILABILITIES, { message: 'availability must be active, upcoming or any' })
  availability: Availability = 'active';

  /** Near a point, "latitude,longitude" in degrees, e.g. `51.2465,22.5684`; results are sorted by distance. */
  @IsOptional()
  @Matches(/^-?\d{1,2}(\.\d+)?,-?\d{1,3}(\.\d+)?$/, {
    message: 'near must be "latitude,longitude" in degrees, such as 51.2465,22.5684',
  })
  near?: string;

  /** With `near`: how far, in metres (default 10 km). */
  @IsOptional()
  @Max(MAX_RADIUS_METRES)
  @Min(100)
  @IsInt()
  @Type(() => Number)
  radius?: number;

  /** Only offers that hold in an online shop. */
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  online?: boolean;

  /** Language of the texts; default from Accept-Language, else the programme's first language. */
  @IsOptional()
  @Matches(/^[a-z]{2}$/, { message: 'lang must be a two-letter language code such as pl' })
  lang?: string;

  @IsOptional()
  @Max(100)
  @Min(1)
  @IsInt()
  @Type(() => Number)
  limit: number = 20;

  @IsOptional()
  @Max(10_000)
  @Min(0)
  @IsInt()
  @Type(() => Number)
  offset: number = 0;
}

export class LanguageQueryDto {
  @IsOptional()
  @Matches(/^[a-z]{2}$/, { message: 'lang must be a two-letter language code such as pl' })
  lang?: string;
}
