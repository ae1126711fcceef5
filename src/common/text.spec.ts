import { containsPattern, foldForSearch } from './text';

describe('foldForSearch', () => {
  it.each([
    ['Łódź', 'lodz'],
    ['ŻÓŁĆ  gęślą', 'zolc gesla'],
    ['Ștefan Țăran', 'stefan taran'],
    ['Őrség Ürögdi', 'orseg urogdi'],
    ['Иван Петров', 'иван петров'],
    ['Straße', 'strasse'],
    ['  2026-7K3F9Q ', '2026-7k3f9q'],
  ])('%s → %s', (input, expected) => expect(foldForSearch(input)).toBe(expected));
});

describe('containsPattern', () => {
  it.each([
    ['nowak', '%nowak%'],
    ['50%_off', '%50\\%\\_off%'],
    ['a\\b', '%a\\\\b%'],
  ])('%s → %s', (input, expected) => expect(containsPattern(input)).toBe(expected));
});
