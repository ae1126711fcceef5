import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createHash, randomUUID } from 'node:crypto';
import { FileHandle, mkdir, open, rename, rm, rmdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { AppConfig } from '../../config/app.config';
import { SNIFF_BYTES } from './media-type';

/** A file received into its application's folder under a temporary name, not yet a document. */
export interface ReceivedFile {
  tempPath: string;
  size: number;
  sha256: string;
  /** The first bytes, for sniffing the type. */
  head: Buffer;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The bytes of attached documents: `<DATA_DIR>/documents/<applicationId>/<documentId>`, folders 0700 and files
 * 0600 (readable by the service's user only), outside anything served statically. Files are named by id only,
 * so nothing an uploader sends ever becomes part of a path.
 */
@Injectable()
export class DocumentStorage {
  private readonly logger = new Logger('Documents');
  readonly root: string;

  constructor(config: ConfigService) {
    this.root = join(config.getOrThrow<AppConfig>('app').dataDir, 'documents');
  }

  pathOf(applicationId: string, documentId: string): string {
    return join(this.folderOf(applicationId), checkedId(documentId));
  }

  /**
   * Streams an upload to a temporary file next to its final place (so the later rename is atomic), hashing and
   * counting as it goes. The caller places or discards it.
   */
  async receive(applicationId: string, source: Readable): Promise<ReceivedFile> {
    const { tempPath, handle } = await this.createTemp(this.folderOf(applicationId));
    const hash = createHash('sha256');
    let size = 0;
    let head = Buffer.alloc(0);
    const tap = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        size += chunk.length;
        if (head.length < SNIFF_BYTES)
          head = Buffer.concat([head, chunk.subarray(0, SNIFF_BYTES - head.length)]);
        done(null, chunk);
      },
    });
    try {
      await pipeline(source, tap, handle.createWriteStream());
    } catch (error) {
      await this.discard(tempPath);
      throw error;
    }
    return { tempPath, size, sha256: hash.digest('hex'), head };
  }

  /** Gives a received file its document id. */
  async place(file: ReceivedFile, applicationId: string, documentId: string): Promise<void> {
    await rename(file.tempPath, this.pathOf(applicationId, documentId));
  }

  async discard(tempPath: string): Promise<void> {
    await rm(tempPath, { force: true }).catch((error: Error) =>
      this.logger.error(`could not remove ${tempPath}: ${error.message}`),
    );
    await rmdir(dirname(tempPath)).catch(() => undefined);
  }

  /**
   * Opens a document for reading before anything is sent, so a missing file is an error response rather than a
   * cut-off download. The stream closes the file when it ends.
   */
  async open(applicationId: string, documentId: string): Promise<{ stream: Readable; size: number }> {
    const handle = await open(this.pathOf(applicationId, documentId), 'r');
    try {
      const { size } = await handle.stat();
      return { stream: handle.createReadStream(), size };
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  /**
   * Removes documents after the transaction that deleted their rows committed. A failure is logged, not thrown:
   * the row is gone and the file is unreachable; the operator can sweep it.
   */
  async remove(files: { applicationId: string; id: string }[]): Promise<void> {
    const folders = new Set<string>();
    for (const f of files) {
      const path = this.pathOf(f.applicationId, f.id);
      await rm(path, { force: true }).catch((error: Error) =>
        this.logger.error(`could not remove ${path}: ${error.message}`),
      );
      folders.add(this.folderOf(f.applicationId));
    }
    // An application's folder goes with its last document; rmdir refuses a folder that is not empty.
    for (const folder of folders) await rmdir(folder).catch(() => undefined);
  }

  /**
   * A new, exclusive temporary file in the folder. The folder may vanish in between when its last document is
   * removed at the same moment (removal tidies empty folders up); then it is made again, once.
   */
  private async createTemp(folder: string): Promise<{ tempPath: string; handle: FileHandle }> {
    for (let attempt = 1; ; attempt++) {
      await mkdir(folder, { recursive: true, mode: 0o700 });
      const tempPath = join(folder, `.${randomUUID()}.part`);
      try {
        return { tempPath, handle: await open(tempPath, 'wx', 0o600) };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || attempt > 1) throw error;
      }
    }
  }

  private folderOf(applicationId: string): string {
    return join(this.root, checkedId(applicationId));
  }
}

/** Ids come from the database, but a path is built from them: refuse anything that is not a plain UUID. */
function checkedId(id: string): string {
  if (!UUID.test(id)) throw new Error(`not a document path id: ${JSON.stringify(id).slice(0, 60)}`);
  return id.toLowerCase();
}
