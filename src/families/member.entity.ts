import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, UpdatedAtColumn } from '../database/engine';
import type { IsoDate } from '../programmes/eligibility/eligibility.types';
import { FamilyEntity } from './family.entity';
import { PersonDetails } from './person-details';

export type MemberStatus = 'active' | 'removed' | 'erased';

@Entity('members')
@Index('ix_members_national_id_index', ['person.nationalIdIndex'])
export class MemberEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_members_family')
  @Column({ type: 'uuid' })
  familyId: string;

  @ManyToOne(() => FamilyEntity, (f) => f.members, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'family_id' })
  family?: FamilyEntity;

  @Column(() => PersonDetails, { prefix: false })
  person: PersonDetails;

  @Column({ type: 'varchar', length: 16, default: 'active' })
  status: MemberStatus;

  /** The engine's answer when the member was last decided on: whether a card is due, and until when. */
  @Column({ type: 'boolean', default: false })
  eligible: boolean;

  @Column({ type: 'date', nullable: true })
  eligibleUntil: IsoDate | null;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
