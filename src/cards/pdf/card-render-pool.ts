import { availableParallelism } from 'node:os';
import { WorkerPool, workerScript } from '../../common/worker-pool';
import type { CardFace } from './card-face';
import type { CardTemplate } from './card-template';

const WORKER = workerScript(__filename, 'card-render.worker');

/**
 * CardRenderer.renderCards on worker threads: a card costs a few milliseconds of CPU (mostly the QR symbol and
 * compression), which would otherwise be taken from the event loop, and one thread per core renders that many
 * cards at once. Print sheets stay with CardRenderer: one streamed document cannot be split between threads.
 */
export class CardRenderPool {
  private readonly pool: WorkerPool<CardFace[], Uint8Array>;

  constructor(template: CardTemplate, threads = availableParallelism()) {
    this.pool = new WorkerPool(WORKER, template, threads, 'rendering cards');
  }

  /** The same PDF as CardRenderer.renderCards, made on the least busy thread. */
  async renderCards(faces: CardFace[]): Promise<Buffer> {
    const pdf = await this.pool.run(faces);
    return Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  }

  /** Stops the threads; requests still waiting fail. */
  close(): Promise<void> {
    return this.pool.close();
  }
}
