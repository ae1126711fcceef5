import { stripSeparators, type TaxNumberFormat, type TaxNumberValidation } from './tax-number-format';

const WEIGHTS = [6, 5, 7, 2, 3, 4, 5, 6, 7];

/** Polish NIP: 10 digits, the last a mod-11 check digit over the first nine. */
export const NIP: TaxNumberFormat = {
  code: 'NIP',
  label: 'NIP (Poland)',

  // Partners paste their EU VAT number ("PL 526-025-02-74") as often as the bare NIP.
  normalize: (raw) => stripSeparators(raw).replace(/^pl/i, ''),

  validate(normalized): TaxNumberValidation {
    if (!/^\d+$/.test(normalized)) return { ok: false, reason: 'NIP must contain digits only' };
    if (normalized.length !== 10) return { ok: false, reason: 'NIP must have 10 digits' };
    const digits = [...normalized].map(Number);
    const remainder = WEIGHTS.reduce((acc, weight, i) => acc + weight * digits[i], 0) % 11;
    // A remainder of 10 matches no digit: such numbers are never issued, and they fail here too.
    if (remainder !== digits[9]) return { ok: false, reason: 'NIP check digit does not match' };
    return { ok: true };
  },
};
