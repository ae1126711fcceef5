import type { NationalIdFormat } from './national-id-format';
import { OTHER } from './other';
import { PESEL } from './pesel';

/** Adding a country means adding its format here; programmes refer to formats by code. */
const FORMATS = [PESEL, OTHER] as const;

export const NATIONAL_ID_CODES: readonly string[] = FORMATS.map((f) => f.code);

const BY_CODE: ReadonlyMap<string, NationalIdFormat> = new Map(FORMATS.map((f) => [f.code, f]));

export function nationalIdFormat(code: string): NationalIdFormat | undefined {
  return BY_CODE.get(code);
}
