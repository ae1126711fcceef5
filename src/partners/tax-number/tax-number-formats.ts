import { NIP } from './nip';
import { OTHER } from './other';
import type { TaxNumberFormat } from './tax-number-format';

/** Adding a country means adding its format here; programmes refer to formats by code. */
const FORMATS = [NIP, OTHER] as const;

export const TAX_NUMBER_CODES: readonly string[] = FORMATS.map((f) => f.code);

const BY_CODE: ReadonlyMap<string, TaxNumberFormat> = new Map(FORMATS.map((f) => [f.code, f]));

export function taxNumberFormat(code: string): TaxNumberFormat | undefined {
  return BY_CODE.get(code);
}
