import { distance, fill, longDate, plural } from './page-format';

describe('fill', () => {
  it.each([
    ['{a} and {b}', { a: 1, b: 'two' }, '1 and two'],
    ['{a}{a}', { a: 'x' }, 'xx'],
    ['no placeholders', { a: 1 }, 'no placeholders'],
    ['{missing} stays', {}, '{missing} stays'],
  ])('%j with %j → %j', (text, values, expected) => {
    expect(fill(text, values)).toBe(expected);
  });
});

describe('plural', () => {
  const pl = { one: '{n} oferta', few: '{n} oferty', many: '{n} ofert', other: '{n} oferty' };
  const ro = { one: '{n} copil', few: '{n} copii', other: '{n} de copii' };
  it.each<[Record<string, string> & { other: string }, number, string, string]>([
    [pl, 1, 'pl', '1 oferta'],
    [pl, 3, 'pl', '3 oferty'],
    [pl, 5, 'pl', '5 ofert'],
    [pl, 22, 'pl', '22 oferty'],
    [pl, 1000, 'pl', '1000 ofert'],
    [pl, 12345, 'pl', '12 345 ofert'],
    [ro, 1, 'ro', '1 copil'],
    [ro, 3, 'ro', '3 copii'],
    [ro, 20, 'ro', '20 de copii'],
    [{ other: '{n} gyermek' }, 1, 'hu', '1 gyermek'],
    [{ one: '{n} child', other: '{n} children' }, 1, 'en', '1 child'],
    [{ one: '{n} child', other: '{n} children' }, 1234, 'en', '1,234 children'],
  ])('%j of %d in %s', (forms, n, language, expected) => {
    expect(plural(forms, n, language).replace(/\u00a0/g, ' ')).toBe(expected);
  });
});

describe('distance', () => {
  it.each([
    [0, 'en', '0 m'],
    [34, 'en', '30 m'],
    [994, 'en', '990 m'],
    [995, 'en', '1 km'],
    [1049, 'en', '1 km'],
    [2650, 'en', '2.7 km'],
    [2650, 'pl', '2,7 km'],
    [9949, 'en', '9.9 km'],
    [9950, 'en', '10 km'],
    [152_400, 'en', '152 km'],
    [2650, 'ru', '2,7 км'],
  ])('%d m in %s is %j', (metres, language, expected) => {
    expect(distance(metres, language).replace(/\u00a0/g, ' ')).toBe(expected);
  });
});

describe('longDate', () => {
  it.each([
    ['2026-12-31T22:59:59Z', 'pl', 'Europe/Warsaw', '31 grudnia 2026'],
    ['2026-12-31T23:00:00Z', 'pl', 'Europe/Warsaw', '1 stycznia 2027'],
    ['2026-12-31T23:00:00Z', 'en', 'UTC', 'December 31, 2026'],
  ])('%s in %s (%s) is %j', (iso, language, zone, expected) => {
    expect(longDate(new Date(iso), language, zone)).toBe(expected);
  });
});
