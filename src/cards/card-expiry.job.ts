import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager, In, LessThan, Raw } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { TransactionService } from '../database/transaction.service';
import { FamilyEntity } from '../families/family.entity';
import { JobsService } from '../jobs/jobs.service';
import { NotificationsService } from '../notifications/notifications.service';
import { addDays, todayIn } from '../programmes/eligibility/civil-date';
import { ProgrammeEntity } from '../programmes/programme.entity';
import { UserEntity } from '../users/user.entity';
import { CardEventEntity, cardEventRow } from './card-event.entity';
import { formatCardNumber } from './card-number';
import { LIVE_STATUSES } from './card-status';
import { CardEntity } from './card.entity';

/** Cards per transaction: short write locks, bounded memory, whatever the register's size. */
const BATCH = 500;
const REMINDER = { type: 'system', id: 'cards.expire', label: 'cards.expire' };

export interface ExpiryCounts {
  expired: number;
  reminded: number;
}

/**
 * Daily, once across instances: ends cards past their valid-until day (in the programme's time zone) and queues
 * one reminder e-mail per card `reminderLeadDays` before it ends. A second run the same day finds nothing to do:
 * expired cards are no longer live, and a reminded card remembers the date it was reminded for.
 */
@Injectable()
export class CardExpiryJob implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionService,
    private readonly jobs: JobsService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: 'cards.expire',
      everyMs: 86_400_000,
      run: async (actor) => void (await this.run(actor)),
    });
  }

  async run(actor: Actor, now = new Date()): Promise<ExpiryCounts> {
    const counts: ExpiryCounts = { expired: 0, reminded: 0 };
    for (const programme of await this.dataSource.manager.find(ProgrammeEntity, { order: { code: 'ASC' } })) {
      const today = todayIn(programme.timeZone, now);
      counts.expired += await this.inBatches((em) => this.expire(em, actor, programme, today));
      counts.reminded += await this.inBatches((em) => this.remind(em, programme, today));
    }
    return counts;
  }

  private async inBatches(step: (em: EntityManager) => Promise<number>): Promise<number> {
    let total = 0;
    for (let done = BATCH; done === BATCH; total += done) done = await this.tx.run(step);
    return total;
  }

  private async expire(
    em: EntityManager,
    actor: Actor,
    programme: ProgrammeEntity,
    today: string,
  ): Promise<number> {
    const due = await em.find(CardEntity, {
      select: { id: true, number: true, validUntil: true },
      where: { programmeId: programme.id, status: In([...LIVE_STATUSES]), validUntil: LessThan(today) },
      order: { validUntil: 'ASC', id: 'ASC' },
      take: BATCH,
    });
    if (due.length === 0) return 0;
    const ids = due.map((c) => c.id);
    await em.update(CardEntity, { id: In(ids) }, { status: 'expired', statusReason: 'valid_until_passed' });
    await em.insert(
      CardEventEntity,
      due.map((c) => cardEventRow(c.id, 'expired', actor, null, { validUntil: c.validUntil })),
    );
    await this.audit.record(em, actor, {
      action: 'card.expire',
      entityType: 'card',
      summary: { programme: programme.code, cards: due.length, numbers: due.map((c) => c.number) },
    });
    return due.length;
  }

  private async remind(em: EntityManager, programme: ProgrammeEntity, today: string): Promise<number> {
    const due = await em.find(CardEntity, {
      where: {
        programmeId: programme.id,
        status: 'active',
        validUntil: Raw((v) => `${v} >= :today AND ${v} <= :last`, {
          today,
          last: addDays(today, programme.reminderLeadDays),
        }),
        // Reminded at most once per valid-until: an extension moves the date and earns a new reminder.
        remindedFor: Raw((v) => `(${v} IS NULL OR ${v} <> "valid_until")`),
      },
      order: { validUntil: 'ASC', id: 'ASC' },
      take: BATCH,
    });
    for (const card of due) {
      const to = await this.recipientOf(em, card.familyId);
      if (to)
        await this.notifications.enqueue(em, {
          template: 'card_expiring',
          to,
          language: programme.languages[0],
          vars: {
            programmeName: programme.name,
            holderName: card.holderName,
            cardNumber: formatCardNumber(card.number),
            validUntil: card.validUntil,
          },
          familyId: card.familyId,
        });
      await em.update(CardEntity, { id: card.id }, { remindedFor: card.validUntil });
      await em.insert(
        CardEventEntity,
        cardEventRow(card.id, 'reminded', REMINDER, to ? null : 'no_email', { validUntil: card.validUntil }),
      );
    }
    return due.length;
  }

  /** The family's contact e-mail, or else the e-mail of an account linked to it. */
  private async recipientOf(em: EntityManager, familyId: string): Promise<string | null> {
    const family = await em.findOneBy(FamilyEntity, { id: familyId });
    if (family?.email) return family.email;
    return (
      (await em.findOne(UserEntity, { where: { familyId }, order: { createdAt: 'ASC' } }))?.email ?? null
    );
  }
}
