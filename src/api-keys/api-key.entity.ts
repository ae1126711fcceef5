import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, JsonColumn, TimestampColumn } from '../database/engine';

/** An integration's credential. Only a hash of the secret is kept; the key is shown once at creation. */
@Entity('api_keys')
export class ApiKeyEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  /** Public lookup part of the key (`fck_<prefix>_<secret>`). */
  @Index('uq_api_keys_prefix', { unique: true })
  @Column({ type: 'varchar', length: 16 })
  prefix: string;

  /** SHA-256 of the secret: the secret is 256 random bits, so a slow hash adds nothing but latency. */
  @Column({ type: 'varchar', length: 64 })
  secretHash: string;

  @JsonColumn()
  scopes: string[];

  /** Set when the key belongs to a partner's till system. */
  @Index('ix_api_keys_partner')
  @Column({ type: 'uuid', nullable: true })
  partnerId: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @TimestampColumn({ nullable: true })
  expiresAt: Date | null;

  @TimestampColumn({ nullable: true })
  revokedAt: Date | null;

  @TimestampColumn({ nullable: true })
  lastUsedAt: Date | null;

  @CreatedAtColumn()
  createdAt: Date;
}
