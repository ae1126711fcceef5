import { Injectable } from '@nestjs/common';
import { textIn } from '../common/language';
import { formatBenefit } from '../offers/offer-benefit';
import { todayIn } from '../programmes/eligibility/civil-date';
import { CheckedCard, CheckStore } from './check-store';
import type { ApplicableOfferDto } from './dto/check-card.dto';
import { audienceRefusal } from './offer-applicability';
import { periodStarts, remainingUses, UsageCounts } from './usage-periods';
import type { Checker } from './validations.service';

const NONE_USED: UsageCounts = { day: 0, week: 0, month: 0, total: 0, family: 0 };

/** This partner's offers for one checked card: those that hold now, here, for this holder, with uses left. */
@Injectable()
export class ApplicableOffers {
  constructor(private readonly store: CheckStore) {}

  async forCard(
    { partner, programme, outletId }: Checker,
    card: CheckedCard,
    now: Date,
  ): Promise<ApplicableOfferDto[]> {
    const [offers, used] = await Promise.all([
      this.store.activeOffers(null, partner.id, outletId, now),
      this.store.usages(null, card, periodStarts(now, programme.timeZone)),
    ]);
    const holder = await this.store.holder(null, card, offers);
    const today = todayIn(programme.timeZone, now);
    const applicable = offers.filter((offer) => !audienceRefusal(offer, holder, today));
    const language = programme.languages[0];
    return applicable.map((offer) => ({
      id: offer.id,
      title: textIn(offer.texts, language, programme.languages)?.title ?? '',
      benefitLabel: formatBenefit(offer.benefit, programme.currency, language),
      remainingUses: remainingUses(offer.limits, usesOf(used, offer.id)),
    }));
  }
}

/** The uses counted for one offer (none yet when the family never used it). */
export const usesOf = (used: Map<string, UsageCounts>, offerId: string): UsageCounts =>
  used.get(offerId) ?? NONE_USED;
