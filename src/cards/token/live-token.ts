import type { CardClaims } from './card-token';

/**
 * A live token is an ordinary card token whose validity window (exp − nbf) is at most this long. The family's
 * phone wallet shows one while it is online and fetches a new one before it runs out, so a screenshot stops
 * checking within minutes. A printed card's token is valid for years, so the two never meet.
 */
export const LIVE_TOKEN_MAX_SECONDS = 3600;

/** Leeway before now in a live token's nbf, for verifiers whose clocks run a little behind the server's. */
export const LIVE_TOKEN_LEEWAY_SECONDS = 60;

export function isLiveToken(claims: Pick<CardClaims, 'notBefore' | 'expires'>): boolean {
  return claims.expires !== null && claims.expires - claims.notBefore <= LIVE_TOKEN_MAX_SECONDS;
}

/**
 * The claims of a live token for a card whose printed token has `card` claims: the same holder, valid from a
 * minute ago for `lifetimeSeconds`, never past the card's own expiry. Null when the card has run out by then
 * (its live token would be no token at all).
 */
export function liveClaims(card: CardClaims, nowSeconds: number, lifetimeSeconds: number): CardClaims | null {
  const notBefore = Math.max(card.notBefore, nowSeconds - LIVE_TOKEN_LEEWAY_SECONDS);
  const expires = Math.min(card.expires ?? Infinity, nowSeconds + lifetimeSeconds);
  if (expires <= nowSeconds || expires <= notBefore) return null;
  return { ...card, notBefore, expires };
}
