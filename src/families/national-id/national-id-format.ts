import type { IsoDate } from '../../programmes/eligibility/eligibility.types';

export type NationalIdValidation = { ok: true; birthDate?: IsoDate } | { ok: false; reason: string };

/**
 * A country's national ID number format. Each programme names one (`programme.nationalIdFormat`); numbers are
 * normalised before validation, and before hashing for duplicate detection, so one person always gives one
 * value however it was typed.
 */
export interface NationalIdFormat {
  code: string;
  label: string;
  /** Canonical form: what is validated, stored and compared. Never throws. */
  normalize(raw: string): string;
  /** Checks a normalised number; formats that encode the birth date return it. */
  validate(normalized: string): NationalIdValidation;
}
