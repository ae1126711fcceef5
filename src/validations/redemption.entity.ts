import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { TimestampColumn } from '../database/engine';

export type RedemptionStatus = 'recorded' | 'cancelled';

/** One use of an offer with a checked card. Usage limits count the recorded ones. */
@Entity('redemptions')
@Index('uq_redemptions_idempotency', ['partnerId', 'idempotencyKey'], { unique: true })
@Index('ix_redemptions_card_offer', ['cardId', 'offerId', 'createdAt'])
@Index('ix_redemptions_family_offer', ['familyId', 'offerId'])
@Index('ix_redemptions_partner', ['partnerId', 'createdAt'])
export class RedemptionEntity {
  /** UUIDv7. */
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  programmeId: string;

  @Column({ type: 'uuid' })
  partnerId: string;

  @Column({ type: 'uuid', nullable: true })
  outletId: string | null;

  @Column({ type: 'uuid' })
  offerId: string;

  @Column({ type: 'uuid' })
  cardId: string;

  @Column({ type: 'uuid' })
  familyId: string;

  /** The check this use followed. */
  @Column({ type: 'uuid' })
  validationId: string;

  /** Chosen by the till: the same key twice records one use. */
  @Column({ type: 'varchar', length: 100 })
  idempotencyKey: string;

  @Column({ type: 'varchar', length: 12 })
  status: RedemptionStatus;

  @Column({ type: 'varchar', length: 8 })
  actorType: 'user' | 'api_key';

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @TimestampColumn()
  createdAt: Date;

  @TimestampColumn({ nullable: true })
  cancelledAt: Date | null;
}
