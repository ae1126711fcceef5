import {
  cryptoDigits,
  formatCardNumber,
  generateCardNumber,
  isValidCardNumber,
  isValidCardPrefix,
  luhnCheckDigit,
  normalizeCardNumber,
} from './card-number';

const VALID = 'KDR4821093755267';

/** A valid number with the given 13 digits' first 12 (the check digit is computed). */
const withCheck = (twelve: string) => `KDR${twelve}${luhnCheckDigit(twelve)}`;
const digitsOf = (canonical: string) => canonical.replace(/^[A-Z]+/, '').split('');

describe('luhnCheckDigit', () => {
  it.each([
    ['7992739871', 3], // the textbook example
    ['411111111111111', 1], // Visa test card 4111 1111 1111 1111
    ['37828224631000', 5], // Amex test card 3782 822463 10005
    ['601111111111111', 7], // Discover test card 6011 1111 1111 1117
    ['000000000000', 0],
    ['482109375526', 7],
    ['1', 8],
    ['9', 1],
  ])('%s -> %d', (digits, check) => {
    expect(luhnCheckDigit(digits)).toBe(check);
  });

  it.each(['', '12a4', ' 123', '-1'])('refuses %p', (digits) => {
    expect(() => luhnCheckDigit(digits)).toThrow(/digits/);
  });
});

describe('isValidCardNumber', () => {
  it.each([
    [VALID, true],
    ['KDR4821093755263', false],
    ['LUB0000000000000', true],
    ['AB0000000000000', true],
    ['ABCDEF0000000000000', true],
    ['A0000000000000', false],
    ['ABCDEFG0000000000000', false],
    ['KDR482109375526', false],
    ['KDR48210937552670', false],
    ['kdr4821093755267', false],
    ['KDR 4821 0937 5526 7', false],
    ['', false],
  ])('%p -> %p', (number, valid) => {
    expect(isValidCardNumber(number)).toBe(valid);
  });

  it('detects every single-digit substitution', () => {
    const digits = digitsOf(VALID);
    let checked = 0;
    digits.forEach((original, position) => {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === original) continue;
        const changed = [...digits];
        changed[position] = String(d);
        expect(isValidCardNumber(`KDR${changed.join('')}`)).toBe(false);
        checked++;
      }
    });
    expect(checked).toBe(13 * 9);
  });

  it('detects every adjacent transposition except 0 <-> 9, which Luhn cannot see', () => {
    let undetected = 0;
    for (let position = 0; position < 12; position++) {
      for (let a = 0; a <= 9; a++) {
        for (let b = 0; b <= 9; b++) {
          const twelve = '314159265358'.split('');
          twelve[position] = String(a);
          if (position < 11) twelve[position + 1] = String(b);
          const digits = digitsOf(withCheck(twelve.join('')));
          if (digits[position] === digits[position + 1]) continue;
          [digits[position], digits[position + 1]] = [digits[position + 1], digits[position]];
          const pair = [Number(digits[position]), Number(digits[position + 1])].sort().join('');
          const valid = isValidCardNumber(`KDR${digits.join('')}`);
          expect({ position, pair, valid }).toEqual({ position, pair, valid: pair === '09' });
          if (valid) undetected++;
        }
      }
    }
    expect(undetected).toBeGreaterThan(0);
  });
});

describe('normalizeCardNumber', () => {
  it.each([
    [VALID, VALID],
    ['KDR 4821 0937 5526 7', VALID],
    ['kdr-4821-0937-5526-7', VALID],
    ['  Kdr 4821\t0937 5526 7 ', VALID],
    ['KDR--4821 - 0937-55267', VALID],
    // Shape only: the check digit is isValidCardNumber's business.
    ['KDR 4821 0937 5526 3', 'KDR4821093755263'],
    ['KDR 4821 0937 5526', null],
    ['KDR 4821 0937 5526 77', null],
    ['K 4821 0937 5526 7', null],
    ['KDR_4821093755267', null],
    ['KDR.4821.0937.5526.7', null],
    ['4821093755267', null],
    ['KDRO821093755267', null],
    ['', null],
  ])('%p -> %p', (input, expected) => {
    expect(normalizeCardNumber(input)).toBe(expected);
  });
});

describe('formatCardNumber', () => {
  it.each([
    [VALID, 'KDR 4821 0937 5526 7'],
    ['AB0000000000000', 'AB 0000 0000 0000 0'],
    ['ABCDEF1234567890128', 'ABCDEF 1234 5678 9012 8'],
  ])('%s -> %s', (canonical, display) => {
    expect(formatCardNumber(canonical)).toBe(display);
    expect(normalizeCardNumber(display)).toBe(canonical);
  });

  it('refuses a non-canonical number', () => {
    expect(() => formatCardNumber('KDR 4821 0937 5526 7')).toThrow(/canonical/);
  });
});

describe('isValidCardPrefix', () => {
  it.each([
    ['KDR', true],
    ['AB', true],
    ['ABCDEF', true],
    ['A', false],
    ['ABCDEFG', false],
    ['kdr', false],
    ['KD1', false],
    ['ŁDZ', false],
    ['', false],
  ])('%p -> %p', (prefix, valid) => {
    expect(isValidCardPrefix(prefix)).toBe(valid);
  });
});

describe('generateCardNumber', () => {
  it('appends the Luhn digit to the supplied random digits', () => {
    expect(generateCardNumber('KDR', () => '482109375526')).toBe(VALID);
  });

  it('draws distinct valid numbers from the CSPRNG, never Math.random', () => {
    const mathRandom = jest.spyOn(Math, 'random');
    const numbers = Array.from({ length: 200 }, () => generateCardNumber('LUB'));
    expect(mathRandom).not.toHaveBeenCalled();
    mathRandom.mockRestore();
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const number of numbers) {
      expect(number).toMatch(/^LUB\d{13}$/);
      expect(isValidCardNumber(number)).toBe(true);
    }
  });

  it('cryptoDigits gives 12 digits, leading zeros kept', () => {
    const samples = Array.from({ length: 200 }, cryptoDigits);
    for (const s of samples) expect(s).toMatch(/^\d{12}$/);
    // Not sequential: consecutive draws are far apart.
    const gaps = samples.slice(1).map((s, i) => Math.abs(Number(s) - Number(samples[i])));
    expect(Math.min(...gaps)).toBeGreaterThan(1000);
  });

  it.each([['kdr'], ['K'], ['ABCDEFG'], ['KD1']])('refuses prefix %p', (prefix) => {
    expect(() => generateCardNumber(prefix, () => '000000000000')).toThrow(/prefix/);
  });

  it.each([['12345678901'], ['1234567890123'], ['12345678901a']])('refuses random digits %p', (digits) => {
    expect(() => generateCardNumber('KDR', () => digits)).toThrow(/random digits/);
  });
});
