import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Role, UserKind } from '../auth/roles';
import { CreatedAtColumn, TimestampColumn, UpdatedAtColumn } from '../database/engine';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-cased; unique across every kind of user. */
  @Index('uq_users_email', { unique: true })
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 200 })
  displayName: string;

  @Column({ type: 'varchar', length: 16 })
  kind: UserKind;

  @Column({ type: 'varchar', length: 32 })
  role: Role;

  /** Set for merchant users: the one partner they act for. */
  @Index('ix_users_partner')
  @Column({ type: 'uuid', nullable: true })
  partnerId: string | null;

  /** Set for family users: the one family they belong to. */
  @Index('ix_users_family')
  @Column({ type: 'uuid', nullable: true })
  familyId: string | null;

  @Column({ type: 'varchar', length: 255 })
  passwordHash: string;

  @Column({ type: 'boolean', default: false })
  disabled: boolean;

  @Column({ type: 'integer', default: 0 })
  failedLogins: number;

  @TimestampColumn({ nullable: true })
  lockedUntil: Date | null;

  @TimestampColumn({ nullable: true })
  lastLoginAt: Date | null;

  @TimestampColumn({ nullable: true })
  passwordChangedAt: Date | null;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
