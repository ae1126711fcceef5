import type { CardFace } from './card-face';
import { CardFonts, cardFonts } from './card-fonts';
import { CardTemplate, ID1, TextField } from './card-template';
import { printable, textsFor, validityText } from './card-texts';
import { fitText } from './fit-text';
import { moduleRuns, QUIET_ZONE, qrSymbol } from './qr-symbol';

/** PDF user space is in points; templates are in mm. */
export const mm = (value: number): number => (value * 72) / 25.4;

/** What every card of a renderer shares. */
export interface CardArt {
  template: CardTemplate;
  fonts: CardFonts;
  /** The logo as a data URL: pdfkit embeds an image given by a string once per document, not once per card. */
  logo: string;
}

const imageType = (image: Buffer) => (image[0] === 0xff && image[1] === 0xd8 ? 'image/jpeg' : 'image/png');

/** The shared part of a renderer's cards; the fonts default to the process-wide DejaVu pair. */
export function cardArt(template: CardTemplate, fonts: CardFonts = cardFonts()): CardArt {
  const logo = `data:${imageType(template.logoImage)};base64,${template.logoImage.toString('base64')}`;
  return { template, fonts, logo };
}

/** Draws one card with its top-left corner at (x, y) pt on the current page. */
export function drawCard(doc: PDFKit.PDFDocument, face: CardFace, art: CardArt, x = 0, y = 0): void {
  doc.save().translate(x, y);
  drawFace(doc, face, art);
  drawQr(doc, face.qrText, art.template.qr);
  doc.restore();
}

/** Everything on the card but the QR code, at the origin. */
export function drawFace(doc: PDFKit.PDFDocument, face: CardFace, art: CardArt): void {
  const { template, fonts } = art;
  const texts = textsFor(template, face.language);
  const role = texts.roles[face.role];
  if (role === undefined) throw new Error(`Unknown member role "${face.role}"`);
  doc.rect(0, 0, mm(ID1.width), mm(ID1.height)).fill(template.background);
  const { band, logo, fields } = template;
  doc.rect(mm(band.x), mm(band.y), mm(band.width), mm(band.height)).fill(band.color);
  doc.image(art.logo, mm(logo.x), mm(logo.y), {
    fit: [mm(logo.width), mm(logo.height)],
    align: 'center',
    valign: 'center',
  });
  drawText(doc, fonts, fields.programmeName, face.programmeName);
  drawText(doc, fonts, fields.holderName, face.holderName);
  drawText(doc, fonts, fields.cardNumber, face.cardNumber);
  drawText(doc, fonts, fields.role, role);
  drawText(doc, fonts, fields.validUntil, validityText(texts, face.validUntil));
}

/** One line in the field's box: shrunk, or cut with an ellipsis, to fit its width (fitText). */
function drawText(doc: PDFKit.PDFDocument, fonts: CardFonts, field: TextField, value: string): void {
  const font = field.bold ? fonts.bold : fonts.regular;
  doc.font(font.source, font.family);
  const maxWidth = mm(field.maxWidth);
  const fitted = fitText(printable(value), maxWidth, field.fontSize, field.minFontSize, (text, size) =>
    doc.fontSize(size).widthOfString(text),
  );
  doc.fontSize(fitted.size).fillColor(field.color);
  const spare = field.align === 'left' ? 0 : maxWidth - doc.widthOfString(fitted.text);
  const x = mm(field.x) + (field.align === 'center' ? spare / 2 : spare);
  doc.text(fitted.text, x, mm(field.y), { lineBreak: false, baseline: 'alphabetic' });
}

/** The QR as vector rectangles, one per run of dark modules, filled as one path on a white quiet zone. */
export function drawQr(doc: PDFKit.PDFDocument, text: string, qr: CardTemplate['qr']): void {
  const symbol = qrSymbol(text);
  const module = mm(qr.size) / (symbol.size + 2 * QUIET_ZONE);
  doc.rect(mm(qr.x), mm(qr.y), mm(qr.size), mm(qr.size)).fill('#FFFFFF');
  doc
    .save()
    .translate(mm(qr.x) + QUIET_ZONE * module, mm(qr.y) + QUIET_ZONE * module)
    .scale(module);
  for (const run of moduleRuns(symbol)) doc.rect(run.x, run.y, run.length, 1);
  doc.fill(qr.color).restore();
}
