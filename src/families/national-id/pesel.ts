import { daysInMonth, formatIsoDate } from '../../programmes/eligibility/civil-date';
import type { IsoDate } from '../../programmes/eligibility/eligibility.types';
import type { NationalIdFormat, NationalIdValidation } from './national-id-format';

const WEIGHTS = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];

/** The month field carries the century: 1800s +80, 1900s +0, 2000s +20, 2100s +40, 2200s +60. */
const CENTURY_BY_MONTH_OFFSET: ReadonlyArray<readonly [offset: number, century: number]> = [
  [80, 1800],
  [0, 1900],
  [20, 2000],
  [40, 2100],
  [60, 2200],
];

function birthDateOf(digits: string): IsoDate | null {
  const yy = Number(digits.slice(0, 2));
  const encodedMonth = Number(digits.slice(2, 4));
  const day = Number(digits.slice(4, 6));
  for (const [offset, century] of CENTURY_BY_MONTH_OFFSET) {
    const month = encodedMonth - offset;
    if (month < 1 || month > 12) continue;
    const year = century + yy;
    return day >= 1 && day <= daysInMonth(year, month) ? formatIsoDate({ year, month, day }) : null;
  }
  return null;
}

/** Polish PESEL: YYMMDD (month encodes the century), a 4-digit serial whose last digit is the sex, a check digit. */
export const PESEL: NationalIdFormat = {
  code: 'PESEL',
  label: 'PESEL (Poland)',

  // People type PESELs with spaces ("440514 01359"); nothing else is ever part of the number.
  normalize: (raw) => raw.replace(/\s+/g, ''),

  validate(normalized): NationalIdValidation {
    if (!/^\d+$/.test(normalized)) return { ok: false, reason: 'PESEL must contain digits only' };
    if (normalized.length !== 11) return { ok: false, reason: 'PESEL must have 11 digits' };
    const digits = [...normalized].map(Number);
    const sum = WEIGHTS.reduce((acc, weight, i) => acc + weight * digits[i], 0);
    const checkDigit = (10 - (sum % 10)) % 10;
    if (checkDigit !== digits[10]) return { ok: false, reason: 'PESEL check digit does not match' };
    const birthDate = birthDateOf(normalized);
    if (birthDate === null) return { ok: false, reason: 'PESEL does not encode a real birth date' };
    return { ok: true, birthDate };
  },
};

/**
 * A valid PESEL for a birth date and a 4-digit serial (whose last digit is the sex): for demo data, benchmarks and
 * tests, which must never use a real person's number.
 */
export function peselFor(birthDate: IsoDate, serial: number): string {
  const [year, month, day] = birthDate.split('-').map(Number);
  const offset = CENTURY_BY_MONTH_OFFSET.find(([, century]) => year >= century && year < century + 100)![0];
  const body = [year % 100, month + offset, day].map((n) => String(n).padStart(2, '0')).join('');
  const digits = `${body}${String(serial % 10_000).padStart(4, '0')}`;
  const sum = WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(digits[i]), 0);
  return `${digits}${(10 - (sum % 10)) % 10}`;
}
