import { Module } from '@nestjs/common';
import { DocumentStorage } from './document-storage';

/** The document files on disk, shared by the documents API and the retention job. */
@Module({ providers: [DocumentStorage], exports: [DocumentStorage] })
export class DocumentStorageModule {}
