import { Column, Entity, Index } from 'typeorm';
import { BigIdColumn, CreatedAtColumn } from '../database/engine';

/** A case worker's internal note: staff only, never shown to the family. */
@Entity('application_notes')
@Index('ix_application_notes_application', ['applicationId', 'id'])
export class ApplicationNoteEntity {
  /** 64-bit and increasing: the order of the timeline even within one second (SQLite keeps whole seconds). */
  @BigIdColumn()
  id: string;

  @Column({ type: 'uuid' })
  applicationId: string;

  @Column({ type: 'uuid', nullable: true })
  authorId: string | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  authorLabel: string | null;

  @Column({ type: 'varchar', length: 4000 })
  text: string;

  @CreatedAtColumn()
  createdAt: Date;
}
