import { Column, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, TimestampColumn, UpdatedAtColumn } from '../database/engine';
import { ProgrammeEntity } from '../programmes/programme.entity';
import type { ApplicationStatus, ApplicationType } from './application-state';
import { ApplicationMemberEntity } from './application-member.entity';

/** A request by or for a family: a new family, a newborn, an extension or a duplicate card. */
@Entity('applications')
@Index('ix_applications_queue', ['status', 'queuedAt', 'id'])
@Index('ix_applications_queue_all', ['queuedAt', 'id'])
export class ApplicationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** What people quote on the phone: "2026-7K3F9Q" (year and six random Crockford base32 characters). */
  @Index('uq_applications_number', { unique: true })
  @Column({ type: 'varchar', length: 16 })
  number: string;

  @Column({ type: 'uuid' })
  programmeId: string;

  @ManyToOne(() => ProgrammeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'programme_id' })
  programme?: ProgrammeEntity;

  @Column({ type: 'varchar', length: 16 })
  type: ApplicationType;

  @Column({ type: 'varchar', length: 16 })
  status: ApplicationStatus;

  /** The family it concerns: set from the start except for a new family, where approval sets it. */
  @Index('ix_applications_family')
  @Column({ type: 'uuid', nullable: true })
  familyId: string | null;

  /** The family user who applied; null for a walk-in entered by a case worker. */
  @Index('ix_applications_applicant')
  @Column({ type: 'uuid', nullable: true })
  applicantUserId: string | null;

  @Column({ type: 'varchar', length: 16 })
  language: string;

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

  /** Duplicate-card applications: whose card, and why it is replaced. */
  @Column({ type: 'uuid', nullable: true })
  memberId: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  lossReason: 'lost' | 'stolen' | 'damaged' | null;

  /** The family's last names as written ("Nowak / Kowalska"): how the queue names an application. */
  @Column({ type: 'varchar', length: 200, default: '' })
  familyNames: string;

  /** Lower-cased, diacritics-free names of everyone in it: what the review queue's text filter matches. */
  @Column({ type: 'varchar', length: 400, default: '' })
  searchText: string;

  @TimestampColumn({ nullable: true })
  submittedAt: Date | null;

  /** The review queue's order, oldest first: when first submitted (creation while still a draft). */
  @TimestampColumn()
  queuedAt: Date;

  /** submittedAt plus the programme's decision deadline; the queue's "overdue" filter compares with now. */
  @Index('ix_applications_due')
  @TimestampColumn({ nullable: true })
  decisionDueAt: Date | null;

  @TimestampColumn({ nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  decisionReason: string | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  decisionText: string | null;

  @OneToMany(() => ApplicationMemberEntity, (m) => m.application)
  members?: ApplicationMemberEntity[];

  /** Personal data erased at the end of retention; counts and states remain. */
  @TimestampColumn({ nullable: true })
  erasedAt: Date | null;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
