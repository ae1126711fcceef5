import { Column, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, TimestampColumn, UpdatedAtColumn } from '../database/engine';
import { ProgrammeEntity } from '../programmes/programme.entity';
import { MemberEntity } from './member.entity';

export type FamilyStatus = 'active' | 'ended' | 'erased';

/** Where a household lives and how to reach it: stated on an application, kept on the family, erased together. */
export const HOUSEHOLD_FIELDS = [
  'street',
  'postalCode',
  'city',
  'municipalityCode',
  'email',
  'phone',
] as const;
export type HouseholdContact = Record<(typeof HOUSEHOLD_FIELDS)[number], string | null>;

export const householdOf = (source: HouseholdContact): HouseholdContact =>
  Object.fromEntries(HOUSEHOLD_FIELDS.map((f) => [f, source[f]])) as HouseholdContact;

/** What retention leaves of a household. */
export const ERASED_HOUSEHOLD = Object.fromEntries(
  HOUSEHOLD_FIELDS.map((f) => [f, null]),
) as HouseholdContact;

/** A household enrolled in one programme. Address and contact are erased with its members at retention. */
@Entity('families')
@Index('uq_families_external_ref', ['programmeId', 'externalRef'], { unique: true })
export class FamilyEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  programmeId: string;

  @ManyToOne(() => ProgrammeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'programme_id' })
  programme?: ProgrammeEntity;

  /** The family's number in a register it was imported from; re-imports match on it. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  externalRef: string | null;

  @Index('ix_families_status')
  @Column({ type: 'varchar', length: 16, default: 'active' })
  status: FamilyStatus;

  @Column({ type: 'varchar', length: 200, nullable: true })
  street: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  postalCode: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  city: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  municipalityCode: string | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  phone: string | null;

  /** When the last member's eligibility ended; retention counts from here. Null while anyone is eligible. */
  @TimestampColumn({ nullable: true })
  endedAt: Date | null;

  @TimestampColumn({ nullable: true })
  erasedAt: Date | null;

  @OneToMany(() => MemberEntity, (m) => m.family)
  members?: MemberEntity[];

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
