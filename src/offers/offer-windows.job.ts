import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager, IsNull, LessThanOrEqual, Not } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { refreshCatalogue } from '../catalogue/catalogue-index';
import { TransactionService } from '../database/transaction.service';
import { JobsService } from '../jobs/jobs.service';
import { ProgrammeEntity } from '../programmes/programme.entity';
import { windowColumns } from './offer-input';
import { OfferEntity } from './offer.entity';

/** Offers per transaction: short write locks, bounded memory. */
const BATCH = 500;
export const DATES_PASSED = 'The offer’s dates have passed';

export interface WindowCounts {
  /** Offers whose window moved on to the next one (or, for unpublished offers, to none). */
  moved: number;
  /** Published offers with no window left, now ended. */
  ended: number;
}

/**
 * Hourly, once across instances: keeps `windowStart`/`windowEnd` on the current or next window, so the
 * catalogue's "active now" stays an indexed comparison. A published offer with no window left ends. Every
 * offer it touches leaves with a window ending after `now` or with none, so a second run finds nothing.
 */
@Injectable()
export class OfferWindowsJob implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionService,
    private readonly jobs: JobsService,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: 'offers.windows',
      everyMs: 3_600_000,
      run: async (actor) => void (await this.run(actor)),
    });
  }

  async run(actor: Actor, now = new Date()): Promise<WindowCounts> {
    const counts: WindowCounts = { moved: 0, ended: 0 };
    for (const programme of await this.dataSource.manager.find(ProgrammeEntity, { order: { code: 'ASC' } }))
      for (let done = BATCH; done === BATCH;)
        done = await this.tx.run((em) => this.batch(em, actor, programme, now, counts));
    return counts;
  }

  private async batch(
    em: EntityManager,
    actor: Actor,
    programme: ProgrammeEntity,
    now: Date,
    counts: WindowCounts,
  ): Promise<number> {
    const programmeId = programme.id;
    const due = await em.find(OfferEntity, {
      select: { id: true, ref: true, status: true, schedule: true },
      where: [
        // A window has passed…
        { programmeId, status: Not('ended'), windowEnd: LessThanOrEqual(now) },
        // …or an offer was published with none left (approved after its dates).
        { programmeId, status: 'published', windowStart: IsNull() },
      ],
      order: { id: 'ASC' },
      take: BATCH,
      // SQLite writes one transaction at a time; on PostgreSQL an edit of the same offer waits for this batch.
      ...(em.connection.options.type === 'postgres' ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    for (const offer of due) {
      const window = windowColumns(offer.schedule, now, programme.timeZone);
      if (window.windowStart === null && offer.status === 'published') {
        await em.update(
          OfferEntity,
          { id: offer.id, status: 'published' },
          { ...window, status: 'ended', statusReason: DATES_PASSED },
        );
        await this.audit.record(em, actor, {
          action: 'offer.end',
          entityType: 'offer',
          entityId: offer.id,
          summary: { from: 'published', to: 'ended', reason: DATES_PASSED },
        });
        counts.ended++;
      } else {
        await em.update(OfferEntity, { id: offer.id }, window);
        counts.moved++;
      }
    }
    await refreshCatalogue(em, { offerIds: due.map((offer) => offer.id) });
    return due.length;
  }
}
