import { NATIONAL_ID_CODES, nationalIdFormat } from './national-id-formats';
import { OTHER } from './other';
import { PESEL } from './pesel';

describe('national ID format registry', () => {
  it('finds formats by exact code', () => {
    expect(NATIONAL_ID_CODES).toEqual(['PESEL', 'OTHER']);
    expect(nationalIdFormat('PESEL')).toBe(PESEL);
    expect(nationalIdFormat('OTHER')).toBe(OTHER);
  });

  it.each(['pesel', 'NIN', '', 'toString', '__proto__'])('knows no format %j', (code) => {
    expect(nationalIdFormat(code)).toBeUndefined();
  });
});

describe('OTHER national ID', () => {
  it.each([
    ['AB1234', 'AB1234'],
    [' ab 12-34 ', 'AB12-34'],
    ['x1y2', 'X1Y2'],
  ])('normalises %j to %s', (raw, normalized) => {
    expect(OTHER.normalize(raw)).toBe(normalized);
  });

  it.each([
    ['ABCD', true],
    ['A'.repeat(32), true],
    ['123-456-789', true],
    ['ABC', false],
    ['A'.repeat(33), false],
    ['AB_1234', false],
    ['ab1234', false],
    ['AB 1234', false],
    ['ŻÓŁW1234', false],
    ['', false],
  ])('%j valid: %p, never with a birth date', (value, ok) => {
    const result = OTHER.validate(value);
    expect(result.ok).toBe(ok);
    if (result.ok) expect(result.birthDate).toBeUndefined();
  });
});
