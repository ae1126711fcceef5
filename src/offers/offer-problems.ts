import { ProblemException } from '../common/problem/problem.exception';
import type { PartnerEntity } from '../partners/partner.entity';
import type { OfferEntity } from './offer.entity';

/** A step the offer's status does not allow, or an edit of an ended offer. */
export const illegalOfferTransition = (detail: string) =>
  ProblemException.conflict('illegal-offer-transition', detail);

/** Another request moved the offer first: its guarded UPDATE found the offer in another state. */
export const changedMeanwhile = (offer: Pick<OfferEntity, 'ref'>) =>
  illegalOfferTransition(`Offer ${offer.ref} changed meanwhile`);

export const partnerNotApproved = (partner: Pick<PartnerEntity, 'name' | 'status'>) =>
  ProblemException.conflict(
    'partner-not-approved',
    `Partner ${partner.name} is ${partner.status}; its offers are published once it is approved`,
  );

/** 409 naming the field, so a form can show it next to `ref`. */
export function refTaken(ref: string | null): ProblemException {
  const detail = `Another offer of this partner already has the ref ${ref ?? 'given'}`;
  return new ProblemException({
    ...ProblemException.conflict('offer-ref-taken', detail).problem,
    errors: [{ field: 'ref', message: 'ref is already used by another offer of this partner' }],
  });
}
