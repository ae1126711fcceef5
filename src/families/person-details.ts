import { Column } from 'typeorm';
import type { IsoDate, MemberRole } from '../programmes/eligibility/eligibility.types';

/**
 * What the programme knows about a person, embedded (without a column prefix) both in family members and in
 * the members an application proposes. The national ID is never stored in clear: only its ciphertext and a
 * keyed blind index for duplicate checks.
 */
export class PersonDetails {
  @Column({ type: 'varchar', length: 100 })
  firstName: string;

  @Column({ type: 'varchar', length: 100 })
  lastName: string;

  @Column({ type: 'date' })
  birthDate: IsoDate;

  @Column({ type: 'varchar', length: 16 })
  role: MemberRole;

  @Column({ type: 'varchar', length: 16, nullable: true })
  nationalIdFormat: string | null;

  @Column({ type: 'text', nullable: true })
  nationalIdCipher: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  nationalIdIndex: string | null;

  @Column({ type: 'date', nullable: true })
  educationEnd: IsoDate | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  educationInstitution: string | null;

  @Column({ type: 'date', nullable: true })
  disabilityUntil: IsoDate | null;

  @Column({ type: 'boolean', default: false })
  disabilityPermanent: boolean;

  @Column({ type: 'date', nullable: true })
  fosterPlacementEnd: IsoDate | null;

  @Column({ type: 'boolean', nullable: true })
  parentalAuthority: boolean | null;

  @Column({ type: 'date', nullable: true })
  residencePermitEnd: IsoDate | null;
}
