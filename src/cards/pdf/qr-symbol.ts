import QRCode from 'qrcode';
import { withBestMask } from './qr-mask';

/** Light modules the QR specification asks for around a symbol (ISO/IEC 18004, 4 modules). */
export const QUIET_ZONE = 4;

/** The symbol's modules, row by row: 1 dark, 0 light. */
export interface QrSymbol {
  size: number;
  dark: ArrayLike<number | boolean>;
}

/** A horizontal run of dark modules, in modules. */
export interface ModuleRun {
  x: number;
  y: number;
  length: number;
}

const ALPHANUMERIC = /^[0-9A-Z $%*+\-./:]*$/;

/**
 * The QR symbol for `text` at error correction M, with the mask the specification's penalty picks: qrcode's
 * own choice, found faster (qr-mask.ts). A text of QR-alphanumeric characters (the card token URL) is handed
 * over as one alphanumeric segment, which spares the encoder its search for the cheapest mix of modes.
 */
export function qrSymbol(text: string): QrSymbol {
  const data = ALPHANUMERIC.test(text) ? [{ data: text, mode: 'alphanumeric' as const }] : text;
  const { modules } = QRCode.create(data, { errorCorrectionLevel: 'M', maskPattern: 0 });
  return { size: modules.size, dark: withBestMask(modules).data };
}

/** Dark modules merged into horizontal runs: one rectangle per run instead of one per module. */
export function moduleRuns({ size, dark }: QrSymbol): ModuleRun[] {
  const runs: ModuleRun[] = [];
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (!dark[y * size + x]) continue;
      const start = x;
      while (x + 1 < size && dark[y * size + x + 1]) x++;
      runs.push({ x: start, y, length: x - start + 1 });
    }
  }
  return runs;
}
