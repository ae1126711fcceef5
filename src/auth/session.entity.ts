import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, TimestampColumn } from '../database/engine';
import { UserEntity } from '../users/user.entity';

/** A sign-in. Access tokens name their session, so logging out or disabling a user takes effect at once. */
@Entity('sessions')
export class SessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_sessions_user')
  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  /** SHA-256 of the current refresh secret; rotated on every refresh. */
  @Column({ type: 'varchar', length: 64 })
  refreshHash: string;

  @Index('ix_sessions_expires')
  @TimestampColumn()
  expiresAt: Date;

  @TimestampColumn({ nullable: true })
  revokedAt: Date | null;

  @TimestampColumn({ nullable: true })
  lastRefreshedAt: Date | null;

  @CreatedAtColumn()
  createdAt: Date;
}
