import type { Verification } from '../cards/token/card-token';
import { CardState, cardResult, liveTokenResult, tokenResult } from './validation-result';

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

describe('liveTokenResult', () => {
  const claims = {
    programme: 'PL-KDR',
    cardNumber: '1234567890123',
    name: 'Anna Nowak',
    role: 'child' as const,
  };
  const at = (iso: string) => new Date(iso);
  const live = {
    ...claims,
    notBefore: Date.parse('2026-11-23T12:00:00Z') / 1000,
    expires: Date.parse('2026-11-23T12:05:00Z') / 1000,
  };
  const printed = {
    ...claims,
    notBefore: Date.parse('2024-01-01T00:00:00Z') / 1000,
    expires: Date.parse('2025-01-01T00:00:00Z') / 1000,
  };
  it.each([
    ['a live token inside its minutes', live, '2026-11-23T12:04:59Z', null],
    ['a live token at its exp', live, '2026-11-23T12:05:00Z', 'expired'],
    ['a screenshot an hour later', live, '2026-11-23T13:05:00Z', 'expired'],
    ['a live token before its nbf', live, '2026-11-23T11:59:59Z', 'not_yet_valid'],
    ['a printed token past its exp (the register decides)', printed, '2026-11-23T12:00:00Z', null],
    ['an indefinite printed token', { ...printed, expires: null }, '2026-11-23T12:00:00Z', null],
  ])('%s → %s', (_about, token, now, result) => {
    expect(liveTokenResult(token, at(now))).toBe(result);
  });
});
