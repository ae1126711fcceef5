import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { MAX_PAGE, RADII_KM } from '../catalogue-form';
import { PageQueryDto } from './page-query.dto';

/**
 * The catalogue page's form. Only the shape is checked here (a malformed query is a 400 problem); what people
 * type — the point, and a category that may have gone — is read by readCatalogueForm and reported at the fields.
 */
export class CatalogueFormQueryDto extends PageQueryDto {
  /** Words to find, as in the catalogue API. */
  @IsOptional()
  @MaxLength(100)
  @IsString()
  q?: string;

  /** A category slug. */
  @IsOptional()
  @MaxLength(40)
  @IsString()
  category?: string;

  @ApiProperty({ enum: ['active', 'upcoming'], required: false })
  @IsOptional()
  @IsIn(['active', 'upcoming'], { message: 'availability must be active or upcoming' })
  availability?: 'active' | 'upcoming';

  /** `true`: only offers that hold in an online shop. */
  @ApiProperty({ enum: ['true'], required: false })
  @IsOptional()
  @IsIn(['true'], { message: 'online must be true or left out' })
  online?: 'true';

  /** Latitude of the point to sort by distance from, in degrees (a decimal point or comma). */
  @IsOptional()
  @MaxLength(20)
  @IsString()
  lat?: string;

  /** Longitude of the point, in degrees. */
  @IsOptional()
  @MaxLength(20)
  @IsString()
  lon?: string;

  /** With a point: how far, in kilometres. */
  @ApiProperty({ enum: RADII_KM, required: false })
  @IsOptional()
  @IsIn(RADII_KM, { message: `radius must be one of ${RADII_KM.join(', ')} (kilometres)` })
  radius?: (typeof RADII_KM)[number];

  @IsOptional()
  @Max(MAX_PAGE)
  @Min(1)
  @IsInt({ message: 'page must be a whole number' })
  @Type(() => Number)
  page?: number;
}
