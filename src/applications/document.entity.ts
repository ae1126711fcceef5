import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn } from '../database/engine';

export const DOCUMENT_KINDS = [
  'education_statement',
  'disability_certificate',
  'foster_placement',
  'residence_permit',
  'birth_certificate',
  'other',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** A file attached to an application. The bytes live under DATA_DIR/documents, never under a public path. */
@Entity('documents')
export class DocumentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_documents_application')
  @Column({ type: 'uuid' })
  applicationId: string;

  @Index('ix_documents_family')
  @Column({ type: 'uuid', nullable: true })
  familyId: string | null;

  @Column({ type: 'varchar', length: 32 })
  kind: DocumentKind;

  /** The name the uploader gave, for display only; the stored file is named by id. */
  @Column({ type: 'varchar', length: 200 })
  fileName: string;

  /** Detected from the bytes, not taken from the upload's claim. */
  @Column({ type: 'varchar', length: 40 })
  mediaType: string;

  @Column({ type: 'integer' })
  size: number;

  @Column({ type: 'varchar', length: 64 })
  sha256: string;

  @Column({ type: 'uuid', nullable: true })
  uploadedBy: string | null;

  @CreatedAtColumn()
  createdAt: Date;
}
