import { ApiProperty, OmitType, PartialType } from '@nestjs/swagger';
import {
  IsIn,
  IsLatitude,
  IsLongitude,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import type { OpeningHours } from '../opening-hours';
import type { OutletEntity, OutletKind } from '../outlet.entity';

export class OutletInputDto {
  /** The partner's own short name for the outlet, unique per partner (default: made from the name). */
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{1,64}$/, {
    message: 'ref must be 1-64 letters, digits, dots, dashes or underscores',
  })
  ref?: string;

  @ApiProperty({ enum: ['place', 'online'] })
  @IsIn(['place', 'online'], { message: 'kind must be place or online' })
  kind: OutletKind;

  @MaxLength(200)
  @MinLength(1)
  @IsString()
  name: string;

  /** Places: street and number. */
  @ValidateIf((o: OutletInputDto) => o.kind !== 'online')
  @MaxLength(200)
  @MinLength(1)
  @IsString()
  street?: string | null;

  @ValidateIf((o: OutletInputDto) => o.kind !== 'online')
  @Matches(/^[A-Za-z0-9 -]{2,16}$/, { message: 'postalCode must be a postal code such as 20-001' })
  postalCode?: string | null;

  @ValidateIf((o: OutletInputDto) => o.kind !== 'online')
  @MaxLength(100)
  @MinLength(1)
  @IsString()
  city?: string | null;

  /** Places: WGS 84 degrees, e.g. 51.2465 (entered or imported; no geocoding service is called). */
  @ValidateIf((o: OutletInputDto) => o.kind !== 'online')
  @IsLatitude({ message: 'latitude must be a number from -90 to 90' })
  @IsNumber(
    { allowNaN: false, allowInfinity: false },
    { message: 'latitude must be a number from -90 to 90' },
  )
  latitude?: number | null;

  @ValidateIf((o: OutletInputDto) => o.kind !== 'online')
  @IsLongitude({ message: 'longitude must be a number from -180 to 180' })
  @IsNumber(
    { allowNaN: false, allowInfinity: false },
    { message: 'longitude must be a number from -180 to 180' },
  )
  longitude?: number | null;

  /** `{ "mon": [["09:00", "17:00"]], "sat": [["10:00", "14:00"]] }`; a missing day is closed. */
  @IsOptional()
  @IsObject({ message: 'openingHours must be an object with keys mon … sun' })
  openingHours?: OpeningHours | null;

  /** Online shops: where to buy. */
  @ValidateIf((o: OutletInputDto) => o.kind !== 'place')
  @MaxLength(300)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'url must be an http(s) URL' })
  url?: string | null;

  /** Online shops: the code that gives the discount. */
  @IsOptional()
  @MaxLength(64)
  @MinLength(1)
  @IsString()
  discountCode?: string | null;
}

/** Any subset; `kind` cannot change (make a new outlet instead). */
export class UpdateOutletDto extends PartialType(OmitType(OutletInputDto, ['kind'] as const)) {}

export class OutletDto {
  id: string;
  partnerId: string;
  ref: string;
  @ApiProperty({ enum: ['place', 'online'] })
  kind: OutletKind;
  name: string;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  latitude: number | null;
  longitude: number | null;
  openingHours: OpeningHours | null;
  url: string | null;
  discountCode: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export const mapOutlet = (o: OutletEntity): OutletDto => ({
  id: o.id,
  partnerId: o.partnerId,
  ref: o.ref,
  kind: o.kind,
  name: o.name,
  street: o.street,
  postalCode: o.postalCode,
  city: o.city,
  latitude: o.latitude,
  longitude: o.longitude,
  openingHours: o.openingHours,
  url: o.url,
  discountCode: o.discountCode,
  createdAt: o.createdAt,
  updatedAt: o.updatedAt,
});
