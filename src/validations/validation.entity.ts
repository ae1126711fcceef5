import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { TimestampColumn } from '../database/engine';
import type { ValidationResult } from './validation-result';

/**
 * One check of a card at a partner, kept pseudonymously for statistics and abuse detection: the card's
 * internal id (never its number or holder), the partner, the outlet, the time and the answer. Purged after
 * the programme's `validationRetentionDays`.
 */
@Entity('validations')
@Index('ix_validations_partner', ['partnerId', 'createdAt'])
@Index('ix_validations_card', ['cardId', 'createdAt'])
@Index('ix_validations_created', ['createdAt'])
export class ValidationEntity {
  /** UUIDv7. */
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  programmeId: string;

  @Column({ type: 'uuid' })
  partnerId: string;

  @Column({ type: 'uuid', nullable: true })
  outletId: string | null;

  /** Null when no card was found (unknown, forged or malformed codes). */
  @Column({ type: 'uuid', nullable: true })
  cardId: string | null;

  @Column({ type: 'varchar', length: 20 })
  result: ValidationResult;

  /** How the card was presented: its QR code or its number typed by hand. */
  @Column({ type: 'varchar', length: 8 })
  method: 'qr' | 'number';

  /** The merchant user or till key that checked: who to ask about a burst of bad codes. */
  @Column({ type: 'varchar', length: 8 })
  actorType: 'user' | 'api_key';

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  /** Set by the service, to the millisecond on both engines. */
  @TimestampColumn()
  createdAt: Date;
}
