import { Injectable } from '@nestjs/common';
import { DataSource, In, MoreThanOrEqual } from 'typeorm';
import type { Actor } from '../auth/actor';
import { CardEntity } from '../cards/card.entity';
import { fieldProblem } from '../partners/partner-problems';
import { addDays, isIsoDate, startOfDayIn, todayIn } from '../programmes/eligibility/civil-date';
import { maskCardNumber } from './check-list';
import { CheckListDto, CheckListQueryDto } from './dto/check-list.dto';
import { RedemptionEntity } from './redemption.entity';
import { ValidationEntity } from './validation.entity';
import { ValidationsService } from './validations.service';

/**
 * A day's checks at one of the partner's outlets, for the cashier's screen: the partner's own checks only
 * (the outlet must be one of its own), with the holder's name and a masked card number from the register.
 */
@Injectable()
export class CheckListService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly validations: ValidationsService,
  ) {}

  async list(actor: Actor, query: CheckListQueryDto, now = new Date()): Promise<CheckListDto> {
    const { partner, programme, outletId } = await this.validations.checker(actor, query.outletId);
    const date = !query.date || query.date === 'today' ? todayIn(programme.timeZone, now) : query.date;
    if (!isIsoDate(date)) throw fieldProblem('date', 'date is not a calendar date');
    const from = startOfDayIn(date, programme.timeZone);
    const to = startOfDayIn(addDays(date, 1), programme.timeZone);
    const em = this.dataSource.manager;
    const day = em
      .createQueryBuilder(ValidationEntity, 'v')
      .where('v.partnerId = :partnerId', { partnerId: partner.id })
      .andWhere('v.createdAt >= :from AND v.createdAt < :to', { from, to });
    if (outletId) day.andWhere('v.outletId = :outletId', { outletId });
    const counts = await day
      .clone()
      .select('COUNT(*)', 'total')
      .addSelect("SUM(CASE WHEN v.result = 'valid' THEN 1 ELSE 0 END)", 'valid')
      .getRawOne<{ total: string | number; valid: string | number | null }>();
    const checks = await day
      .orderBy('v.createdAt', 'DESC')
      .addOrderBy('v.id', 'DESC')
      .take(query.limit)
      .getMany();

    const cardIds = [...new Set(checks.map((c) => c.cardId).filter((id): id is string => id !== null))];
    const cards = new Map(
      (cardIds.length
        ? await em.find(CardEntity, {
            where: { id: In(cardIds) },
            select: { id: true, number: true, holderName: true },
          })
        : []
      ).map((card) => [card.id, card]),
    );
    const validIds = checks.filter((c) => c.result === 'valid').map((c) => c.id);
    const uses = new Map<string, number>();
    if (validIds.length) {
      // A redemption follows its check within minutes, so the partner's index from the day's start finds them.
      const recorded = await em.find(RedemptionEntity, {
        where: {
          partnerId: partner.id,
          validationId: In(validIds),
          status: 'recorded',
          createdAt: MoreThanOrEqual(from),
        },
        select: { id: true, validationId: true },
      });
      for (const r of recorded) uses.set(r.validationId, (uses.get(r.validationId) ?? 0) + 1);
    }
    return {
      date,
      outletId,
      total: Number(counts?.total ?? 0),
      valid: Number(counts?.valid ?? 0),
      items: checks.map((check) => {
        const card = check.cardId ? cards.get(check.cardId) : undefined;
        return {
          id: check.id,
          checkedAt: check.createdAt,
          result: check.result,
          method: check.method,
          outletId: check.outletId,
          holderName: card?.holderName ?? null,
          cardNumber: card ? maskCardNumber(card.number) : null,
          redemptions: uses.get(check.id) ?? 0,
        };
      }),
    };
  }
}
