import { PESEL, peselFor } from './pesel';

// Check digits computed independently (weights 1,3,7,9,1,3,7,9,1,3; check = (10 - sum mod 10) mod 10).
describe('PESEL', () => {
  it.each([
    ['44051401359', '1944-05-14', 'the textbook example'],
    ['77120112344', '1977-12-01', '1900s: month as is'],
    ['99123105794', '1999-12-31', 'last day of the 1900s'],
    ['02270803624', '2002-07-08', '2000s: month + 20'],
    ['00222900009', '2000-02-29', '2000 is a leap year'],
    ['24222900005', '2024-02-29', 'leap day 2024'],
    ['99923112347', '1899-12-31', '1800s: month + 80'],
    ['02810101236', '1802-01-01', 'early 1800s'],
    ['01410100007', '2101-01-01', '2100s: month + 40'],
    ['00430200047', '2100-03-02', '2100 itself'],
    ['00523101231', '2100-12-31', 'December of 2100'],
    ['60611204512', '2260-01-12', '2200s: month + 60'],
  ])('%s is valid, born %s (%s)', (pesel, birthDate) => {
    expect(PESEL.validate(PESEL.normalize(pesel))).toEqual({ ok: true, birthDate });
  });

  it.each([
    // 02270803628 is sometimes quoted for 2002-07-08, but its check digit should be 4.
    ['02270803628', 'check digit'],
    ['44051401358', 'check digit'],
    ['44051401350', 'check digit'],
    ['4405140135', '11 digits'],
    ['440514013591', '11 digits'],
    ['', 'digits only'],
    ['4405140135A', 'digits only'],
    ['44O51401359', 'digits only'],
    ['440514-01359', 'digits only'],
    ['90023101459', 'real birth date'], // 31 February 1990
    ['24223100008', 'real birth date'], // 31 February 2024
    ['00022900003', 'real birth date'], // 29 February 1900: not a leap year
    ['01622900008', 'real birth date'], // 29 February 2201
    ['00713100006', 'real birth date'], // 31 November 2200
    ['85130100000', 'real birth date'], // month 13 belongs to no century
    ['85601208884', 'real birth date'], // month 60 neither
    ['00000000000', 'real birth date'], // month 00
  ])('%s is invalid: %s', (pesel, reason) => {
    const result = PESEL.validate(PESEL.normalize(pesel));
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toContain(reason);
  });

  it.each([
    ['44051401359', '44051401359'],
    [' 440514 01359 ', '44051401359'],
    ['4405\t1401359\n', '44051401359'],
  ])('normalises %j to %s', (raw, normalized) => {
    expect(PESEL.normalize(raw)).toBe(normalized);
  });
});

describe('peselFor', () => {
  it.each(['1899-12-31', '1944-05-14', '2002-07-08', '2024-02-29', '2150-01-01'])(
    'gives a PESEL that validates and encodes %s',
    (birthDate) => {
      for (const serial of [0, 1, 4242, 9999]) {
        expect(PESEL.validate(peselFor(birthDate, serial))).toEqual({ ok: true, birthDate });
      }
    },
  );
});
