/**
 * Choosing a QR symbol's mask as the `qrcode` package chooses it, in about half the time. The QR specification
 * (ISO/IEC 18004, 7.8) has the encoder try all eight masks and keep the one whose symbol scores the lowest
 * penalty; `qrcode` does that through generic per-module calls, a fifth of a whole card PDF's time. Here the
 * eight candidates are derived from the symbol qrcode built with mask 0 (the masked modules flipped, the format
 * information rewritten) and scored by the same rules in tight loops. The tests hold the result bit for bit to
 * the symbol qrcode builds with its own choice.
 */

/** The matrix of a symbol as qrcode returns it: 1 dark, and which modules are function patterns (unmasked). */
export interface QrMatrix {
  size: number;
  data: Uint8Array;
  reservedBit: Uint8Array;
}

export type Mask = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7;
const ALL_MASKS: Mask[] = [0, 1, 2, 3, 4, 5, 6, 7];

/** Whether mask 0-7 flips the module at (row i, column j): ISO/IEC 18004 table 10. */
const MASKS: ((i: number, j: number) => boolean)[] = [
  (i, j) => (i + j) % 2 === 0,
  (i) => i % 2 === 0,
  (_, j) => j % 3 === 0,
  (i, j) => (i + j) % 3 === 0,
  (i, j) => (Math.floor(i / 2) + Math.floor(j / 3)) % 2 === 0,
  (i, j) => ((i * j) % 2) + ((i * j) % 3) === 0,
  (i, j) => (((i * j) % 2) + ((i * j) % 3)) % 2 === 0,
  (i, j) => (((i * j) % 3) + ((i + j) % 2)) % 2 === 0,
];

/** Format information for error correction level M and masks 0-7: BCH(15,5) code XOR 0x5412 (annex C). */
const FORMAT_M = [0x5412, 0x5125, 0x5e7c, 0x5b4b, 0x45f9, 0x40ce, 0x4f97, 0x4aa0];

/** Writes the 15 format bits twice: down column 8 and along row 8, beside the finder patterns. */
function writeFormat(out: Uint8Array, size: number, bits: number): void {
  for (let i = 0; i < 15; i++) {
    const bit = (bits >> i) & 1;
    const row = i < 6 ? i : i < 8 ? i + 1 : size - 15 + i;
    const column = i < 8 ? size - i - 1 : i < 9 ? 15 - i : 14 - i;
    out[row * size + 8] = bit;
    out[8 * size + column] = bit;
  }
}

/**
 * Per symbol size, and per mask, the modules that differ from mask 0: the function patterns (reserved, never
 * masked) depend on the version alone, so every symbol of a size shares its lists.
 */
const flipsBySize = new Map<number, Uint32Array[]>();

function flipsFor({ size, reservedBit }: QrMatrix): Uint32Array[] {
  let flips = flipsBySize.get(size);
  if (!flips) {
    flips = MASKS.map((mask) => {
      const at: number[] = [];
      for (let i = 0; i < size; i++)
        for (let j = 0; j < size; j++)
          if (!reservedBit[i * size + j] && MASKS[0](i, j) !== mask(i, j)) at.push(i * size + j);
      return Uint32Array.from(at);
    });
    flipsBySize.set(size, flips);
  }
  return flips;
}

/** The symbol `base` (level M, built with mask 0) would be with mask `mask`, written into `out`. */
export function withMask(base: QrMatrix, mask: Mask, out: Uint8Array): Uint8Array {
  out.set(base.data);
  for (const at of flipsFor(base)[mask]) out[at] ^= 1;
  writeFormat(out, base.size, FORMAT_M[mask]);
  return out;
}

/**
 * The specification's penalty, scored exactly as qrcode scores it: runs of five or more alike in a row or
 * column (N1), 2×2 blocks alike (N2), finder-like 1:1:3:1:1 patterns beside four light modules (N3), and the
 * share of dark modules away from half (N4).
 */
export function penalty(m: Uint8Array, size: number): number {
  let points = 0;
  let dark = 0;
  for (let r = 0; r < size; r++) {
    let [lastRow, runRow, lastColumn, runColumn, bitsRow, bitsColumn] = [-1, 0, -1, 0, 0, 0];
    for (let c = 0; c < size; c++) {
      const a = m[r * size + c];
      const b = m[c * size + r];
      dark += a;
      if (a === lastRow) runRow++;
      else {
        if (runRow >= 5) points += 3 + runRow - 5;
        lastRow = a;
        runRow = 1;
      }
      if (b === lastColumn) runColumn++;
      else {
        if (runColumn >= 5) points += 3 + runColumn - 5;
        lastColumn = b;
        runColumn = 1;
      }
      bitsRow = ((bitsRow << 1) & 0x7ff) | a;
      bitsColumn = ((bitsColumn << 1) & 0x7ff) | b;
      if (c >= 10 && (bitsRow === 0x5d0 || bitsRow === 0x05d)) points += 40;
      if (c >= 10 && (bitsColumn === 0x5d0 || bitsColumn === 0x05d)) points += 40;
      if (r < size - 1 && c < size - 1) {
        const block = a + m[r * size + c + 1] + m[(r + 1) * size + c] + m[(r + 1) * size + c + 1];
        if (block === 0 || block === 4) points += 3;
      }
    }
    if (runRow >= 5) points += 3 + runRow - 5;
    if (runColumn >= 5) points += 3 + runColumn - 5;
  }
  return points + 10 * Math.abs(Math.ceil((dark * 100) / (size * size) / 5) - 10);
}

/**
 * The symbol `base` (level M, built with mask 0) with the mask of lowest penalty, the first of equals as in
 * qrcode: the same modules qrcode's own choice gives.
 */
export function withBestMask(base: QrMatrix): { mask: Mask; data: Uint8Array } {
  const candidate = new Uint8Array(base.size * base.size);
  let best: { mask: Mask; data: Uint8Array } = { mask: 0, data: base.data };
  let lowest = Infinity;
  for (const mask of ALL_MASKS) {
    const score = penalty(withMask(base, mask, candidate), base.size);
    if (score < lowest) {
      best = { mask, data: candidate.slice() };
      lowest = score;
    }
  }
  return best;
}
