import { Injectable, NotFoundException, Optional } from '@nestjs/common';
import { v7 as timeOrderedUuid } from 'uuid';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { ProblemException } from '../common/problem/problem.exception';
import { isUniqueViolation } from '../database/db-errors';
import { TransactionService } from '../database/transaction.service';
import { MetricsService } from '../metrics/metrics.service';
import { todayIn } from '../programmes/eligibility/civil-date';
import { CheckStore } from './check-store';
import { RedeemDto } from './dto/redemption.dto';
import { audienceRefusal } from './offer-applicability';
import { RedemptionEntity } from './redemption.entity';
import { remainingUses } from './usage-periods';
import { cardResult } from './validation-result';
import { Checker, ValidationsService } from './validations.service';

/** A redemption must follow its check within this time: the card is in front of the cashier. */
export const CHECK_FRESH_MS = 15 * 60_000;

const conflict = (slug: string, detail: string) => ProblemException.conflict(slug, detail);

/**
 * Uses of offers. Limits hold exactly under concurrency: on PostgreSQL the family's row is locked for the
 * count-and-insert (so two tills, or two app instances, wait for each other); on SQLite transactions already
 * run one at a time. The same idempotency key twice gives the first use back.
 */
@Injectable()
export class RedemptionsService {
  constructor(
    private readonly tx: TransactionService,
    private readonly audit: AuditService,
    private readonly validations: ValidationsService,
    private readonly store: CheckStore,
    @Optional() private readonly metrics?: MetricsService,
  ) {}

  async redeem(
    actor: Actor,
    dto: RedeemDto,
    now = new Date(),
  ): Promise<{ redemption: RedemptionEntity; remainingUses: number | null; replay: boolean }> {
    const checker = await this.validations.checker(actor);
    const replay = await this.replayed(checker, dto);
    if (replay) return { redemption: replay, remainingUses: null, replay: true };
    try {
      const recorded = await this.tx.run(async (em) => {
        const check = await this.validations.find(em, checker.partner.id, dto.validationId);
        if (now.getTime() - check.createdAt.getTime() > CHECK_FRESH_MS)
          throw conflict('check-too-old', 'The check is more than 15 minutes old: check the card again.');
        const card = await this.store.cardById(em, check.cardId!);
        if (!card) throw conflict('card-not-valid', 'The card is no longer in the register.');
        await this.store.lockFamily(em, card.familyId);
        const { timeZone } = checker.programme;
        const result = cardResult(card, now, timeZone);
        if (result !== 'valid')
          throw conflict('card-not-valid', `The card is ${result.replace('_', ' ')} now.`);
        const { offers, holder } = await this.store.offersFor(
          em,
          { partnerId: checker.partner.id, outletId: check.outletId, card },
          now,
          timeZone,
        );
        const offer = offers.find((o) => o.id === dto.offerId);
        if (!offer) throw conflict('offer-not-available', 'This offer does not hold here now.');
        const refusal = audienceRefusal(offer, holder, todayIn(timeZone, now));
        if (refusal) throw conflict('offer-not-applicable', `This offer is ${refusal}.`);
        const left = remainingUses(offer.limits, offer.used);
        if (left === 0)
          throw conflict('usage-limit-reached', 'This card has used the offer as often as its limits allow.');
        const redemption: RedemptionEntity = {
          id: timeOrderedUuid(),
          programmeId: checker.programme.id,
          partnerId: checker.partner.id,
          outletId: check.outletId,
          offerId: offer.id,
          cardId: card.id,
          familyId: card.familyId,
          validationId: check.id,
          idempotencyKey: dto.idempotencyKey,
          status: 'recorded',
          actorType: actor.type === 'api_key' ? 'api_key' : 'user',
          actorId: actor.id,
          createdAt: now,
          cancelledAt: null,
        };
        await this.store.insertRedemption(em, redemption);
        await this.audit.record(em, actor, {
          action: 'redemption.create',
          entityType: 'redemption',
          entityId: redemption.id,
          summary: { partnerId: checker.partner.id, offerId: offer.id, outletId: check.outletId },
        });
        return { redemption, remainingUses: left === null ? null : left - 1, replay: false };
      });
      this.metrics?.redemption('recorded');
      return recorded;
    } catch (error) {
      // The same key at the same moment from a retrying till: the first one won; give its use back.
      if (!isUniqueViolation(error)) throw error;
      const first = await this.replayed(checker, dto);
      if (!first) throw error;
      return { redemption: first, remainingUses: null, replay: true };
    }
  }

  /** A cashier's mistake undone, by the same partner, within the programme's `redemptionCancelMinutes`. */
  async cancel(actor: Actor, id: string, reason?: string, now = new Date()): Promise<RedemptionEntity> {
    const checker = await this.validations.checker(actor);
    let cancelled = false;
    const result = await this.tx.run(async (em) => {
      const redemption = await em.findOneBy(RedemptionEntity, { id, partnerId: checker.partner.id });
      if (!redemption) throw new NotFoundException(`No redemption ${id} at this partner`);
      if (redemption.status === 'cancelled') return redemption;
      const deadline = redemption.createdAt.getTime() + checker.programme.redemptionCancelMinutes * 60_000;
      if (now.getTime() > deadline)
        throw conflict(
          'cancel-window-passed',
          `A redemption can be cancelled within ${checker.programme.redemptionCancelMinutes} minutes.`,
        );
      const moved = await em.update(
        RedemptionEntity,
        { id, status: 'recorded' },
        { status: 'cancelled', cancelledAt: now },
      );
      if (!moved.affected) throw conflict('cancel-window-passed', 'The redemption changed meanwhile.');
      await this.audit.record(em, actor, {
        action: 'redemption.cancel',
        entityType: 'redemption',
        entityId: id,
        summary: {
          partnerId: checker.partner.id,
          offerId: redemption.offerId,
          ...(reason ? { reason } : {}),
        },
      });
      cancelled = true;
      return Object.assign(redemption, { status: 'cancelled' as const, cancelledAt: now });
    });
    if (cancelled) this.metrics?.redemption('cancelled');
    return result;
  }

  /** The use an earlier request with this key recorded, if any; the key must not be reused for another use. */
  private async replayed(checker: Checker, dto: RedeemDto): Promise<RedemptionEntity | null> {
    const found = await this.store.redemptionByKey(null, checker.partner.id, dto.idempotencyKey);
    if (found && (found.offerId !== dto.offerId || found.validationId !== dto.validationId))
      throw new ProblemException({
        ...conflict('idempotency-key-reused', 'This idempotency key was used for another redemption.')
          .problem,
        errors: [{ field: 'idempotencyKey', message: 'idempotencyKey was used for another redemption' }],
      });
    return found;
  }
}
