export type TaxNumberValidation = { ok: true } | { ok: false; reason: string };

/**
 * A country's business tax-number format (the partner's NIP, VAT or company number). Each programme names one;
 * numbers are normalised before validation and storage, so one business gives one value however it was typed
 * (with separators, with or without the EU VAT country prefix).
 */
export interface TaxNumberFormat {
  code: string;
  label: string;
  /** Canonical form: what is validated, stored and compared. Never throws. */
  normalize(raw: string): string;
  validate(normalized: string): TaxNumberValidation;
}

/** Spaces, dashes and dots are how invoices and registers group the digits; none of them is part of a number. */
export const stripSeparators = (raw: string): string => raw.replace(/[\s.\-\u2010-\u2015\u2212]+/g, '');
