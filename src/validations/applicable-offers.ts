import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, EntityManager } from 'typeorm';
import type { CardEntity } from '../cards/card.entity';
import { textIn } from '../common/language';
import { MemberEntity } from '../families/member.entity';
import { formatBenefit } from '../offers/offer-benefit';
import { OfferOutletEntity } from '../offers/offer-outlet.entity';
import { OfferEntity } from '../offers/offer.entity';
import { todayIn } from '../programmes/eligibility/civil-date';
import type { ApplicableOfferDto } from './dto/check-card.dto';
import { audienceRefusal, Holder } from './offer-applicability';
import { RedemptionEntity } from './redemption.entity';
import { periodStarts, remainingUses, UsageCounts } from './usage-periods';
import type { Checker } from './validations.service';

/** This partner's offers for one checked card: those that hold now, here, for this holder, with uses left. */
@Injectable()
export class ApplicableOffers {
  constructor(private readonly dataSource: DataSource) {}

  async forCard(
    checker: Checker,
    card: CardEntity,
    outletId: string | null,
    now: Date,
  ): Promise<ApplicableOfferDto[]> {
    const em = this.dataSource.manager;
    const { programme } = checker;
    const holder = await this.holder(em, card);
    const today = todayIn(programme.timeZone, now);
    const offers = await this.activeOffers(em, checker.partner.id, outletId, now);
    const language = programme.languages[0];
    const applicable: ApplicableOfferDto[] = [];
    for (const offer of offers) {
      if (audienceRefusal(offer, holder, today)) continue;
      const used = await this.usage(em, card, offer.id, now, programme.timeZone);
      applicable.push({
        id: offer.id,
        title: textIn(offer.texts, language, programme.languages)?.title ?? '',
        benefitLabel: formatBenefit(offer.benefit, programme.currency, language),
        remainingUses: remainingUses(offer.limits, used),
      });
    }
    return applicable;
  }

  /** Published offers of the partner in their window at `now`, at `outletId` when the till names one. */
  activeOffers(
    em: EntityManager,
    partnerId: string,
    outletId: string | null,
    now: Date,
  ): Promise<OfferEntity[]> {
    const qb = em
      .createQueryBuilder(OfferEntity, 'o')
      .where('o.partnerId = :partnerId', { partnerId })
      .andWhere("o.status = 'published'")
      .andWhere('o.windowStart <= :now', { now })
      .andWhere(new Brackets((w) => w.where('o.windowEnd IS NULL').orWhere('o.windowEnd > :now', { now })))
      .orderBy('o.publishedAt', 'ASC');
    if (outletId)
      qb.innerJoin(OfferOutletEntity, 'oo', 'oo.offerId = o.id AND oo.outletId = :outletId', { outletId });
    return qb.getMany();
  }

  async holder(em: EntityManager, card: CardEntity): Promise<Holder> {
    const member = await em.findOneByOrFail(MemberEntity, { id: card.memberId });
    const familySize = await em.countBy(MemberEntity, { familyId: card.familyId, status: 'active' });
    return { role: card.role, birthDate: member.person.birthDate, familySize };
  }

  /** Recorded (not cancelled) uses of the offer by this card per period, and by its whole family: one query. */
  async usage(
    em: EntityManager,
    card: CardEntity,
    offerId: string,
    now: Date,
    timeZone: string,
  ): Promise<UsageCounts> {
    const starts = periodStarts(now, timeZone);
    const mine = (since?: string) =>
      `SUM(CASE WHEN r.cardId = :cardId${since ? ` AND r.createdAt >= :${since}` : ''} THEN 1 ELSE 0 END)`;
    const row = await em
      .createQueryBuilder(RedemptionEntity, 'r')
      .select(mine('day'), 'day')
      .addSelect(mine('week'), 'week')
      .addSelect(mine('month'), 'month')
      .addSelect(mine(), 'total')
      .addSelect('COUNT(*)', 'family')
      .where('r.familyId = :familyId', { familyId: card.familyId })
      .andWhere('r.offerId = :offerId', { offerId })
      .andWhere("r.status = 'recorded'")
      .setParameters({ cardId: card.id, ...starts })
      .getRawOne<Record<keyof UsageCounts, string | number | null>>();
    const count = (key: keyof UsageCounts) => Number(row?.[key] ?? 0);
    return {
      day: count('day'),
      week: count('week'),
      month: count('month'),
      total: count('total'),
      family: count('family'),
    };
  }
}
