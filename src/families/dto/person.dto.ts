import { ApiProperty } from '@nestjs/swagger';
import type { PersonalDataCipher } from '../../common/personal-data/personal-data-cipher';
import { MEMBER_ROLES, MemberRole } from '../../programmes/eligibility/eligibility.types';
import type { PersonDetails } from '../person-details';
import { maskedNationalId } from '../person-mapper';

/** What every view shows of a person; how much of the national ID it shows is up to the view. */
export class PersonFactsDto {
  firstName: string;
  lastName: string;
  birthDate: string;
  @ApiProperty({ enum: MEMBER_ROLES })
  role: MemberRole;
  nationalIdFormat: string | null;
  educationEnd: string | null;
  educationInstitution: string | null;
  disabilityUntil: string | null;
  disabilityPermanent: boolean;
  fosterPlacementEnd: string | null;
  parentalAuthority: boolean | null;
  residencePermitEnd: string | null;
}

export class PersonDto extends PersonFactsDto {
  /** Only the last three characters are ever shown; the family's own data export carries the full number. */
  nationalIdMasked: string | null;
}

export const mapPersonFacts = (p: PersonDetails): PersonFactsDto => ({
  firstName: p.firstName,
  lastName: p.lastName,
  birthDate: p.birthDate,
  role: p.role,
  nationalIdFormat: p.nationalIdFormat,
  educationEnd: p.educationEnd,
  educationInstitution: p.educationInstitution,
  disabilityUntil: p.disabilityUntil,
  disabilityPermanent: p.disabilityPermanent,
  fosterPlacementEnd: p.fosterPlacementEnd,
  parentalAuthority: p.parentalAuthority,
  residencePermitEnd: p.residencePermitEnd,
});

export const mapPerson = (p: PersonDetails, cipher: PersonalDataCipher): PersonDto => ({
  ...mapPersonFacts(p),
  nationalIdMasked: maskedNationalId(p, cipher),
});
