import { ApiProperty } from '@nestjs/swagger';
import type { PersonalDataCipher } from '../../common/personal-data/personal-data-cipher';
import { MEMBER_ROLES, MemberRole } from '../../programmes/eligibility/eligibility.types';
import type { FamilyEntity, FamilyStatus } from '../family.entity';
import type { MemberEntity } from '../member.entity';
import { maskedNationalId } from '../person-mapper';

export const FAMILY_STATUSES: FamilyStatus[] = ['active', 'ended', 'erased'];

export class FamilyMemberDto {
  id: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  @ApiProperty({ enum: MEMBER_ROLES })
  role: MemberRole;
  nationalIdFormat: string | null;
  /** Only the last three characters are ever shown here; the family's data export carries the full number. */
  nationalIdMasked: string | null;
  educationEnd: string | null;
  educationInstitution: string | null;
  disabilityUntil: string | null;
  disabilityPermanent: boolean;
  fosterPlacementEnd: string | null;
  parentalAuthority: boolean | null;
  residencePermitEnd: string | null;
  /** Whether a card is due, as last decided. */
  eligible: boolean;
  /** null = indefinite when eligible. */
  eligibleUntil: string | null;
}

/** An enrolled family with its current members. */
export class FamilyDto {
  id: string;
  programmeId: string;
  @ApiProperty({ enum: FAMILY_STATUSES })
  status: FamilyStatus;
  /** The family's number in a register it was imported from. */
  externalRef: string | null;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  municipalityCode: string | null;
  email: string | null;
  phone: string | null;
  /** When the last member stopped qualifying; null while anyone does. */
  endedAt: Date | null;
  createdAt: Date;
  members: FamilyMemberDto[];
}

export function mapFamily(
  family: FamilyEntity,
  members: MemberEntity[],
  cipher: PersonalDataCipher,
): FamilyDto {
  return {
    id: family.id,
    programmeId: family.programmeId,
    status: family.status,
    externalRef: family.externalRef,
    street: family.street,
    postalCode: family.postalCode,
    city: family.city,
    municipalityCode: family.municipalityCode,
    email: family.email,
    phone: family.phone,
    endedAt: family.endedAt,
    createdAt: family.createdAt,
    members: members.map((m) => ({
      id: m.id,
      firstName: m.person.firstName,
      lastName: m.person.lastName,
      birthDate: m.person.birthDate,
      role: m.person.role,
      nationalIdFormat: m.person.nationalIdFormat,
      nationalIdMasked: maskedNationalId(m.person, cipher),
      educationEnd: m.person.educationEnd,
      educationInstitution: m.person.educationInstitution,
      disabilityUntil: m.person.disabilityUntil,
      disabilityPermanent: m.person.disabilityPermanent,
      fosterPlacementEnd: m.person.fosterPlacementEnd,
      parentalAuthority: m.person.parentalAuthority,
      residencePermitEnd: m.person.residencePermitEnd,
      eligible: m.eligible,
      eligibleUntil: m.eligibleUntil,
    })),
  };
}
