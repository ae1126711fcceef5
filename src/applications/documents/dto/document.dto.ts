import { ApiProperty } from '@nestjs/swagger';
import { DOCUMENT_KINDS, DocumentEntity, DocumentKind } from '../../document.entity';
import { DOCUMENT_MEDIA_TYPES } from '../media-type';

/** The multipart form of an upload: the kind first, then the file (PDF, JPEG or PNG). */
export class UploadDocumentDto {
  @ApiProperty({ enum: DOCUMENT_KINDS })
  kind: DocumentKind;

  /** The file; its type is detected from its bytes. At most DOCUMENT_MAX_BYTES (5 MB by default). */
  @ApiProperty({ type: 'string', format: 'binary' })
  file: unknown;
}

export class DocumentDto {
  id: string;
  applicationId: string;
  @ApiProperty({ enum: DOCUMENT_KINDS })
  kind: DocumentKind;
  /** The name the uploader gave, for display only. */
  fileName: string;
  /** Detected from the file's bytes. */
  @ApiProperty({ enum: DOCUMENT_MEDIA_TYPES })
  mediaType: string;
  /** In bytes. */
  size: number;
  /** SHA-256 of the bytes, hex: lets anyone check a download against what was submitted. */
  sha256: string;
  createdAt: Date;
}

export const mapDocument = (d: DocumentEntity): DocumentDto => ({
  id: d.id,
  applicationId: d.applicationId,
  kind: d.kind,
  fileName: d.fileName,
  mediaType: d.mediaType,
  size: d.size,
  sha256: d.sha256,
  createdAt: d.createdAt,
});
