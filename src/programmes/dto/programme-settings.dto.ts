import { ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  Validate,
  ValidateNested,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';
import { NATIONAL_ID_CODES } from '../../families/national-id/national-id-formats';
import { TAX_NUMBER_CODES } from '../../partners/tax-number/tax-number-formats';

@ValidatorConstraint({ name: 'timeZone' })
class IsTimeZone implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (typeof value !== 'string') return false;
    try {
      new Intl.DateTimeFormat('en', { timeZone: value });
      return true;
    } catch {
      return false;
    }
  }
  defaultMessage(): string {
    return 'timeZone must be an IANA time zone such as Europe/Warsaw';
  }
}

export class ResidencyRuleDto {
  /** none: anyone; postalCodePrefixes: the family's postal code starts with one of `values`; municipalityCodes: equals one. */
  @ApiProperty({ enum: ['none', 'postalCodePrefixes', 'municipalityCodes'] })
  @IsIn(['none', 'postalCodePrefixes', 'municipalityCodes'], {
    message: 'kind must be none, postalCodePrefixes or municipalityCodes',
  })
  kind: 'none' | 'postalCodePrefixes' | 'municipalityCodes';

  @ArrayMaxSize(500)
  @Matches(/^[A-Za-z0-9 -]{1,16}$/, {
    each: true,
    message: 'each value must be 1-16 letters, digits, spaces or dashes',
  })
  @IsString({ each: true })
  values: string[] = [];
}

/** Every setting of a programme; create takes them all (defaults apply), update any subset. */
export class ProgrammeSettingsDto {
  @Matches(/^[A-Z][A-Z0-9]{1,15}$/, { message: 'code must be 2-16 upper-case letters or digits' })
  code: string;

  /** Begins every card number; default: the letters of the code. Cannot be changed later. */
  @Matches(/^[A-Z]{2,6}$/, { message: 'cardPrefix must be 2-6 upper-case letters' })
  cardPrefix: string;

  @MaxLength(200)
  @MinLength(1)
  @IsString()
  name: string;

  /** Two-letter codes; the first is the programme's default language. */
  @ArrayMaxSize(10)
  @ArrayMinSize(1)
  @Matches(/^[a-z]{2}$/, { each: true, message: 'each language must be a two-letter code such as pl' })
  @IsString({ each: true })
  languages: string[];

  @Validate(IsTimeZone)
  timeZone: string;

  @ApiProperty({ enum: NATIONAL_ID_CODES })
  @IsIn(NATIONAL_ID_CODES, { message: `nationalIdFormat must be one of: ${NATIONAL_ID_CODES.join(', ')}` })
  nationalIdFormat: string;

  @Max(20)
  @Min(1)
  @IsInt()
  minChildren: number;

  @Max(30)
  @Min(1)
  @IsInt()
  childAgeLimit: number;

  @Max(35)
  @Min(1)
  @IsInt()
  educationAgeLimit: number;

  @ApiProperty({ enum: ['september30After', 'endDate'] })
  @IsIn(['september30After', 'endDate'], { message: 'educationEndRule must be september30After or endDate' })
  educationEndRule: 'september30After' | 'endDate';

  @ApiProperty({ enum: ['lifetime', 'whileFamilyQualifies'] })
  @IsIn(['lifetime', 'whileFamilyQualifies'], {
    message: 'parentValidity must be lifetime or whileFamilyQualifies',
  })
  parentValidity: 'lifetime' | 'whileFamilyQualifies';

  /** Parents who have or had at least minChildren children keep their cards (only they get cards then). */
  @IsBoolean()
  formerLargeFamilyParentsQualify: boolean;

  @ValidateNested()
  @Type(() => ResidencyRuleDto)
  residency: ResidencyRuleDto;

  @Max(365)
  @Min(1)
  @IsInt()
  decisionDeadlineDays: number;

  @Max(365)
  @Min(0)
  @IsInt()
  reminderLeadDays: number;

  @Max(240)
  @Min(1)
  @IsInt()
  retentionMonths: number;

  /** In minor units of `currency`; 0 = free. */
  @Max(100_000_00)
  @Min(0)
  @IsInt()
  duplicateCardFee: number;

  @Length(3, 3)
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as PLN' })
  currency: string;

  @ApiProperty({ enum: TAX_NUMBER_CODES })
  @IsIn(TAX_NUMBER_CODES, { message: `taxNumberFormat must be one of: ${TAX_NUMBER_CODES.join(', ')}` })
  taxNumberFormat: string;

  /** The version of the partner agreement that registering partners accept. */
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/, {
    message: 'partnerAgreementVersion must be 1-32 letters, digits, dots, dashes or underscores',
  })
  partnerAgreementVersion: string;

  /** Whether a merchant's edit of a published offer needs approval again. */
  @IsBoolean()
  offerEditsNeedApproval: boolean;

  /** Days that card checks are kept (pseudonymously) for statistics. */
  @Max(3650)
  @Min(1)
  @IsInt()
  validationRetentionDays: number;

  /** Minutes after a redemption in which the cashier may cancel it. */
  @Max(1440)
  @Min(0)
  @IsInt()
  redemptionCancelMinutes: number;

  /** The header and buttons' colour as `#rrggbb`; null returns to the default. Set with brandTextColour. */
  @IsOptional()
  @Matches(/^#[0-9a-f]{6}$/, { message: 'brandColour must be a colour written #rrggbb' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  brandColour?: string | null;

  /** Text on brandColour as `#rrggbb`: the pair must reach a contrast ratio of 4.5:1 (WCAG AA). */
  @IsOptional()
  @Matches(/^#[0-9a-f]{6}$/, { message: 'brandTextColour must be a colour written #rrggbb' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  brandTextColour?: string | null;
}
