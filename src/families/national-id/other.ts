import type { NationalIdFormat, NationalIdValidation } from './national-id-format';

const PATTERN = /^[A-Z0-9-]{4,32}$/;

/** Any other country's number, when the programme has no dedicated format: a plausibility check only. */
export const OTHER: NationalIdFormat = {
  code: 'OTHER',
  label: 'Other national ID',

  // Case and spacing vary between documents and forms; duplicates must still be caught.
  normalize: (raw) => raw.replace(/\s+/g, '').toUpperCase(),

  validate(normalized): NationalIdValidation {
    return PATTERN.test(normalized)
      ? { ok: true }
      : { ok: false, reason: 'National ID must be 4-32 characters: letters A-Z, digits and hyphens' };
  },
};
