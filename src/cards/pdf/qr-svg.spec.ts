import { decodeQrSvg } from '../../../test/support/qr-image';
import { qrSvg } from './qr-svg';

describe('qrSvg', () => {
  it.each([
    [
      'a card token URL (alphanumeric)',
      `HTTPS://KARTA.EXAMPLE.PL/C/${'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'.repeat(7)}`,
      300,
    ],
    ['a short lower-case text (byte mode)', 'https://karta.example.pl/', 200],
  ])('%s decodes back to its text', async (_about, text, pixels) => {
    const svg = qrSvg(text);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 (\d+) \1"/);
    expect(await decodeQrSvg(svg, pixels)).toBe(text);
  });
});
