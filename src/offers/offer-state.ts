import type { OfferStatus } from './offer-schedule';

export type OfferActor = 'merchant' | 'staff';

/**
 * Offer states: draft → pending_approval → published ⇄ paused → ended. Merchants submit, pause, resume and end
 * their offers; staff approve or send back (with a reason), and may pause or end any offer.
 */
export const OFFER_ACTIONS = {
  submit: { from: ['draft'], to: 'pending_approval', by: ['merchant', 'staff'] },
  approve: { from: ['draft', 'pending_approval'], to: 'published', by: ['staff'] },
  reject: { from: ['pending_approval'], to: 'draft', by: ['staff'] },
  pause: { from: ['published'], to: 'paused', by: ['merchant', 'staff'] },
  resume: { from: ['paused'], to: 'published', by: ['merchant', 'staff'] },
  end: { from: ['draft', 'pending_approval', 'published', 'paused'], to: 'ended', by: ['merchant', 'staff'] },
} as const satisfies Record<
  string,
  { from: readonly OfferStatus[]; to: OfferStatus; by: readonly OfferActor[] }
>;
export type OfferAction = keyof typeof OFFER_ACTIONS;

/** The state after `action` by `who`, or null when not allowed from this state (or not by them). */
export function nextOfferStatus(
  status: OfferStatus,
  action: OfferAction,
  who: OfferActor,
): OfferStatus | null {
  const rule = OFFER_ACTIONS[action];
  if (!(rule.by as readonly OfferActor[]).includes(who)) return null;
  return (rule.from as readonly OfferStatus[]).includes(status) ? rule.to : null;
}

/**
 * The state after an edit. An ended offer cannot be edited (null). A merchant's edit of a published or paused
 * offer goes back to staff when the programme says edits need approval; staff edits never do.
 */
export function statusAfterEdit(
  status: OfferStatus,
  who: OfferActor,
  editsNeedApproval: boolean,
): OfferStatus | null {
  if (status === 'ended') return null;
  if (who === 'merchant' && editsNeedApproval && (status === 'published' || status === 'paused'))
    return 'pending_approval';
  return status;
}
