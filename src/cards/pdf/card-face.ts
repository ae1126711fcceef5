import type { MemberRole } from '../../programmes/eligibility/eligibility.types';

/**
 * Everything a card shows, already formatted by the caller; the renderer knows nothing of the database.
 * Deliberately no national ID and no reason why the card is valid: what is not here cannot be printed.
 */
export interface CardFace {
  programmeName: string;
  /** First and last name as printed, e.g. "Łukasz Żółć". */
  holderName: string;
  /** Display form with its check digit, e.g. "KDR 4821 0937 5526 3". */
  cardNumber: string;
  role: MemberRole;
  /** 'YYYY-MM-DD', or null for a card valid indefinitely. */
  validUntil: string | null;
  /** The QR content: upper-case QR-alphanumeric characters fit the smallest symbol. */
  qrText: string;
  /** A language of the template's texts ('pl', 'en-GB' ...); others fall back to its default language. */
  language: string;
}
