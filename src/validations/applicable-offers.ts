import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, EntityManager, EntityNotFoundError } from 'typeorm';
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
    const offers = await this.activeOffers(em, checker.partner.id, outletId, now);
    if (!offers.length) return [];
    const holder = await this.holder(em, card);
    const today = todayIn(programme.timeZone, now);
    const applicable = offers.filter((offer) => !audienceRefusal(offer, holder, today));
    const used = await this.usages(
      em,
      card,
      applicable.map((o) => o.id),
      now,
      programme.timeZone,
    );
    const language = programme.languages[0];
    return applicable.map((offer) => ({
      id: offer.id,
      title: textIn(offer.texts, language, programme.languages)?.title ?? '',
      benefitLabel: formatBenefit(offer.benefit, programme.currency, language),
      remainingUses: remainingUses(offer.limits, used.get(offer.id)!),
    }));
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

  /** The holder's role, birth date and family size (active members), in one query. */
  async holder(em: EntityManager, card: CardEntity): Promise<Holder> {
    const { entities, raw } = await em
      .createQueryBuilder(MemberEntity, 'm')
      .addSelect(
        // Column names, not property paths: the subquery does not know the outer alias's entity.
        (count) =>
          count
            .select('COUNT(*)')
            .from(MemberEntity, 'f')
            .where('f.family_id = m.family_id')
            .andWhere("f.status = 'active'"),
        'family_size',
      )
      .where('m.id = :id', { id: card.memberId })
      .getRawAndEntities<{ family_size: string | number }>();
    if (!entities.length) throw new EntityNotFoundError(MemberEntity, { id: card.memberId });
    return {
      role: card.role,
      birthDate: entities[0].person.birthDate,
      familySize: Number(raw[0].family_size),
    };
  }

  /** Recorded (not cancelled) uses of the offer by this card per period, and by its whole family. */
  async usage(
    em: EntityManager,
    card: CardEntity,
    offerId: string,
    now: Date,
    timeZone: string,
  ): Promise<UsageCounts> {
    return (await this.usages(em, card, [offerId], now, timeZone)).get(offerId)!;
  }

  /** The same for several offers at once: one query, however many offers a check lists. */
  async usages(
    em: EntityManager,
    card: CardEntity,
    offerIds: string[],
    now: Date,
    timeZone: string,
  ): Promise<Map<string, UsageCounts>> {
    const counts = new Map<string, UsageCounts>(
      offerIds.map((id) => [id, { day: 0, week: 0, month: 0, total: 0, family: 0 }]),
    );
    if (!offerIds.length) return counts;
    const starts = periodStarts(now, timeZone);
    const mine = (since?: string) =>
      `SUM(CASE WHEN r.cardId = :cardId${since ? ` AND r.createdAt >= :${since}` : ''} THEN 1 ELSE 0 END)`;
    const rows = await em
      .createQueryBuilder(RedemptionEntity, 'r')
      .select('r.offerId', 'offerId')
      .addSelect(mine('day'), 'day')
      .addSelect(mine('week'), 'week')
      .addSelect(mine('month'), 'month')
      .addSelect(mine(), 'total')
      .addSelect('COUNT(*)', 'family')
      .where('r.familyId = :familyId', { familyId: card.familyId })
      .andWhere('r.offerId IN (:...offerIds)', { offerIds })
      .andWhere("r.status = 'recorded'")
      .groupBy('r.offerId')
      .setParameters({ cardId: card.id, ...starts })
      .getRawMany<{ offerId: string } & Record<keyof UsageCounts, string | number | null>>();
    for (const row of rows) {
      const count = (key: keyof UsageCounts) => Number(row[key] ?? 0);
      counts.set(row.offerId, {
        day: count('day'),
        week: count('week'),
        month: count('month'),
        total: count('total'),
        family: count('family'),
      });
    }
    return counts;
  }
}
