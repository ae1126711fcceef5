import { once } from 'node:events';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import PDFDocument from 'pdfkit';
import type { CardFace } from './card-face';
import { CardFonts, cardFonts } from './card-fonts';
import { CardArt, cardArt, drawCard, mm } from './card-drawing';
import { CardTemplate, ID1 } from './card-template';
import { A4, CARDS_PER_SHEET, cropMarks, slotOrigin } from './print-sheet';

const CARD_PAGE = { size: [mm(ID1.width), mm(ID1.height)], margin: 0 };
const SHEET_PAGE = { size: [mm(A4.width), mm(A4.height)], margin: 0 };
/** pt: thin, but still a solid line on a 200-dpi proof. */
const CROP_MARK_WIDTH = 0.5;

export interface PrintRun {
  cards: number;
  sheets: number;
}

/**
 * Card PDFs from one template: a card or a family's cards (one ID-1 page each), and A4 print sheets of ten
 * cards with crop marks, streamed. Holds the parsed fonts, so one instance serves every request.
 */
export class CardRenderer {
  private readonly art: CardArt;

  constructor(template: CardTemplate, fonts: CardFonts = cardFonts()) {
    this.art = cardArt(template, fonts);
  }

  /** One PDF with one ID-1 page per face, in order. */
  async renderCards(faces: CardFace[]): Promise<Buffer> {
    return this.renderCardsNow(faces);
  }

  /** renderCards without the promise, for worker threads (CardRenderPool): pdfkit works synchronously. */
  renderCardsNow(faces: CardFace[]): Buffer {
    if (faces.length === 0) throw new Error('renderCards needs at least one card');
    // Uncompressed: a card is 40 KB instead of 26 KB and renders a quarter faster (bench/card-pdf.bench.ts).
    // Print sheets stay compressed: there the size is five times larger and a print run is hundreds of MB.
    const doc = this.document(faces[0].programmeName, { lang: faces[0].language, compress: false });
    for (const face of faces) {
      doc.addPage(CARD_PAGE);
      drawCard(doc, face, this.art);
    }
    doc.end();
    // Nothing read the document while it was written, so all of it is buffered: read() returns it whole.
    return doc.read() as Buffer;
  }

  /**
   * A4 sheets of ten cards for the print shop, written to `out` (which is ended) as they are made. Faces are
   * pulled one at a time and rendering waits while `out` is behind, so memory stays flat however long the run.
   * No faces give one blank sheet, a valid PDF still.
   */
  async streamPrintSheets(faces: AsyncIterable<CardFace>, out: NodeJS.WritableStream): Promise<PrintRun> {
    const doc = this.document('Card print sheets');
    const done = pipeline(doc, out);
    // Handled here so a failing `out` is not an unhandled rejection while a face is awaited; rethrown below.
    done.catch(() => undefined);
    let cards = 0;
    try {
      for await (const face of faces) {
        if (doc.destroyed) break;
        const slot = cards % CARDS_PER_SHEET;
        if (slot === 0) doc.addPage(SHEET_PAGE);
        if (cards === 0) doc.info.Title = `${face.programmeName}: print sheets`;
        this.drawOnSheet(doc, face, slot);
        cards++;
        await drained(doc);
      }
      if (!doc.destroyed) {
        if (cards === 0) doc.addPage(SHEET_PAGE);
        doc.end();
      }
    } catch (error) {
      // The PDF is incomplete: `out` is destroyed with the error too, before the caller hears of it.
      doc.destroy(error as Error);
      await done.catch(() => undefined);
      throw error;
    }
    await done;
    return { cards, sheets: Math.max(1, Math.ceil(cards / CARDS_PER_SHEET)) };
  }

  private drawOnSheet(doc: PDFKit.PDFDocument, face: CardFace, slot: number): void {
    const origin = slotOrigin(slot);
    drawCard(doc, face, this.art, mm(origin.x), mm(origin.y));
    doc.save().lineWidth(CROP_MARK_WIDTH);
    for (const [from, to] of cropMarks(origin)) doc.moveTo(mm(from.x), mm(from.y)).lineTo(mm(to.x), mm(to.y));
    doc.stroke('#000000').restore();
  }

  /**
   * No author and no names in the metadata: a card PDF carries personal data only on its pages. No default
   * font either: pdfkit would load Helvetica's metrics into every document, a tenth of a card's time, for text
   * that is all DejaVu.
   */
  private document(title: string, options: PDFKit.PDFDocumentOptions = {}): PDFKit.PDFDocument {
    return new PDFDocument({
      autoFirstPage: false,
      font: '',
      info: { Title: title, Creator: 'family-card' },
      ...options,
    });
  }
}

/**
 * Waits while the document holds more than its high-water mark of unread output: pdfkit pushes whatever it
 * writes regardless, so without this a slow `out` would let the whole PDF pile up in memory.
 */
async function drained(doc: Readable): Promise<void> {
  while (doc.readableLength > doc.readableHighWaterMark) await once(doc, 'data');
}
