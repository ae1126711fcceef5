import { PARTNER_ACTIONS, type PartnerAction } from '../../../partners/partner-status';
import { field } from '../../page-forms';

/** The partner decisions the page offers, in the order of its forms: the API's own actions. */
export const PARTNER_DECISIONS = Object.keys(PARTNER_ACTIONS) as PartnerAction[];
/** The offer decisions of the moderation page, as the offers API takes them from staff. */
export const OFFER_DECISIONS = ['approve', 'reject'] as const;
export type OfferDecision = (typeof OFFER_DECISIONS)[number];

/** The longest reason the APIs take (PartnerActionDto, OfferActionDto). */
export const REASON_MAX = 500;

export interface DecisionForm {
  reason: string;
  /** A message key of the page's section, for the reason field; absent when the form can be sent on. */
  error?: 'reasonMissing' | 'reasonTooLong';
}

/**
 * A decision form's reason, read without trusting the body's shape. Decisions that take a reason have the field
 * and must fill it (the service requires it), never longer than the API takes; the others have no field, so
 * anything sent as one is ignored.
 */
export function readDecision(body: unknown, reasonRequired: boolean): DecisionForm {
  if (!reasonRequired) return { reason: '' };
  const reason = field(body, 'reason').trim();
  if (!reason) return { reason, error: 'reasonMissing' };
  if (reason.length > REASON_MAX) return { reason, error: 'reasonTooLong' };
  return { reason };
}

export const isPartnerDecision = (action: string): action is PartnerAction =>
  (PARTNER_DECISIONS as string[]).includes(action);

export const isOfferDecision = (action: string): action is OfferDecision =>
  (OFFER_DECISIONS as readonly string[]).includes(action);

/** Whether the partner service asks a reason for `action` (PARTNER_ACTIONS). */
export const partnerReasonRequired = (action: PartnerAction): boolean => PARTNER_ACTIONS[action].reason;

/** The offers service asks a reason only to send an offer back. */
export const offerReasonRequired = (action: OfferDecision): boolean => action === 'reject';
