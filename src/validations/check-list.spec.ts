import { maskCardNumber } from './check-list';

describe('maskCardNumber', () => {
  it.each([
    ['KDR4821093755267', 'KDR •••• •••• •526 7'],
    ['LUB7301582649013', 'LUB •••• •••• •901 3'],
    ['AB0000000000000', 'AB •••• •••• •000 0'],
  ])('%s → %s', (number, masked) => {
    expect(maskCardNumber(number)).toBe(masked);
  });

  it('never shows more than the last four digits', () => {
    expect(maskCardNumber('KDR4821093755267').replace(/\D/g, '')).toBe('5267');
  });
});
