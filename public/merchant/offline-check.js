// The checker's answer without the server: the same ten results as POST /api/v1/validations where the token and
// the revocation list can tell (docs/offline-verification.md), and `unconfirmed` for a typed number that is
// not on the list (offline, a number alone proves nothing else).

import { timeStatus, verifyQrText } from './card-token.js';
import { refusal } from './revocations.js';

const CANONICAL = /^([A-Z]{2,6})(\d{12})(\d)$/;
const CHILD_ROLES = ['child', 'foster_child'];

/** The Luhn check digit over a string of digits (src/cards/card-number.ts). */
export function luhnCheckDigit(digits) {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** `KDR4821093755267` → `KDR 4821 0937 5526 7`; anything else as it is. */
export function formatCardNumber(canonical) {
  const parts = CANONICAL.exec(canonical);
  if (!parts) return canonical;
  const digits = parts[2] + parts[3];
  return [parts[1], digits.slice(0, 4), digits.slice(4, 8), digits.slice(8, 12), digits.slice(12)].join(' ');
}

/** What was typed or scanned: a QR text, a card number with a valid check digit, or neither. */
export function readCode(code) {
  const text = String(code).trim();
  if (/\/C\//i.test(text)) return { kind: 'token', text };
  const number = text.toUpperCase().replace(/[\s-]+/g, '');
  const parts = CANONICAL.exec(number);
  if (parts && luhnCheckDigit(parts[2]) === Number(parts[3])) return { kind: 'number', number };
  return { kind: 'malformed' };
}

/**
 * Checks a code with the cached keys (a Map kid → CryptoKey) and copy of the revocation list. `programme` is
 * the programme's code (the tokens' `iss`), `now` milliseconds.
 */
export async function checkOffline(code, { keys, list, programme, now }) {
  const read = readCode(code);
  if (read.kind === 'malformed') return { result: 'malformed' };
  if (read.kind === 'number') {
    const status = refusal(list, read.number);
    return { result: status ?? 'unconfirmed', cardNumber: formatCardNumber(read.number), method: 'number' };
  }
  const verification = await verifyQrText(read.text, keys);
  if (verification.status === 'malformed') return { result: 'malformed' };
  // A kid we do not have is a forgery, as a failing signature is (the page refreshes its keys when online).
  if (verification.status !== 'valid') return { result: 'invalid_signature' };
  const { claims } = verification;
  if (claims.programme !== programme) return { result: 'wrong_programme' };
  const found = {
    holder: { name: claims.name, role: claims.role },
    cardNumber: formatCardNumber(claims.cardNumber),
    // exp is the first second the card is not valid: the last valid day is the one before it.
    validUntil: claims.expires === null ? null : new Date((claims.expires - 1) * 1000),
    method: 'qr',
  };
  const time = timeStatus(claims, Math.floor(now / 1000));
  if (time !== 'valid') return { result: time, ...found };
  return { result: refusal(list, claims.cardNumber) ?? 'valid', ...found };
}

/** Whether an offer's audience can include a holder of this role; an age range is left to the server. */
function audienceMayFit(audience, role) {
  if (audience?.kind === 'children') return CHILD_ROLES.includes(role);
  if (audience?.kind === 'parents') return !CHILD_ROLES.includes(role);
  return true;
}

/**
 * The partner's offers (OfferDto from GET /api/v1/partners/{id}/offers) that may apply offline: published, in
 * their window now, held at the outlet, for this role. Limits, ages and family size are the server's to
 * check when the queued redemption is sent. Titles in the first of `languages` an offer has, as the API's.
 */
export function offlineOffers(offers, { outletId, role, now, languages }) {
  return offers
    .filter(
      (o) =>
        o.status === 'published' &&
        o.windowStart !== null &&
        Date.parse(o.windowStart) <= now &&
        (o.windowEnd === null || now < Date.parse(o.windowEnd)) &&
        (!outletId || o.outletIds.includes(outletId)) &&
        audienceMayFit(o.audience, role),
    )
    .map((o) => ({
      id: o.id,
      title: (languages.map((l) => o.texts[l]).find(Boolean) ?? Object.values(o.texts)[0])?.title ?? '',
      benefitLabel: o.benefitLabel,
      remainingUses: null,
    }));
}
