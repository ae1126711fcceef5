import type { Multipart } from '@fastify/multipart';
import { Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import type { Actor } from '../../auth/actor';
import type { FieldError } from '../../common/problem/problem';
import { problemFor } from '../../common/problem/problem';
import { ProblemException } from '../../common/problem/problem.exception';
import { TransactionService } from '../../database/transaction.service';
import { isApplicationReader, isCaseStaff, isOwnApplication } from '../application-access';
import { isEditable, isOpen } from '../application-state';
import type { ApplicationEntity } from '../application.entity';
import { ApplicationsService } from '../applications.service';
import { DOCUMENT_KINDS, DocumentEntity, DocumentKind } from '../document.entity';
import { DocumentStorage, ReceivedFile } from './document-storage';
import { cleanFileName } from './file-name';
import { DocumentMediaType, sniffMediaType } from './media-type';

/** What an upload is read from: a Fastify request with @fastify/multipart registered. */
export interface UploadSource {
  isMultipart(): boolean;
  parts(): AsyncIterableIterator<Multipart>;
}

/**
 * Documents attached to applications (statements, certificates). The bytes are checked for what they are,
 * stored on disk by id, and recorded with an audit row in one transaction; whoever may read the application
 * may read its documents, and the applicant side may add and remove them while the application is theirs.
 */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionService,
    private readonly audit: AuditService,
    private readonly applications: ApplicationsService,
    private readonly storage: DocumentStorage,
  ) {}

  async upload(actor: Actor, applicationId: string, source: UploadSource): Promise<DocumentEntity> {
    // Who may attach is settled before a byte is stored.
    const app = await this.applications.getForActor(actor, applicationId);
    assertMayChange(actor, app, 'attach');
    if (!source.isMultipart())
      throw new ProblemException(
        problemFor(415, 'Send the document as multipart/form-data with the fields kind and file.'),
      );
    const { kind, file } = await this.receive(app.id, source);
    const id = randomUUID();
    try {
      await this.storage.place(file, app.id, id);
    } catch (error) {
      await this.storage.discard(file.tempPath);
      throw error;
    }
    try {
      return await this.tx.run(async (em) => {
        // The state may have moved on while the file was arriving.
        const current = await this.applications.getForActor(actor, app.id, em);
        assertMayChange(actor, current, 'attach');
        const document = await em.save(
          em.create(DocumentEntity, {
            id,
            applicationId: current.id,
            familyId: current.familyId,
            kind,
            fileName: file.fileName,
            mediaType: file.mediaType,
            size: file.size,
            sha256: file.sha256,
            uploadedBy: actor.id,
          }),
        );
        await this.audit.record(em, actor, {
          action: 'document.upload',
          entityType: 'document',
          entityId: id,
          summary: { applicationId: current.id, kind, size: file.size, mediaType: file.mediaType },
        });
        return document;
      });
    } catch (error) {
      await this.storage.remove([{ applicationId: app.id, id }]);
      throw error;
    }
  }

  async list(actor: Actor, applicationId: string): Promise<DocumentEntity[]> {
    const app = await this.applications.getForActor(actor, applicationId);
    return this.dataSource.manager.find(DocumentEntity, {
      where: { applicationId: app.id },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  /** The document and its bytes for whoever may read its application; staff reads are audited. */
  async open(
    actor: Actor,
    documentId: string,
  ): Promise<{ document: DocumentEntity; stream: Readable; size: number }> {
    const document = await this.readable(actor, documentId, this.dataSource.manager);
    const file = await this.storage.open(document.applicationId, document.id);
    if (isApplicationReader(actor)) {
      try {
        await this.tx.run((em) =>
          this.audit.record(em, actor, {
            action: 'document.read',
            entityType: 'document',
            entityId: document.id,
            summary: { applicationId: document.applicationId, kind: document.kind },
          }),
        );
      } catch (error) {
        file.stream.destroy();
        throw error;
      }
    }
    return { document, ...file };
  }

  async remove(actor: Actor, documentId: string): Promise<void> {
    const document = await this.tx.run(async (em) => {
      const document = await this.readable(actor, documentId, em);
      assertMayChange(
        actor,
        await this.applications.getForActor(actor, document.applicationId, em),
        'remove',
      );
      await em.delete(DocumentEntity, { id: document.id });
      await this.audit.record(em, actor, {
        action: 'document.delete',
        entityType: 'document',
        entityId: document.id,
        summary: { applicationId: document.applicationId, kind: document.kind, size: document.size },
      });
      return document;
    });
    // Only once the row is gone for good: a rolled-back delete must still find its file.
    await this.storage.remove([document]);
  }

  /** A document the actor may read; 404 alike for one that does not exist and one of another family. */
  private async readable(actor: Actor, documentId: string, em: EntityManager): Promise<DocumentEntity> {
    const notFound = new NotFoundException(`No document with id ${documentId}`);
    const document = await em.findOneBy(DocumentEntity, { id: documentId });
    if (!document) throw notFound;
    await this.applications.getForActor(actor, document.applicationId, em).catch((error: unknown) => {
      throw error instanceof NotFoundException ? notFound : error;
    });
    return document;
  }

  /**
   * Reads the form, streaming the file to a temporary name as it arrives (never whole into memory), and
   * checks it: a kind, a non-empty file whose bytes are a PDF, JPEG or PNG. Anything refused is not kept.
   */
  private async receive(
    applicationId: string,
    source: UploadSource,
  ): Promise<{
    kind: DocumentKind;
    file: ReceivedFile & { fileName: string; mediaType: DocumentMediaType };
  }> {
    const errors: FieldError[] = [];
    let kind: string | undefined;
    let file: (ReceivedFile & { fileName: string }) | undefined;
    try {
      for await (const part of source.parts()) {
        if (part.type === 'field') {
          if (part.fieldname === 'kind') kind = String(part.value);
          else if (part.fieldname === 'file')
            errors.push({ field: 'file', message: 'file must be a file, sent with a file name' });
          else errors.push({ field: part.fieldname, message: `property ${part.fieldname} should not exist` });
          continue;
        }
        if (part.fieldname !== 'file') {
          part.file.resume();
          errors.push({ field: part.fieldname, message: `property ${part.fieldname} should not exist` });
          continue;
        }
        file = {
          ...(await this.storage.receive(applicationId, part.file)),
          fileName: cleanFileName(part.filename),
        };
        if (part.file.truncated) throw tooLarge();
      }
      if (!DOCUMENT_KINDS.includes(kind as DocumentKind))
        errors.unshift({ field: 'kind', message: `kind must be one of: ${DOCUMENT_KINDS.join(', ')}` });
      if (!file && !errors.some((e) => e.field === 'file'))
        errors.push({ field: 'file', message: 'file is required' });
      if (file?.size === 0) errors.push({ field: 'file', message: 'file is empty' });
      if (errors.length || !file) throw ProblemException.validation(errors);
      const mediaType = sniffMediaType(file.head);
      if (!mediaType)
        throw new ProblemException(
          problemFor(415, 'Only PDF, JPEG and PNG files are accepted.', {
            errors: [{ field: 'file', message: 'file must be a PDF, JPEG or PNG file' }],
          }),
        );
      return { kind: kind as DocumentKind, file: { ...file, mediaType } };
    } catch (error) {
      if (file) await this.storage.discard(file.tempPath);
      throw multipartProblem(error);
    }
  }
}

/**
 * The family changes documents while the application is theirs to edit (draft, needs_info). Case staff may
 * also attach at any open state (papers handed in at the counter), but remove only while editable: once
 * submitted, the documents are what the review is based on.
 */
function assertMayChange(actor: Actor, app: ApplicationEntity, intent: 'attach' | 'remove'): void {
  const staff = isCaseStaff(actor);
  if (!staff && !isOwnApplication(actor, app))
    throw new NotFoundException(`No application with id ${app.id}`);
  const allowed = staff && intent === 'attach' ? isOpen(app.status) : isEditable(app.status);
  if (!allowed)
    throw ProblemException.conflict(
      'application-not-editable',
      `Application ${app.number} is ${app.status}; its documents cannot be changed now`,
    );
}

const tooLarge = () =>
  new ProblemException(
    problemFor(413, 'The file is larger than this service accepts.', {
      errors: [{ field: 'file', message: 'file is larger than the allowed size' }],
    }),
  );

/** @fastify/multipart's limit errors, as problems that name what to change. */
function multipartProblem(error: unknown): unknown {
  switch ((error as { code?: string }).code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return tooLarge();
    case 'FST_FILES_LIMIT':
      return new ProblemException(
        problemFor(413, 'Send one file per upload.', {
          errors: [{ field: 'file', message: 'file must be a single file' }],
        }),
      );
    case 'FST_FIELDS_LIMIT':
    case 'FST_PARTS_LIMIT':
      return new ProblemException(
        problemFor(413, 'The form has more fields than an upload needs (kind and file).'),
      );
    default:
      return error;
  }
}
