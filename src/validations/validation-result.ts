import type { CardStatus } from '../cards/card-status';
import { CardClaims, timeStatus, Verification } from '../cards/token/card-token';
import { isLiveToken } from '../cards/token/live-token';
import { compareDates, todayIn } from '../programmes/eligibility/civil-date';
import type { IsoDate } from '../programmes/eligibility/eligibility.types';

export const VALIDATION_RESULTS = [
  'valid',
  'expired',
  'not_yet_valid',
  'suspended',
  'revoked',
  'replaced',
  'unknown_card',
  'invalid_signature',
  'wrong_programme',
  'malformed',
] as const;
export type ValidationResult = (typeof VALIDATION_RESULTS)[number];

/** What the register says of a card at the moment of the check. */
export interface CardState {
  status: CardStatus;
  validFrom: IsoDate;
  validUntil: IsoDate | null;
}

/**
 * The answer for a card found in the register: its status first (a revoked card stays revoked whatever its
 * dates), then its dates in the programme's time zone. The register is the authority online: a token signed
 * before an extension still checks as valid until the new date.
 */
export function cardResult(card: CardState, now: Date, timeZone: string): ValidationResult {
  if (card.status === 'revoked' || card.status === 'replaced' || card.status === 'suspended')
    return card.status;
  const today = todayIn(timeZone, now);
  if (card.status === 'expired' || (card.validUntil !== null && compareDates(today, card.validUntil) > 0))
    return 'expired';
  if (compareDates(today, card.validFrom) < 0) return 'not_yet_valid';
  return 'valid';
}

/**
 * The answer for a scanned token before the register is asked: a token that does not parse is malformed; one
 * whose signature fails, or that names a key the programme never published, is a forgery. Null when the token
 * is genuine and the card must be looked up.
 */
export function tokenResult(verification: Verification, programmeCode: string): ValidationResult | null {
  if (verification.status === 'malformed') return 'malformed';
  if (verification.status !== 'valid') return 'invalid_signature';
  if (verification.claims.programme !== programmeCode) return 'wrong_programme';
  return null;
}

/**
 * A live token (the phone wallet's, valid for minutes) carries its own short window, which the online check
 * enforces too: a screenshot answers `expired` once the minutes are up. A printed card's token is not judged by
 * its dates online (the register is), so an extended card keeps checking before it is reprinted.
 */
export function liveTokenResult(claims: CardClaims, now: Date): ValidationResult | null {
  if (!isLiveToken(claims)) return null;
  const status = timeStatus(claims, Math.floor(now.getTime() / 1000));
  return status === 'valid' ? null : status;
}
