import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const SCRIPT = join(__dirname, 'pdf-inspect.mjs');

export interface InspectedPage {
  /** pt */
  width: number;
  height: number;
  /** The page's text items, one per line. */
  text: string;
  items: string[];
}

export interface InspectedPdf {
  pages: InspectedPage[];
  /** In the order asked; text null when no QR code was found in the region. */
  qr: { page: number; region: number[]; text: string | null }[];
  /** The darkest grey level (0 black - 255 white) within a pixel of each point asked. */
  pixel: { page: number; at: number[]; darkest: number }[];
  /** The document information dictionary as pdf.js reads it. */
  info: Record<string, unknown>;
}

/** A region (mm from the page's top-left corner) to decode a QR code from, on a page counted from 1. */
export interface QrRegion {
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface InspectOptions {
  qr?: QrRegion[];
  /** Points (mm) whose darkness to report. */
  pixels?: { page: number; x: number; y: number }[];
  dpi?: number;
}

/**
 * Reads a PDF with pdf.js and decodes QR codes with jsQR from its rendering (200 dpi unless told), in a child
 * process: pdfjs-dist is ES modules only, and jest runs CommonJS.
 */
export async function inspectPdf(pdf: Buffer | string, options: InspectOptions = {}): Promise<InspectedPdf> {
  const dir = typeof pdf === 'string' ? undefined : await mkdtemp(join(tmpdir(), 'fc-pdf-'));
  const file = dir ? join(dir, 'card.pdf') : (pdf as string);
  try {
    if (dir) await writeFile(file, pdf as Buffer);
    const args = [SCRIPT, file, '--dpi', String(options.dpi ?? 200)];
    for (const r of options.qr ?? []) args.push('--qr', `${r.page}:${r.x},${r.y},${r.width},${r.height}`);
    for (const p of options.pixels ?? []) args.push('--pixel', `${p.page}:${p.x},${p.y}`);
    const { stdout } = await promisify(execFile)(process.execPath, args, { maxBuffer: 64 << 20 });
    return JSON.parse(stdout) as InspectedPdf;
  } finally {
    if (dir) await rm(dir, { recursive: true, force: true });
  }
}
