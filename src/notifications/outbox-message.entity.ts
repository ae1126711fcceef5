import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, TimestampColumn } from '../database/engine';

export type OutboxStatus = 'pending' | 'sent' | 'failed';

/** An e-mail written in the same transaction as the change it reports, and sent afterwards with retries. */
@Entity('outbox_messages')
@Index('ix_outbox_due', ['status', 'nextAttemptAt'])
export class OutboxMessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 40 })
  template: string;

  @Column({ type: 'varchar', length: 8 })
  language: string;

  @Column({ type: 'varchar', length: 254 })
  recipient: string;

  @Column({ type: 'varchar', length: 300 })
  subject: string;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'text' })
  html: string;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status: OutboxStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @TimestampColumn()
  nextAttemptAt: Date;

  @Column({ type: 'varchar', length: 500, nullable: true })
  lastError: string | null;

  @TimestampColumn({ nullable: true })
  sentAt: Date | null;

  @Index('ix_outbox_application')
  @Column({ type: 'uuid', nullable: true })
  applicationId: string | null;

  @Index('ix_outbox_family')
  @Column({ type: 'uuid', nullable: true })
  familyId: string | null;

  @CreatedAtColumn()
  createdAt: Date;
}
