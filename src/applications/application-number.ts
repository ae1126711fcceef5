import { randomInt } from 'node:crypto';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** "2026-7K3F9Q": the year, then 30 random bits in Crockford base32 (no I, L, O, U to misread on the phone). */
export function newApplicationNumber(year: number): string {
  let suffix = '';
  for (let i = 0; i < 6; i++) suffix += CROCKFORD[randomInt(32)];
  return `${year}-${suffix}`;
}

export const APPLICATION_NUMBER = /^\d{4}-[0-9A-HJKMNP-TV-Z]{6}$/;
