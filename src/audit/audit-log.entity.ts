import { Column, Entity, Index } from 'typeorm';
import { BigIdColumn, JsonColumn, TimestampColumn } from '../database/engine';

/** Append-only: triggers in the database refuse UPDATE and DELETE on this table. */
@Entity('audit_log')
@Index('ix_audit_entity', ['entityType', 'entityId'])
@Index('ix_audit_actor', ['actorId'])
@Index('ix_audit_at', ['at'])
export class AuditLogEntity {
  @BigIdColumn()
  id: string;

  @TimestampColumn()
  at: Date;

  @Column({ type: 'varchar', length: 16 })
  actorType: 'user' | 'api_key' | 'system' | 'anonymous';

  @Column({ type: 'varchar', length: 64, nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  actorLabel: string | null;

  @Index('ix_audit_action')
  @Column({ type: 'varchar', length: 64 })
  action: string;

  @Column({ type: 'varchar', length: 32 })
  entityType: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  entityId: string | null;

  /** What changed, with secrets and national ID numbers removed. */
  @JsonColumn({ nullable: true })
  summary: Record<string, unknown> | null;

  @Column({ type: 'varchar', length: 128, nullable: true })
  requestId: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;
}
