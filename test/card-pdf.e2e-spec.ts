import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { base32 } from 'rfc4648';
import { CardFace, CardRenderer, CardRenderPool, ID1, loadCardTemplate } from '../src/cards/pdf';
import { A4, CARDS_PER_SHEET, SHEET, slotOrigin } from '../src/cards/pdf/print-sheet';
import { inspectPdf, InspectedPdf, QrRegion } from './support/pdf-inspect';

const MM_PER_PT = 25.4 / 72;

/** A realistic QR text: the check-page URL and ~170 bytes of token in base32, ~300 characters in all. */
function qrTextFor(seed: string): string {
  const bytes = Buffer.concat(
    [0, 1, 2, 3, 4, 5].map((i) => createHash('sha256').update(`${seed}/${i}`).digest()),
  ).subarray(0, 170);
  return `HTTPS://KARTA.EXAMPLE.PL/C/${base32.stringify(bytes, { pad: false })}`;
}

const face = (overrides: Partial<CardFace> = {}): CardFace => ({
  programmeName: 'Karta Dużej Rodziny',
  holderName: 'Łukasz Żółć',
  cardNumber: 'KDR 4821 0937 5526 3',
  role: 'parent',
  validUntil: null,
  qrText: qrTextFor(overrides.holderName ?? 'Łukasz Żółć'),
  language: 'pl',
  ...overrides,
});

async function* lazily<T>(items: T[]): AsyncGenerator<T> {
  for (const item of items) yield item;
}

/** Collects what is written to it. */
function sink(): { out: Writable; bytes: () => Buffer } {
  const chunks: Buffer[] = [];
  const out = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  return { out, bytes: () => Buffer.concat(chunks) };
}

const wholePage = (page: number): QrRegion => ({ page, x: 0, y: 0, width: ID1.width, height: ID1.height });
const slotRegion = (page: number, slot: number): QrRegion => ({
  page,
  ...slotOrigin(slot),
  width: ID1.width,
  height: ID1.height,
});
const mmOf = (pt: number) => pt * MM_PER_PT;

describe('card PDFs (pdf.js text layer, jsQR on a 200-dpi render)', () => {
  const renderer = new CardRenderer(loadCardTemplate());

  describe('a family PDF of five cards in five languages', () => {
    const faces = [
      face({ holderName: 'Łukasz Żółć', role: 'parent', validUntil: null, language: 'pl' }),
      face({ holderName: 'Győző Ödön', role: 'child', validUntil: '2030-12-31', language: 'hu' }),
      face({ holderName: 'Ștefan Țurcanu', role: 'spouse', validUntil: '2031-01-05', language: 'ro' }),
      face({
        holderName: 'Десислава Стоянова',
        role: 'foster_child',
        validUntil: '2029-06-30',
        language: 'bg',
      }),
      face({ holderName: 'Иван Петров', role: 'foster_parent', validUntil: null, language: 'ru' }),
    ];
    const expected = [
      ['Rodzic', 'Ważna bezterminowo'],
      ['Gyermek', 'Érvényes: 2030. 12. 31.'],
      ['Soț/soție', 'Valabil până la 05.01.2031'],
      ['Дете в приемна грижа', 'Валидна до 30.06.2029 г.'],
      ['Приёмный родитель', 'Действует бессрочно'],
    ];
    let pdf: InspectedPdf;

    beforeAll(async () => {
      const bytes = await renderer.renderCards(faces);
      pdf = await inspectPdf(bytes, { qr: faces.map((_, i) => wholePage(i + 1)) });
    });

    it('has one ID-1 page (85.60 × 53.98 mm) per card', () => {
      expect(pdf.pages).toHaveLength(5);
      for (const page of pdf.pages) {
        expect(Math.abs(mmOf(page.width) - 85.6)).toBeLessThanOrEqual(0.1);
        expect(Math.abs(mmOf(page.height) - 53.98)).toBeLessThanOrEqual(0.1);
      }
    });

    it("shows exactly the programme, the holder's name, number, role and validity, in the card's language", () => {
      pdf.pages.forEach((page, i) => {
        const [role, validity] = expected[i];
        expect(page.items).toEqual([
          'Karta Dużej Rodziny',
          faces[i].holderName,
          'KDR 4821 0937 5526 3',
          role,
          validity,
        ]);
      });
    });

    it("decodes each card's QR from the 200-dpi render to its text exactly", () => {
      expect(faces[0].qrText).toMatch(/^[0-9A-Z $%*+\-./:]{290,310}$/);
      expect(pdf.qr.map((q) => q.text)).toEqual(faces.map((f) => f.qrText));
    });

    it('names the programme as title and no one as author', () => {
      expect(pdf.info.Title).toBe('Karta Dużej Rodziny');
      expect(pdf.info.Author).toBeUndefined();
    });
  });

  it("falls back to the template's default language and fits a long name beside the QR", async () => {
    const long = face({
      holderName: 'Maria Magdalena Konstantynopolitańczykiewiczówna-Brzęczyszczykiewicz',
      role: 'child',
      validUntil: '2030-12-31',
      language: 'de',
    });
    const pdf = await inspectPdf(await renderer.renderCards([long]), { qr: [wholePage(1)] });
    expect(pdf.pages[0].items).toEqual([
      'Karta Dużej Rodziny',
      expect.stringMatching(/^Maria Magdalena .+…$/),
      'KDR 4821 0937 5526 3',
      'Dziecko',
      'Ważna do 31.12.2030',
    ]);
    expect(pdf.qr[0].text).toBe(long.qrText);
  });

  describe('A4 print sheets', () => {
    const faces = Array.from({ length: 23 }, (_, i) => face({ holderName: `Anna Nowak ${i + 1}` }));
    let run: { cards: number; sheets: number };
    let pdf: InspectedPdf;
    // Each corner of the first and last card of a sheet: a dark mark 2 mm out along both edges, and white in
    // the corner itself, where the cut goes and no mark may reach.
    const corners = [0, CARDS_PER_SHEET - 1].flatMap((slot) => {
      const { x, y } = slotOrigin(slot);
      return [
        [x, y, -1, -1],
        [x + ID1.width, y, 1, -1],
        [x, y + ID1.height, -1, 1],
        [x + ID1.width, y + ID1.height, 1, 1],
      ];
    });
    const along = SHEET.markOffset + SHEET.markLength / 2;

    beforeAll(async () => {
      const { out, bytes } = sink();
      run = await renderer.streamPrintSheets(lazily(faces), out);
      pdf = await inspectPdf(bytes(), {
        qr: [
          ...Array.from({ length: CARDS_PER_SHEET }, (_, slot) => slotRegion(1, slot)),
          ...[0, 1, 2, 3].map((slot) => slotRegion(3, slot)),
        ],
        pixels: corners.flatMap(([x, y, dx, dy]) => [
          { page: 1, x: x + dx * along, y },
          { page: 1, x, y: y + dy * along },
          { page: 1, x: x + dx * 0.5, y: y + dy * 0.5 },
          { page: 1, x: x + dx * along, y: y + dy * along },
        ]),
      });
    });

    it('puts 23 cards on 3 A4 sheets', () => {
      expect(run).toEqual({ cards: 23, sheets: 3 });
      expect(pdf.pages).toHaveLength(3);
      for (const page of pdf.pages) {
        expect(Math.abs(mmOf(page.width) - A4.width)).toBeLessThanOrEqual(0.1);
        expect(Math.abs(mmOf(page.height) - A4.height)).toBeLessThanOrEqual(0.1);
      }
      expect(pdf.pages[2].items.filter((s) => s.startsWith('Anna Nowak'))).toEqual([
        'Anna Nowak 21',
        'Anna Nowak 22',
        'Anna Nowak 23',
      ]);
    });

    it("decodes all ten QR codes of a full sheet, each from its own card's region", () => {
      expect(pdf.qr.slice(0, 10).map((q) => q.text)).toEqual(faces.slice(0, 10).map((f) => f.qrText));
      expect(pdf.qr.slice(10).map((q) => q.text)).toEqual([...faces.slice(20).map((f) => f.qrText), null]);
    });

    it('has crop marks outside every corner and leaves the corners themselves white', () => {
      const levels = pdf.pixel.map((p) => p.darkest);
      const wrong = corners.flatMap(([x, y], i) => {
        const [horizontal, vertical, corner, diagonal] = levels.slice(4 * i, 4 * i + 4);
        const at = `corner at ${x.toFixed(2)},${y.toFixed(2)} mm`;
        return [
          horizontal < 128 || `${at}: no horizontal mark (${horizontal})`,
          vertical < 128 || `${at}: no vertical mark (${vertical})`,
          corner > 240 || `${at}: not white just outside the corner (${corner})`,
          diagonal > 240 || `${at}: not white between the marks (${diagonal})`,
        ].filter((check) => check !== true);
      });
      expect(wrong).toEqual([]);
    });
  });

  it('waits for a slow writer and still writes a valid PDF', async () => {
    let pulled = 0;
    async function* counted(): AsyncGenerator<CardFace> {
      for (let i = 0; i < 40; i++) {
        pulled++;
        yield face({ holderName: `Jan Kowalski ${i + 1}` });
      }
    }
    const chunks: Buffer[] = [];
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const out = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        void gate.then(() => setTimeout(done, 1));
      },
    });
    const printing = renderer.streamPrintSheets(counted(), out);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    // Held at the first full sheet's flush: the rest stays unrendered while nothing is written.
    expect(pulled).toBeLessThanOrEqual(CARDS_PER_SHEET + 2);
    open();
    expect(await printing).toEqual({ cards: 40, sheets: 4 });
    const pdf = await inspectPdf(Buffer.concat(chunks), { qr: [slotRegion(4, 9)] });
    expect(pdf.pages).toHaveLength(4);
    expect(pdf.qr[0].text).toBe(face({ holderName: 'Jan Kowalski 40' }).qrText);
  });

  it('fails when the writer fails, and when the faces do', async () => {
    const broken = new Writable({
      write(_chunk, _encoding, done) {
        done(new Error('disk full'));
      },
    });
    await expect(renderer.streamPrintSheets(lazily([face()]), broken)).rejects.toThrow('disk full');

    async function* failing(): AsyncGenerator<CardFace> {
      yield face();
      throw new Error('database gone');
    }
    const { out } = sink();
    await expect(renderer.streamPrintSheets(failing(), out)).rejects.toThrow('database gone');
    expect(out.destroyed).toBe(true);
  });

  it('renders the same cards on worker threads, and reports what it cannot render', async () => {
    const pool = new CardRenderPool(loadCardTemplate(), 2);
    try {
      const faces = ['Anna Nowak', 'Ewa Lis', 'Jan Kowalski', 'Piotr Zieliński'].map((holderName) =>
        face({ holderName }),
      );
      const pdfs = await Promise.all(faces.map((f) => pool.renderCards([f])));
      const read = await Promise.all(pdfs.map((pdf) => inspectPdf(pdf, { qr: [wholePage(1)] })));
      expect(read.map((r) => [r.pages[0].items[1], r.qr[0].text])).toEqual(
        faces.map((f) => [f.holderName, f.qrText]),
      );
      await expect(pool.renderCards([face({ validUntil: '31.12.2030' })])).rejects.toThrow(
        'validUntil must be a date as YYYY-MM-DD',
      );
    } finally {
      await pool.close();
    }
    await expect(pool.renderCards([face()])).rejects.toThrow('closed');
  });

  it('refuses faces it cannot print', async () => {
    await expect(renderer.renderCards([])).rejects.toThrow('at least one card');
    await expect(renderer.renderCards([face({ role: 'uncle' as CardFace['role'] })])).rejects.toThrow(
      'Unknown member role "uncle"',
    );
  });
});
