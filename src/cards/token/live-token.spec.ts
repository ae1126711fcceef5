import type { CardClaims } from './card-token';
import { isLiveToken, LIVE_TOKEN_MAX_SECONDS, liveClaims } from './live-token';

const card: CardClaims = {
  programme: 'PL-KDR',
  cardNumber: '1234567890123',
  name: 'Anna Nowak',
  role: 'child',
  notBefore: 1_700_000_000,
  expires: 1_900_000_000,
};
const now = 1_800_000_000;

describe('isLiveToken', () => {
  it.each([
    ['a printed card valid for years', { notBefore: 0, expires: 1_900_000_000 }, false],
    ['an indefinite card', { notBefore: 0, expires: null }, false],
    ['five minutes', { notBefore: now, expires: now + 300 }, true],
    ['exactly the longest live window', { notBefore: now, expires: now + LIVE_TOKEN_MAX_SECONDS }, true],
    ['one second longer', { notBefore: now, expires: now + LIVE_TOKEN_MAX_SECONDS + 1 }, false],
  ])('%s → %s', (_about, claims, live) => {
    expect(isLiveToken(claims)).toBe(live);
  });
});

describe('liveClaims', () => {
  it.each([
    [
      'a card valid for years: a minute back, five ahead',
      card,
      300,
      { notBefore: now - 60, expires: now + 300 },
    ],
    ['an indefinite card', { ...card, expires: null }, 300, { notBefore: now - 60, expires: now + 300 }],
    [
      'a card ending in two minutes ends the token with it',
      { ...card, expires: now + 120 },
      300,
      { notBefore: now - 60, expires: now + 120 },
    ],
    [
      'a card signed seconds ago starts the token then',
      { ...card, notBefore: now - 10 },
      300,
      { notBefore: now - 10, expires: now + 300 },
    ],
  ])('%s', (_about, claims, lifetime, window) => {
    const live = liveClaims(claims, now, lifetime)!;
    expect({ notBefore: live.notBefore, expires: live.expires }).toEqual(window);
    expect(live).toMatchObject({
      programme: card.programme,
      cardNumber: card.cardNumber,
      name: card.name,
      role: card.role,
    });
    expect(isLiveToken(live)).toBe(true);
  });

  it.each([
    ['a card that has run out', { ...card, expires: now }],
    ['a card that ran out long ago', { ...card, expires: now - 86_400 }],
  ])('none for %s', (_about, claims) => {
    expect(liveClaims(claims, now, 300)).toBeNull();
  });
});
