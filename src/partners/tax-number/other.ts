import { stripSeparators, type TaxNumberFormat, type TaxNumberValidation } from './tax-number-format';

const PATTERN = /^[A-Z0-9]{2,32}$/;

/** Any other country's number, when the programme has no dedicated format: a plausibility check only. */
export const OTHER: TaxNumberFormat = {
  code: 'OTHER',
  label: 'Other tax number',

  // The country prefix stays: without a known format there is no telling a prefix from the number itself.
  normalize: (raw) => stripSeparators(raw).toUpperCase(),

  validate(normalized): TaxNumberValidation {
    return PATTERN.test(normalized)
      ? { ok: true }
      : { ok: false, reason: 'Tax number must be 2-32 characters: letters A-Z and digits' };
  },
};
