import { randomInt } from 'node:crypto';

// Card numbers: the programme's card prefix, 12 random digits and a Luhn check digit over those digits.
// Luhn catches every single-digit error and every adjacent transposition except 09 <-> 90, which is
// enough for numbers read aloud or typed at a till; the prefix is left out so it can change per programme.

const PREFIX = /^[A-Z]{2,6}$/;
const CANONICAL = /^([A-Z]{2,6})(\d{12})(\d)$/;
const RANDOM_DIGITS = 12;

export function isValidCardPrefix(prefix: string): boolean {
  return PREFIX.test(prefix);
}

/** The Luhn check digit for a string of digits (the digit that makes `digits + check` pass Luhn). */
export function luhnCheckDigit(digits: string): number {
  if (!/^\d+$/.test(digits)) throw new Error(`Luhn needs digits, got "${digits}"`);
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    // Doubling starts at the rightmost digit, which sits next to the check digit.
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** 12 uniformly random digits from the operating system's CSPRNG. */
export function cryptoDigits(): string {
  return String(randomInt(0, 10 ** RANDOM_DIGITS)).padStart(RANDOM_DIGITS, '0');
}

/** A new random card number; the caller retries on a (rare) collision with an existing one. */
export function generateCardNumber(prefix: string, randomDigits: () => string = cryptoDigits): string {
  if (!isValidCardPrefix(prefix)) throw new Error(`Card prefix must be 2-6 letters A-Z, got "${prefix}"`);
  const digits = randomDigits();
  if (!/^\d{12}$/.test(digits)) throw new Error(`Expected ${RANDOM_DIGITS} random digits, got "${digits}"`);
  return `${prefix}${digits}${luhnCheckDigit(digits)}`;
}

/** The canonical form of what someone typed, or null when it is not prefix + 13 digits. */
export function normalizeCardNumber(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s-]+/g, '');
  return CANONICAL.test(compact) ? compact : null;
}

export function isValidCardNumber(canonical: string): boolean {
  const parts = CANONICAL.exec(canonical);
  return parts !== null && luhnCheckDigit(parts[2]) === Number(parts[3]);
}

/** For display: `KDR 4821 0937 5526 7`. */
export function formatCardNumber(canonical: string): string {
  const parts = CANONICAL.exec(canonical);
  if (!parts) throw new Error(`Not a canonical card number: "${canonical}"`);
  const digits = parts[2] + parts[3];
  return [parts[1], digits.slice(0, 4), digits.slice(4, 8), digits.slice(8, 12), digits.slice(12)].join(' ');
}
