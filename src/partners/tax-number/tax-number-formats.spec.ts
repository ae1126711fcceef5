import { NIP } from './nip';
import { OTHER } from './other';
import { TAX_NUMBER_CODES, taxNumberFormat } from './tax-number-formats';

describe('tax number format registry', () => {
  it('finds formats by exact code', () => {
    expect(TAX_NUMBER_CODES).toEqual(['NIP', 'OTHER']);
    expect(taxNumberFormat('NIP')).toBe(NIP);
    expect(taxNumberFormat('OTHER')).toBe(OTHER);
  });

  it.each(['nip', 'VAT', '', 'toString', '__proto__'])('knows no format %j', (code) => {
    expect(taxNumberFormat(code)).toBeUndefined();
  });
});

describe('OTHER tax number', () => {
  it.each([
    ['DE123456789', 'DE123456789'],
    [' de 123.456-789 ', 'DE123456789'],
    ['hu12345678-1-42', 'HU12345678142'],
    ['', ''],
  ])('normalises %j to %j', (raw, normalized) => {
    expect(OTHER.normalize(raw)).toBe(normalized);
  });

  it.each([
    ['AB', true],
    ['12', true],
    ['A'.repeat(32), true],
    ['A', false],
    ['A'.repeat(33), false],
    ['ab12', false],
    ['AB_12', false],
    ['AB-12', false],
    ['ÖÄ1234', false],
    ['', false],
  ])('%j valid: %p', (value, ok) => {
    expect(OTHER.validate(value).ok).toBe(ok);
  });

  it('validates what it normalises, whatever the separators', () => {
    expect(OTHER.validate(OTHER.normalize('ro 123-456.78'))).toEqual({ ok: true });
  });
});
