import { CARD_STATUSES, CardAction, CardStatus, nextCardStatus } from './card-status';

describe('nextCardStatus', () => {
  const allowed: Record<CardAction, Partial<Record<CardStatus, CardStatus>>> = {
    suspend: { active: 'suspended' },
    resume: { suspended: 'active' },
    revoke: { active: 'revoked', suspended: 'revoked' },
    'report-lost': { active: 'replaced', suspended: 'replaced' },
  };
  const cases = Object.entries(allowed).flatMap(([action, table]) =>
    CARD_STATUSES.map((status) => [action as CardAction, status, table[status] ?? null] as const),
  );
  it.each(cases)('%s from %s → %s', (action, status, expected) => {
    expect(nextCardStatus(status, action)).toBe(expected);
  });
});
