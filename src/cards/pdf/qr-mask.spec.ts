import { createHash } from 'node:crypto';
import QRCode from 'qrcode';
import { Mask, withBestMask, withMask } from './qr-mask';
import { qrSymbol } from './qr-symbol';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
/** Token-like texts of 20 to ~420 characters: QR versions 1 to 13. */
const texts = Array.from({ length: 120 }, (_, n) => {
  const bytes = Buffer.concat(
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((k) => createHash('sha256').update(`${n}/${k}`).digest()),
  );
  const token = Array.from(bytes.subarray(0, 8 + ((n * 37) % 390)), (b) => ALPHABET[b & 31]).join('');
  return `HTTPS://KARTA.EXAMPLE.PL/C/${token}`;
});
const segment = (text: string) => [{ data: text, mode: 'alphanumeric' as const }];

describe('QR mask choice', () => {
  it('derives the symbol of every mask from the one with mask 0, bit for bit as qrcode builds it', () => {
    for (const text of texts.slice(0, 30)) {
      const base = QRCode.create(segment(text), { errorCorrectionLevel: 'M', maskPattern: 0 }).modules;
      for (const mask of [0, 1, 2, 3, 4, 5, 6, 7] as Mask[]) {
        const expected = QRCode.create(segment(text), { errorCorrectionLevel: 'M', maskPattern: mask })
          .modules.data;
        const derived = withMask(base, mask, new Uint8Array(base.size * base.size));
        expect({
          text,
          mask,
          equal: Buffer.compare(Buffer.from(derived), Buffer.from(expected)) === 0,
        }).toEqual({
          text,
          mask,
          equal: true,
        });
      }
    }
  });

  it('picks the mask qrcode picks, so the symbols are identical', () => {
    const versions = new Set<number>();
    for (const text of texts) {
      const reference = QRCode.create(segment(text), { errorCorrectionLevel: 'M' });
      const base = QRCode.create(segment(text), { errorCorrectionLevel: 'M', maskPattern: 0 }).modules;
      versions.add(reference.version);
      const best = withBestMask(base);
      expect({ text, mask: best.mask }).toEqual({ text, mask: reference.maskPattern });
      expect(Buffer.from(best.data).equals(Buffer.from(reference.modules.data))).toBe(true);
      expect(Buffer.from(qrSymbol(text).dark as Uint8Array).equals(Buffer.from(reference.modules.data))).toBe(
        true,
      );
    }
    expect(Math.min(...versions)).toBeLessThanOrEqual(2);
    expect(Math.max(...versions)).toBeGreaterThanOrEqual(10);
  });
});
