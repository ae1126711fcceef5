import { moduleRuns, qrSymbol } from './qr-symbol';

describe('QR symbol', () => {
  it('merges dark modules into horizontal runs', () => {
    // prettier-ignore
    const dark = [
      1, 1, 0, 1,
      0, 0, 0, 0,
      1, 1, 1, 1,
      0, 1, 1, 0,
    ];
    expect(moduleRuns({ size: 4, dark })).toEqual([
      { x: 0, y: 0, length: 2 },
      { x: 3, y: 0, length: 1 },
      { x: 0, y: 2, length: 4 },
      { x: 1, y: 3, length: 2 },
    ]);
  });

  it('covers exactly the dark modules of a real symbol', () => {
    const symbol = qrSymbol(`HTTPS://KARTA.EXAMPLE.PL/C/${'K7QX2M4ZB5'.repeat(27)}`);
    const painted = new Uint8Array(symbol.size * symbol.size);
    for (const { x, y, length } of moduleRuns(symbol))
      for (let i = 0; i < length; i++) painted[y * symbol.size + x + i]++;
    expect(Array.from(painted)).toEqual(Array.from(symbol.dark, Number));
  });

  it('fits a ~300-character token URL in version 10 at level M (57 modules)', () => {
    expect(qrSymbol(`HTTPS://KARTA.EXAMPLE.PL/C/${'A2345B6789'.repeat(27)}`).size).toBe(57);
  });

  it('still encodes text outside the alphanumeric set', () => {
    expect(qrSymbol('https://karta.example.pl/c/abc').size).toBeGreaterThanOrEqual(21);
  });
});
