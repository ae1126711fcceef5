import { Injectable, NotFoundException } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { DataSource, IsNull } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import type { Actor } from '../../auth/actor';
import { TransactionService } from '../../database/transaction.service';
import { CardPdfService } from '../card-pdf.service';
import { CardEntity } from '../card.entity';
import { PrintBatchEntity } from '../print-batch.entity';

/** Cards read per query while streaming: memory stays flat however large the batch. */
const PAGE = 500;

/**
 * Print runs: a batch takes every active card not yet printed (marking it printed, with one history row each,
 * in one transaction); its PDF of A4 sheets is streamed from the database page by page and can be downloaded
 * again, so a broken download loses nothing.
 */
@Injectable()
export class CardPrintService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionService,
    private readonly audit: AuditService,
    private readonly pdf: CardPdfService,
  ) {}

  async createBatch(actor: Actor, programmeId: string): Promise<PrintBatchEntity> {
    return this.tx.run(async (em) => {
      const batch = await em.save(
        em.create(PrintBatchEntity, { programmeId, cards: 0, createdBy: actor.label ?? actor.type }),
      );
      const now = new Date();
      const taken = await em.update(
        CardEntity,
        { programmeId, status: 'active', printBatchId: IsNull() },
        { printBatchId: batch.id, printedAt: now },
      );
      batch.cards = taken.affected ?? 0;
      await em.update(PrintBatchEntity, { id: batch.id }, { cards: batch.cards });
      // One statement for the whole batch's history rows, however many cards it took.
      const { driver } = em.connection;
      const p = (i: number) => driver.createParameter(`p${i}`, i);
      const json = em.connection.options.type === 'postgres' ? `CAST(${p(3)} AS jsonb)` : p(3);
      await em.query(
        `INSERT INTO card_events (card_id, type, actor_type, actor_id, actor_label, details)
         SELECT id, 'printed', ${p(0)}, ${p(1)}, ${p(2)}, ${json} FROM cards WHERE print_batch_id = ${p(4)}`,
        [actor.type, actor.id, actor.label, JSON.stringify({ batch: batch.id }), batch.id],
      );
      await this.audit.record(em, actor, {
        action: 'card.print',
        entityType: 'print_batch',
        entityId: batch.id,
        summary: { cards: batch.cards },
      });
      return batch;
    });
  }

  async list(): Promise<PrintBatchEntity[]> {
    return this.dataSource.manager.find(PrintBatchEntity, { order: { createdAt: 'DESC' }, take: 100 });
  }

  async get(id: string): Promise<PrintBatchEntity> {
    const batch = await this.find(id);
    if (!batch) throw new NotFoundException(`No print batch with id ${id}`);
    return batch;
  }

  /** The batch, or null (also for an id that is no UUID, which PostgreSQL would refuse to compare). */
  async find(id: string): Promise<PrintBatchEntity | null> {
    if (!isUUID(id)) return null;
    return this.dataSource.manager.findOneBy(PrintBatchEntity, { id });
  }

  /** A download of a batch's sheets is audited: it is every name in the batch in one file. */
  async recordDownload(actor: Actor, batch: PrintBatchEntity): Promise<void> {
    await this.tx.run((em) =>
      this.audit.record(em, actor, {
        action: 'card.print.download',
        entityType: 'print_batch',
        entityId: batch.id,
        summary: { cards: batch.cards },
      }),
    );
  }

  /** The batch's sheets (10 cards per A4 page, crop marks) into `out`. */
  async stream(batchId: string, out: NodeJS.WritableStream): Promise<{ cards: number; sheets: number }> {
    return this.pdf.printSheets(this.cardsOf(batchId), out);
  }

  private async *cardsOf(batchId: string): AsyncGenerator<CardEntity> {
    let after: string | null = null;
    for (;;) {
      const qb = this.dataSource.manager
        .createQueryBuilder(CardEntity, 'c')
        .where('c.printBatchId = :batchId', { batchId })
        .orderBy('c.id', 'ASC')
        .take(PAGE);
      if (after) qb.andWhere('c.id > :after', { after });
      const page = await qb.getMany();
      yield* page;
      if (page.length < PAGE) return;
      after = page[page.length - 1].id;
    }
  }
}
