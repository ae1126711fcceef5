import { ApiProperty } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { MEMBER_ROLES, MemberRole } from '../../programmes/eligibility/eligibility.types';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const dateOnly = (field: string) => [
  Matches(DATE, { message: `${field} must be a date as YYYY-MM-DD` }),
  IsISO8601({ strict: true }, { message: `${field} must be a real calendar date` }),
];
const IsDateOnly = (field: string): PropertyDecorator => {
  const [format, calendar] = dateOnly(field);
  return (target, key) => {
    // Applied in reverse, so the format check (closest to the property) runs first under stopAtFirstError.
    calendar(target, key);
    format(target, key);
  };
};

/** A person as a family states them. The national ID is validated by the programme's format. */
export class MemberInputDto {
  @MaxLength(100)
  @MinLength(1)
  @IsString()
  firstName: string;

  @MaxLength(100)
  @MinLength(1)
  @IsString()
  lastName: string;

  @IsDateOnly('birthDate')
  birthDate: string;

  @ApiProperty({ enum: MEMBER_ROLES })
  @IsIn(MEMBER_ROLES, { message: `role must be one of: ${MEMBER_ROLES.join(', ')}` })
  role: MemberRole;

  /** E.g. a PESEL; checked against the format and the birth date it encodes. Never shown again in full. */
  @IsOptional()
  @MaxLength(32)
  @IsString()
  nationalId?: string;

  /** Defaults to the programme's format; "OTHER" for a foreign document number. */
  @IsOptional()
  @MaxLength(16)
  @IsString()
  nationalIdFormat?: string;

  @IsOptional()
  @IsDateOnly('educationEnd')
  educationEnd?: string;

  @IsOptional()
  @MaxLength(200)
  @IsString()
  educationInstitution?: string;

  @IsOptional()
  @IsDateOnly('disabilityUntil')
  disabilityUntil?: string;

  @IsOptional()
  @IsBoolean()
  disabilityPermanent?: boolean;

  @IsOptional()
  @IsDateOnly('fosterPlacementEnd')
  fosterPlacementEnd?: string;

  /** Parents: false when a court took parental authority away. */
  @IsOptional()
  @IsBoolean()
  parentalAuthority?: boolean;

  /** Foreigners: the end of the residence permit; the card ends no later. */
  @IsOptional()
  @IsDateOnly('residencePermitEnd')
  residencePermitEnd?: string;

  /** Extension applications: the existing member these facts replace. */
  @IsOptional()
  @IsUUID()
  memberId?: string;
}
