import { Injectable } from '@nestjs/common';
import { textIn } from '../common/language';
import { formatBenefit } from '../offers/offer-benefit';
import { todayIn } from '../programmes/eligibility/civil-date';
import { CheckedCard, CheckStore } from './check-store';
import type { ApplicableOfferDto } from './dto/check-card.dto';
import { audienceRefusal } from './offer-applicability';
import { remainingUses } from './usage-periods';
import type { Checker } from './validations.service';

/** This partner's offers for one checked card: those that hold now, here, for this holder, with uses left. */
@Injectable()
export class ApplicableOffers {
  constructor(private readonly store: CheckStore) {}

  async forCard(
    { partner, programme, outletId }: Checker,
    card: CheckedCard,
    now: Date,
  ): Promise<ApplicableOfferDto[]> {
    const { timeZone, languages } = programme;
    const { offers, holder } = await this.store.offersFor(
      null,
      { partnerId: partner.id, outletId, card },
      now,
      timeZone,
    );
    const today = todayIn(timeZone, now);
    const language = languages[0];
    return offers
      .filter((offer) => !audienceRefusal(offer, holder, today))
      .map((offer) => ({
        id: offer.id,
        title: textIn(offer.texts, language, languages)?.title ?? '',
        benefitLabel: formatBenefit(offer.benefit, programme.currency, language),
        remainingUses: remainingUses(offer.limits, offer.used),
      }));
  }
}
