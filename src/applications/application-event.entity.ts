import { Column, Entity, Index } from 'typeorm';
import { BigIdColumn, CreatedAtColumn } from '../database/engine';
import type { ApplicationAction, ApplicationStatus } from './application-state';

/** One step of an application's timeline, shown to the family and to staff (internal notes live apart). */
@Entity('application_events')
@Index('ix_application_events_application', ['applicationId', 'id'])
export class ApplicationEventEntity {
  /** 64-bit and increasing: the order of the timeline even within one second (SQLite keeps whole seconds). */
  @BigIdColumn()
  id: string;

  @Column({ type: 'uuid' })
  applicationId: string;

  @Column({ type: 'varchar', length: 24 })
  action: ApplicationAction;

  @Column({ type: 'varchar', length: 16, nullable: true })
  fromStatus: ApplicationStatus | null;

  @Column({ type: 'varchar', length: 16 })
  toStatus: ApplicationStatus;

  @Column({ type: 'varchar', length: 16 })
  actorType: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  reason: string | null;

  /** What the family is told (a request for information, the decision's explanation). */
  @Column({ type: 'varchar', length: 2000, nullable: true })
  message: string | null;

  @CreatedAtColumn()
  at: Date;
}
