import { isValidCardNumber, normalizeCardNumber } from '../cards/card-number';
import { foldForSearch } from '../common/text';

export type CheckCode =
  | { kind: 'token'; text: string }
  | { kind: 'number'; number: string }
  | { kind: 'malformed'; reason: string };

/**
 * What a till sent: the scanned QR text (a URL with `/C/` and the token, in any case), or a card number typed
 * by hand (spaces and dashes allowed, the check digit checked).
 */
export function parseCheckCode(code: string): CheckCode {
  const text = code.trim();
  if (/\/C\//i.test(text)) return { kind: 'token', text };
  const number = normalizeCardNumber(text);
  if (number && isValidCardNumber(number)) return { kind: 'number', number };
  return { kind: 'malformed', reason: 'neither a card QR text nor a card number with a valid check digit' };
}

/**
 * Whether `lastName` is the holder's last name: the last word(s) of the name on the card, ignoring case,
 * diacritics and surrounding spaces ("Żółć" matches "Łukasz Żółć"; "Nowak-Kowalska" matches a double name).
 * A typed card number needs it, so that numbers cannot be tried one after another.
 */
export function lastNameMatches(holderName: string, lastName: string): boolean {
  const holder = foldForSearch(holderName);
  const last = foldForSearch(lastName);
  return last.length > 0 && (holder === last || holder.endsWith(` ${last}`));
}
