export const PARTNER_STATUSES = ['pending', 'approved', 'rejected', 'suspended', 'ended'] as const;
export type PartnerStatus = (typeof PARTNER_STATUSES)[number];

/** What a partner manager may do to a partner, the state each step leaves it in, and whether a reason is due. */
export const PARTNER_ACTIONS = {
  approve: { from: ['pending', 'rejected'], to: 'approved', reason: false },
  reject: { from: ['pending'], to: 'rejected', reason: true },
  suspend: { from: ['approved'], to: 'suspended', reason: true },
  reinstate: { from: ['suspended'], to: 'approved', reason: false },
  end: { from: ['pending', 'approved', 'suspended'], to: 'ended', reason: true },
} as const satisfies Record<string, { from: readonly PartnerStatus[]; to: PartnerStatus; reason: boolean }>;
export type PartnerAction = keyof typeof PARTNER_ACTIONS;

/** The state after `action`, or null when the partner's state does not allow it (a 409 for the caller). */
export function nextPartnerStatus(status: PartnerStatus, action: PartnerAction): PartnerStatus | null {
  const rule = PARTNER_ACTIONS[action];
  return (rule.from as readonly PartnerStatus[]).includes(status) ? rule.to : null;
}

/** Only approved partners are public, and only their offers can be found or used. */
export const isPublic = (status: PartnerStatus): boolean => status === 'approved';
