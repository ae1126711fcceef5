/**
 * TrueType subsetting by copying bytes. fontkit's subsetter decodes every glyph's outline and re-encodes each
 * table field by field; for a card's ~40 glyphs that was most of the time of a whole PDF (see
 * docs/card-templates.md, "Speed"). A PDF's embedded TrueType font needs only the tables below (ISO 32000-1,
 * 9.9), and glyph outlines can be copied as they are: only composite glyphs (accented letters built from a base
 * letter and an accent) name other glyphs and need those ids rewritten.
 */

/** The tables of a font, parsed once and shared by every subset of it. */
export interface TtfTables {
  tables: Record<string, Uint8Array>;
  /** Where each glyph starts in glyf, plus the end of the last one. */
  glyphOffsets: Uint32Array;
  numberOfHMetrics: number;
}

/** Tables a PDF viewer needs to draw an embedded TrueType font; cmap, name, post and OS/2 are not among them. */
const COPIED = ['cvt ', 'fpgm', 'prep'];

const view = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);

export function readTtfTables(file: Uint8Array): TtfTables {
  // A copy, and a plain Uint8Array: slice() on a Buffer would not copy, and the tables must never be changed
  // under the parsed font that shares the file's bytes.
  const font = new Uint8Array(file);
  const v = view(font);
  if (v.getUint32(0) !== 0x00010000)
    throw new Error('Not a TrueType font (only glyf outlines are subset here)');
  const tables: Record<string, Uint8Array> = {};
  for (let i = 0; i < v.getUint16(4); i++) {
    const entry = 12 + 16 * i;
    const tag = String.fromCharCode(...font.subarray(entry, entry + 4));
    const offset = v.getUint32(entry + 8);
    tables[tag] = font.subarray(offset, offset + v.getUint32(entry + 12));
  }
  for (const tag of ['head', 'hhea', 'hmtx', 'maxp', 'loca', 'glyf'])
    if (!tables[tag]) throw new Error(`TrueType font without a ${tag} table`);
  const numGlyphs = view(tables.maxp).getUint16(4);
  const longOffsets = view(tables.head).getInt16(50) === 1;
  const loca = view(tables.loca);
  const glyphOffsets = new Uint32Array(numGlyphs + 1);
  for (let g = 0; g <= numGlyphs; g++)
    glyphOffsets[g] = longOffsets ? loca.getUint32(4 * g) : 2 * loca.getUint16(2 * g);
  return { tables, glyphOffsets, numberOfHMetrics: view(tables.hhea).getUint16(34) };
}

// Composite glyph component flags (OpenType glyf table).
const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

const pad4 = (n: number) => (n + 3) & ~3;

/** The sum of a table as 32-bit big-endian words, as the table directory and head.checkSumAdjustment want. */
function checksum(data: Uint8Array): number {
  const v = view(data);
  let sum = 0;
  const whole = data.length & ~3;
  for (let i = 0; i < whole; i += 4) sum = (sum + v.getUint32(i)) >>> 0;
  if (whole < data.length) {
    let last = 0;
    for (let i = whole; i < whole + 4; i++) last = (last << 8) | (data[i] ?? 0);
    sum = (sum + (last >>> 0)) >>> 0;
  }
  return sum;
}

/** A sfnt file holding the given tables, in tag order, each 4-byte aligned. */
function writeFont(tables: Record<string, Uint8Array>): Uint8Array {
  const tags = Object.keys(tables).sort();
  let size = 12 + 16 * tags.length;
  for (const tag of tags) size += pad4(tables[tag].length);
  const out = new Uint8Array(size);
  const v = view(out);
  const power = 2 ** Math.floor(Math.log2(tags.length));
  v.setUint32(0, 0x00010000);
  v.setUint16(4, tags.length);
  v.setUint16(6, power * 16);
  v.setUint16(8, Math.log2(power));
  v.setUint16(10, tags.length * 16 - power * 16);
  let offset = 12 + 16 * tags.length;
  let headOffset = 0;
  tags.forEach((tag, i) => {
    const data = tables[tag];
    const entry = 12 + 16 * i;
    for (let c = 0; c < 4; c++) out[entry + c] = tag.charCodeAt(c);
    v.setUint32(entry + 4, checksum(data));
    v.setUint32(entry + 8, offset);
    v.setUint32(entry + 12, data.length);
    out.set(data, offset);
    if (tag === 'head') headOffset = offset;
    offset += pad4(data.length);
  });
  v.setUint32(headOffset + 8, (0xb1b0afba - checksum(out)) >>> 0);
  return out;
}

/**
 * The subset pdfkit asks a font for (`createSubset()`): glyphs are numbered in the order they are first
 * included, .notdef first, and `encode()` writes the font file to embed.
 */
export class TtfSubset {
  private readonly glyphs: number[] = [];
  private readonly mapping = new Map<number, number>();

  constructor(private readonly font: TtfTables) {
    this.includeGlyph(0);
  }

  /** The glyph's id in the subset; pdfkit passes ids, fontkit's API also allows glyph objects. */
  includeGlyph(glyph: number | { id: number }): number {
    const id = typeof glyph === 'number' ? glyph : glyph.id;
    let subsetId = this.mapping.get(id);
    if (subsetId === undefined) {
      subsetId = this.glyphs.length;
      this.glyphs.push(id);
      this.mapping.set(id, subsetId);
    }
    return subsetId;
  }

  encode(): Uint8Array {
    const { tables, glyphOffsets } = this.font;
    const outlines: Uint8Array[] = [];
    // The list grows while it is walked: a composite glyph's components are appended to it.
    for (let i = 0; i < this.glyphs.length; i++) {
      const id = this.glyphs[i];
      outlines.push(this.withSubsetComponents(tables.glyf.subarray(glyphOffsets[id], glyphOffsets[id + 1])));
    }
    const count = outlines.length;
    const glyf = new Uint8Array(outlines.reduce((sum, o) => sum + pad4(o.length), 0));
    const loca = new Uint8Array(4 * (count + 1));
    const hmtx = new Uint8Array(4 * count);
    const locaView = view(loca);
    const hmtxView = view(hmtx);
    let offset = 0;
    for (let i = 0; i < count; i++) {
      locaView.setUint32(4 * i, offset);
      glyf.set(outlines[i], offset);
      offset += pad4(outlines[i].length);
      const [advance, bearing] = this.metrics(this.glyphs[i]);
      hmtxView.setUint16(4 * i, advance);
      hmtxView.setInt16(4 * i + 2, bearing);
    }
    locaView.setUint32(4 * count, offset);

    const head = tables.head.slice();
    view(head).setUint32(8, 0);
    view(head).setInt16(50, 1); // long loca offsets
    const hhea = tables.hhea.slice();
    view(hhea).setUint16(34, count);
    const maxp = tables.maxp.slice();
    view(maxp).setUint16(4, count);
    const subset: Record<string, Uint8Array> = { glyf, head, hhea, hmtx, loca, maxp };
    for (const tag of COPIED) if (tables[tag]) subset[tag] = tables[tag];
    return writeFont(subset);
  }

  /** A composite glyph's bytes with its components' ids replaced by their subset ids; others as they are. */
  private withSubsetComponents(outline: Uint8Array): Uint8Array {
    if (outline.length < 10 || view(outline).getInt16(0) >= 0) return outline;
    const copy = outline.slice();
    const v = view(copy);
    for (let at = 10; ;) {
      const flags = v.getUint16(at);
      v.setUint16(at + 2, this.includeGlyph(v.getUint16(at + 2)));
      at += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
      if (flags & WE_HAVE_A_SCALE) at += 2;
      else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) at += 4;
      else if (flags & WE_HAVE_A_TWO_BY_TWO) at += 8;
      if (!(flags & MORE_COMPONENTS)) return copy;
    }
  }

  /** Advance width and left side bearing: glyphs past numberOfHMetrics share the last advance. */
  private metrics(id: number): [number, number] {
    const hmtx = view(this.font.tables.hmtx);
    const long = this.font.numberOfHMetrics;
    if (id < long) return [hmtx.getUint16(4 * id), hmtx.getInt16(4 * id + 2)];
    return [hmtx.getUint16(4 * (long - 1)), hmtx.getInt16(4 * long + 2 * (id - long))];
  }
}
