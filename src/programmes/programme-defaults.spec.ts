import { cardPrefixFor } from './programme-defaults';

describe('cardPrefixFor', () => {
  it.each([
    ['KDR', 'KDR'],
    ['LUB3', 'LUB'],
    ['R3PLUS', 'RPLUS'],
    ['FAMILYCARD', 'FAMILY'],
    ['K2', 'CARD'],
    ['2024', 'CARD'],
  ])('%s → %s', (code, prefix) => {
    expect(cardPrefixFor(code)).toBe(prefix);
  });
});
