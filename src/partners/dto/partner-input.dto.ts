import { ApiProperty, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  Equals,
  IsEmail,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsLanguageMap } from '../../common/validation/language-map';

export class PartnerProfileDto {
  /** The business name families see. */
  @MaxLength(200)
  @MinLength(2)
  @IsString()
  name: string;

  /** Tax number in the programme's format (Polish NIP: 10 digits with a check digit; dashes allowed). */
  @MaxLength(40)
  @IsString()
  taxNumber: string;

  /** A category slug from `GET /api/v1/catalogue/categories`, e.g. `culture`. */
  @Matches(/^[a-z0-9-]{1,40}$/, { message: 'category must be a category slug such as culture' })
  category: string;

  /** What the business offers, by language: `{ "pl": "…", "en": "…" }`; the programme's first language is required. */
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { pl: 'Kino', en: 'Cinema' },
  })
  @IsLanguageMap(2000)
  description: Record<string, string>;

  @IsOptional()
  @MaxLength(300)
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true },
    { message: 'website must be an http(s) URL' },
  )
  website?: string | null;

  @MaxLength(200)
  @MinLength(1)
  @IsString()
  contactName: string;

  @MaxLength(254)
  @IsEmail({}, { message: 'contactEmail must be an e-mail address' })
  contactEmail: string;

  @IsOptional()
  @Matches(/^\+?[0-9 ()-]{6,24}$/, { message: 'contactPhone must be a phone number such as +48 600 100 200' })
  contactPhone?: string | null;
}

export class OwnerAccountDto {
  @MaxLength(254)
  @IsEmail({}, { message: 'owner.email must be an e-mail address' })
  email: string;

  @MaxLength(200)
  @MinLength(1)
  @IsString()
  displayName: string;

  /** At least 12 characters and not a common or easily guessed password. */
  @MaxLength(256)
  @IsString()
  password: string;
}

/** A business registers itself: its profile, the agreement it accepts, and the owner's merchant account. */
export class RegisterPartnerDto extends PartnerProfileDto {
  /** The agreement version shown to the business (`partnerAgreementVersion` of the programme). */
  @MaxLength(32)
  @IsString()
  agreementVersion: string;

  @Equals(true, { message: 'acceptAgreement must be true: the partner agreement has to be accepted' })
  acceptAgreement: boolean;

  @ValidateNested()
  @Type(() => OwnerAccountDto)
  owner: OwnerAccountDto;
}

/** Any subset of the profile; the tax number only staff may change. */
export class UpdatePartnerDto extends PartialType(PartnerProfileDto) {}

export class PartnerActionDto {
  /** Required to reject, suspend or end: the partner reads it. */
  @IsOptional()
  @MaxLength(500)
  @MinLength(1)
  @IsString()
  reason?: string;
}
