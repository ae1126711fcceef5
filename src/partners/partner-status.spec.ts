import { nextPartnerStatus, PARTNER_STATUSES, PartnerAction, PartnerStatus } from './partner-status';

describe('nextPartnerStatus', () => {
  const allowed: Record<PartnerAction, Partial<Record<PartnerStatus, PartnerStatus>>> = {
    approve: { pending: 'approved', rejected: 'approved' },
    reject: { pending: 'rejected' },
    suspend: { approved: 'suspended' },
    reinstate: { suspended: 'approved' },
    end: { pending: 'ended', approved: 'ended', suspended: 'ended' },
  };
  const cases = (Object.keys(allowed) as PartnerAction[]).flatMap((action) =>
    PARTNER_STATUSES.map((from) => [action, from, allowed[action][from] ?? null] as const),
  );

  it.each(cases)('%s from %s → %s', (action, from, to) => {
    expect(nextPartnerStatus(from, action)).toBe(to);
  });
});
