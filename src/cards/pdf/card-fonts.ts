import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { readTtfTables, TtfSubset } from './ttf-subset';

/** The part of a fontkit glyph run pdfkit reads. */
interface GlyphRun {
  glyphs: unknown[];
  positions: Record<string, number>[];
  readonly advanceWidth: number;
}
interface FontkitFont {
  layout(text: string, features?: unknown): GlyphRun;
}

/** pdfkit's own fontkit, resolved from pdfkit's folder: the font objects handed to pdfkit must be ones it knows. */
const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as { create(font: Buffer): FontkitFont };

/** A font ready for `doc.font(font.source, font.family)`, parsed once for every document. */
export interface PdfFont {
  /** The name each document caches the font under. */
  family: string;
  /** pdfkit takes a parsed fontkit font besides a file name or bytes. */
  source: PDFKit.Mixins.PDFFontSource;
}

export interface CardFonts {
  regular: PdfFont;
  bold: PdfFont;
}

/** Distinct strings shaped per font before the cache starts again (labels, roles, name parts, digit groups). */
const LAYOUT_CACHE_SIZE = 10_000;

/** A copy of a cached run: pdfkit scales the positions of the run it gets in place. */
class RunCopy implements GlyphRun {
  readonly positions: Record<string, number>[];

  constructor(
    readonly glyphs: unknown[],
    positions: Record<string, number>[],
  ) {
    this.positions = positions.map((p) => ({ ...p }));
  }

  get advanceWidth(): number {
    let width = 0;
    for (const p of this.positions) width += p.xAdvance;
    return width;
  }
}

/**
 * Parses a TrueType file once. Given a file or bytes, pdfkit parses the font again for every document and
 * fontkit re-encodes the subset field by field; both dominated the time of a card (docs/card-templates.md).
 * The parsed font is shared, wrapped so that pdfkit subsets it by copying bytes (TtfSubset) and so that a
 * string shaped once (a label, a role, the programme's name) is not shaped again for the next document.
 */
export function loadPdfFont(file: string, family: string): PdfFont {
  const bytes = readFileSync(file);
  const parsed = fontkit.create(bytes);
  const tables = readTtfTables(bytes);
  const runs = new Map<string, GlyphRun>();
  const layout = (text: string, features?: unknown): GlyphRun => {
    if (features) return parsed.layout(text, features);
    let run = runs.get(text);
    if (!run) {
      if (runs.size >= LAYOUT_CACHE_SIZE) runs.clear();
      run = parsed.layout(text);
      runs.set(text, run);
    }
    return new RunCopy(run.glyphs, run.positions);
  };
  // Everything else (metrics, tables, glyphs) is read from the parsed font through the prototype.
  const font = Object.create(parsed, {
    createSubset: { value: () => new TtfSubset(tables) },
    layout: { value: layout },
  }) as PDFKit.Mixins.PDFFontSource;
  return { family, source: font };
}

let dejaVu: CardFonts | undefined;

/** DejaVu Sans regular and bold: Latin with Polish, Hungarian and Romanian (ș ț) letters, and Cyrillic. */
export function cardFonts(): CardFonts {
  const dir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  dejaVu ??= {
    regular: loadPdfFont(join(dir, 'DejaVuSans.ttf'), 'DejaVuSans'),
    bold: loadPdfFont(join(dir, 'DejaVuSans-Bold.ttf'), 'DejaVuSans-Bold'),
  };
  return dejaVu;
}
