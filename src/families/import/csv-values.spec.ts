import { foldWord, normalizeDate, parseBoolean, roleOf } from './csv-values';

describe('normalizeDate', () => {
  it.each([
    ['2010-05-02', '2010-05-02'],
    ['02.05.2010', '2010-05-02'],
    ['2.5.2010', '2010-05-02'],
    ['31.12.1999', '1999-12-31'],
    // Impossible days pass through converted: the DTO reports them as the API would.
    ['31.02.2015', '2015-02-31'],
    ['2015-13-09', '2015-13-09'],
    ['02/05/2010', null],
    ['2010.05.02', null],
    ['02-05-2010', null],
    ['2.5.10', null],
    ['', null],
    ['2010-5-2', null],
  ])('%j → %j', (value, expected) => {
    expect(normalizeDate(value)).toBe(expected);
  });
});

describe('parseBoolean', () => {
  it.each([
    ['true', true],
    ['TRUE', true],
    ['tak', true],
    ['Tak', true],
    ['1', true],
    ['false', false],
    ['nie', false],
    ['NIE', false],
    ['0', false],
    ['yes', null],
    ['t', null],
    ['2', null],
    ['', null],
  ])('%j → %p', (value, expected) => {
    expect(parseBoolean(value)).toBe(expected);
  });
});

describe('roleOf', () => {
  it.each([
    ['parent', 'parent'],
    ['Parent', 'parent'],
    ['spouse', 'spouse'],
    ['child', 'child'],
    ['foster_child', 'foster_child'],
    ['foster-child', 'foster_child'],
    ['Foster Parent', 'foster_parent'],
    ['rodzic', 'parent'],
    ['RODZIC', 'parent'],
    ['małżonek', 'spouse'],
    ['Małżonka', 'spouse'],
    ['malzonek', 'spouse'],
    ['dziecko', 'child'],
    ['dziecko_zastępcze', 'foster_child'],
    ['dziecko zastepcze', 'foster_child'],
    ['rodzic_zastępczy', 'foster_parent'],
    ['Rodzic-Zastępczy', 'foster_parent'],
    ['daughter', null],
    ['matka', null],
    ['', null],
  ])('%j → %p', (value, expected) => {
    expect(roleOf(value)).toBe(expected);
  });
});

describe('foldWord', () => {
  it.each([
    ['  Dziecko Zastępcze ', 'dziecko_zastepcze'],
    ['ŁÓDŹ', 'lodz'],
    ['a - b', 'a_b'],
  ])('%j → %j', (value, expected) => {
    expect(foldWord(value)).toBe(expected);
  });
});
