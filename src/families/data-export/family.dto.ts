import { ApiProperty } from '@nestjs/swagger';
import type { PersonalDataCipher } from '../../common/personal-data/personal-data-cipher';
import { householdOf, type FamilyEntity, type FamilyStatus } from '../family.entity';
import type { MemberEntity } from '../member.entity';
import { mapPerson, PersonDto } from '../dto/person.dto';

export const FAMILY_STATUSES: FamilyStatus[] = ['active', 'ended', 'erased'];

export class FamilyMemberDto extends PersonDto {
  id: string;
  /** Whether a card is due, as last decided. */
  eligible: boolean;
  /** null = indefinite when eligible. */
  eligibleUntil: string | null;
}

/** What every view shows of a family itself. */
export class FamilyFieldsDto {
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
}

export const mapFamilyFields = (family: FamilyEntity): FamilyFieldsDto => ({
  id: family.id,
  programmeId: family.programmeId,
  status: family.status,
  externalRef: family.externalRef,
  ...householdOf(family),
  endedAt: family.endedAt,
  createdAt: family.createdAt,
});

/** An enrolled family with its current members. */
export class FamilyDto extends FamilyFieldsDto {
  members: FamilyMemberDto[];
}

export function mapFamily(
  family: FamilyEntity,
  members: MemberEntity[],
  cipher: PersonalDataCipher,
): FamilyDto {
  return {
    ...mapFamilyFields(family),
    members: members.map((m) => ({
      id: m.id,
      ...mapPerson(m.person, cipher),
      eligible: m.eligible,
      eligibleUntil: m.eligibleUntil,
    })),
  };
}
