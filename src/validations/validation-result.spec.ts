import type { Verification } from '../cards/token/card-token';
import { CardState, cardResult, tokenResult } from './validation-result';

describe('cardResult (Europe/Warsaw)', () => {
  const tz = 'Europe/Warsaw';
  const card = (over: Partial<CardState> = {}): CardState => ({
    status: 'active',
    validFrom: '2026-01-01',
    validUntil: '2026-12-31',
    ...over,
  });
  it.each<[string, CardState, string, string]>([
    ['an active card in its dates', card(), '2026-06-01T10:00:00Z', 'valid'],
    ['on its last day, late evening in Warsaw', card(), '2026-12-31T22:30:00Z', 'valid'],
    ['just after its last day in Warsaw (still Dec 31 in UTC)', card(), '2026-12-31T23:30:00Z', 'expired'],
    ['a lifetime card', card({ validUntil: null }), '2090-01-01T00:00:00Z', 'valid'],
    ['before its first day in Warsaw', card(), '2025-12-31T22:30:00Z', 'not_yet_valid'],
    ['from its first midnight in Warsaw', card(), '2025-12-31T23:30:00Z', 'valid'],
    ['marked expired by the job', card({ status: 'expired' }), '2026-06-01T10:00:00Z', 'expired'],
    ['suspended', card({ status: 'suspended' }), '2026-06-01T10:00:00Z', 'suspended'],
    ['revoked, even out of its dates', card({ status: 'revoked' }), '2030-01-01T00:00:00Z', 'revoked'],
    ['replaced', card({ status: 'replaced' }), '2026-06-01T10:00:00Z', 'replaced'],
  ])('%s → %s', (_, state, at, expected) => {
    expect(cardResult(state, new Date(at), tz)).toBe(expected);
  });
});

describe('tokenResult', () => {
  const claims = {
    programme: 'KDR',
    cardNumber: 'KDR1234567890128',
    name: 'Anna Nowak',
    role: 'parent' as const,
    notBefore: 0,
    expires: null,
  };
  it.each<[Verification, string | null]>([
    [{ status: 'valid', claims, kid: 'k' }, null],
    [{ status: 'valid', claims: { ...claims, programme: 'R3P' }, kid: 'k' }, 'wrong_programme'],
    [{ status: 'invalid_signature', reason: 'x' }, 'invalid_signature'],
    [{ status: 'unknown_key', reason: 'x' }, 'invalid_signature'],
    [{ status: 'malformed', reason: 'x' }, 'malformed'],
  ])('%j → %s', (verification, expected) => {
    expect(tokenResult(verification, 'KDR')).toBe(expected);
  });
});
