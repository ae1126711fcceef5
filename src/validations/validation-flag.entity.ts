import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { TimestampColumn } from '../database/engine';

/**
 * A burst of unknown, forged or malformed codes from one merchant account or till key: someone may be trying
 * card numbers or replaying doctored QR codes. Staff look at it and close it.
 */
@Entity('validation_flags')
@Index('ix_validation_flags_open', ['resolvedAt', 'createdAt'])
@Index('ix_validation_flags_actor', ['actorId', 'createdAt'])
export class ValidationFlagEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  programmeId: string;

  @Column({ type: 'uuid' })
  partnerId: string;

  @Column({ type: 'varchar', length: 8 })
  actorType: 'user' | 'api_key';

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  /** The client address of the request that crossed the threshold. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  /** Bad codes in the window when the flag was raised. */
  @Column({ type: 'integer' })
  badCount: number;

  @TimestampColumn()
  windowStart: Date;

  @TimestampColumn()
  createdAt: Date;

  @TimestampColumn({ nullable: true })
  resolvedAt: Date | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  resolvedBy: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  resolution: string | null;
}
