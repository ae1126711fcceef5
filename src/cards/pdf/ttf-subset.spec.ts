import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { readTtfTables, TtfSubset } from './ttf-subset';

interface Glyph {
  id: number;
  advanceWidth: number;
  path: { toSVG(): string };
}
interface Font {
  layout(text: string): { glyphs: Glyph[] };
  getGlyph(id: number): Glyph;
  numGlyphs: number;
}
const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as { create(b: Buffer): Font };
const ttf = (name: string) => join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf', name);

const NAMES = 'Łukasz Żółć Győző Ödön Ștefan Țurcanu Десислава Стоянова Иван Петров Ёлкин 0123456789 …';

describe.each(['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'])('TtfSubset of %s', (file) => {
  const bytes = readFileSync(ttf(file));
  const original = fontkit.create(bytes);
  const tables = readTtfTables(bytes);
  const ids = [...new Set(original.layout(NAMES).glyphs.map((g) => g.id))];
  const isComposite = (id: number) =>
    tables.glyphOffsets[id + 1] > tables.glyphOffsets[id] &&
    new DataView(tables.tables.glyf.buffer, tables.tables.glyf.byteOffset).getInt16(tables.glyphOffsets[id]) <
      0;

  let subset: TtfSubset;
  let mapping: [number, number][];
  let encoded: Uint8Array;
  beforeAll(() => {
    subset = new TtfSubset(tables);
    mapping = ids.map((id) => [id, subset.includeGlyph(id)]);
    encoded = subset.encode();
  });

  it('numbers glyphs in the order they are included, .notdef first, each once', () => {
    expect(subset.includeGlyph(0)).toBe(0);
    expect(mapping.map(([, to]) => to)).toEqual(ids.map((_, i) => i + (ids.includes(0) ? 0 : 1)));
    expect(subset.includeGlyph(ids[3])).toBe(mapping[3][1]);
  });

  it('draws every glyph exactly as the full font does, composite accented letters included', () => {
    expect(ids.some(isComposite)).toBe(true);
    const parsed = fontkit.create(Buffer.from(encoded));
    for (const [id, to] of mapping) {
      const [a, b] = [original.getGlyph(id), parsed.getGlyph(to)];
      expect({ id, path: b.path.toSVG(), advance: b.advanceWidth }).toEqual({
        id,
        path: a.path.toSVG(),
        advance: a.advanceWidth,
      });
    }
  });

  it('is a small, well-formed font: component glyphs added, checksums right', () => {
    const parsed = fontkit.create(Buffer.from(encoded));
    expect(parsed.numGlyphs).toBeGreaterThan(ids.length);
    expect(encoded.length).toBeLessThan(bytes.length / 20);
    const view = new DataView(encoded.buffer, encoded.byteOffset, encoded.byteLength);
    let sum = 0;
    for (let i = 0; i < encoded.length; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
    expect(sum).toBe(0xb1b0afba);
  });
});
