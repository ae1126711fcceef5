import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CreatedAtColumn, TimestampColumn, UpdatedAtColumn } from '../database/engine';
import { FamilyEntity } from '../families/family.entity';
import { MemberEntity } from '../families/member.entity';
import type { IsoDate, MemberRole } from '../programmes/eligibility/eligibility.types';
import { ProgrammeEntity } from '../programmes/programme.entity';
import { SigningKeyEntity } from './keys/signing-key.entity';
import type { CardStatus } from './card-status';

/**
 * One member's card. Its QR token is not stored: it is signed again when needed from these columns (Ed25519
 * signatures are deterministic, so the same card always gives the same QR text).
 */
@Entity('cards')
@Index('ix_cards_family', ['familyId'])
@Index('ix_cards_member', ['memberId'])
@Index('ix_cards_status_valid_until', ['status', 'validUntil'])
@Index('ix_cards_signing_key', ['signingKeyId', 'status'])
@Index('ix_cards_print_queue', ['status', 'printBatchId', 'id'])
@Index('ix_cards_created', ['createdAt', 'id'])
export class CardEntity {
  /** UUIDv7: time-ordered, the keyset order of the staff list. */
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  programmeId: string;

  @ManyToOne(() => ProgrammeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'programme_id' })
  programme?: ProgrammeEntity;

  @Column({ type: 'uuid' })
  familyId: string;

  @ManyToOne(() => FamilyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'family_id' })
  family?: FamilyEntity;

  @Column({ type: 'uuid' })
  memberId: string;

  @ManyToOne(() => MemberEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'member_id' })
  member?: MemberEntity;

  /** Canonical: prefix, 12 random digits, Luhn check digit (src/cards/card-number.ts). */
  @Index('uq_cards_number', { unique: true })
  @Column({ type: 'varchar', length: 24 })
  number: string;

  @Column({ type: 'varchar', length: 16 })
  status: CardStatus;

  /** As printed and signed: first and last name at issuance. */
  @Column({ type: 'varchar', length: 201 })
  holderName: string;

  /** holderName folded for search (lower case, no diacritics). */
  @Column({ type: 'varchar', length: 201 })
  searchName: string;

  @Column({ type: 'varchar', length: 16 })
  role: MemberRole;

  @Column({ type: 'date' })
  validFrom: IsoDate;

  /** null: indefinite (parents under the lifetime rule). */
  @Column({ type: 'date', nullable: true })
  validUntil: IsoDate | null;

  @Column({ type: 'varchar', length: 16 })
  signingKeyId: string;

  /** A key that signs a card cannot be deleted. */
  @ManyToOne(() => SigningKeyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'signing_key_id' })
  signingKey?: SigningKeyEntity;

  /** The token's not-before: when it was last signed. */
  @TimestampColumn()
  signedAt: Date;

  /** Why it stopped: a revocation reason, lost or stolen for a replaced card. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  statusReason: string | null;

  /** The card that replaced this one (lost or stolen). */
  @Column({ type: 'uuid', nullable: true })
  replacedById: string | null;

  /** On a replacement card: the duplicate fee recorded, in minor units, and whether it was waived. */
  @Column({ type: 'integer', nullable: true })
  feeAmount: number | null;

  @Column({ type: 'boolean', nullable: true })
  feeWaived: boolean | null;

  /** null until a print batch takes it; set again to null when a new token needs a new print. */
  @Column({ type: 'uuid', nullable: true })
  printBatchId: string | null;

  @TimestampColumn({ nullable: true })
  printedAt: Date | null;

  /** The valid-until a reminder e-mail was queued for: at most one reminder per expiry date. */
  @Column({ type: 'date', nullable: true })
  remindedFor: IsoDate | null;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
