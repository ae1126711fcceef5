export const CARD_STATUSES = ['active', 'suspended', 'revoked', 'expired', 'replaced'] as const;
export type CardStatus = (typeof CARD_STATUSES)[number];

/** A live card may still be used, or (suspended) used again: it keeps its signing key published. */
export const LIVE_STATUSES: readonly CardStatus[] = ['active', 'suspended'];
export const isLive = (status: CardStatus): boolean => LIVE_STATUSES.includes(status);

export const REVOKE_REASONS = ['death', 'lost_authority', 'fraud', 'left_programme', 'other'] as const;
export const LOSS_REASONS = ['lost', 'stolen', 'damaged'] as const;
export type LossReason = (typeof LOSS_REASONS)[number];

/** What staff may do to a card, and the state each step leaves it in. */
export const CARD_ACTIONS = {
  suspend: { from: ['active'], to: 'suspended' },
  resume: { from: ['suspended'], to: 'active' },
  revoke: { from: ['active', 'suspended'], to: 'revoked' },
  'report-lost': { from: ['active', 'suspended'], to: 'replaced' },
} as const satisfies Record<string, { from: readonly CardStatus[]; to: CardStatus }>;
export type CardAction = keyof typeof CARD_ACTIONS;

/** The state after `action`, or null when the card's state does not allow it (a 409 for the caller). */
export function nextCardStatus(status: CardStatus, action: CardAction): CardStatus | null {
  const rule = CARD_ACTIONS[action];
  return (rule.from as readonly CardStatus[]).includes(status) ? rule.to : null;
}
