import PDFDocument from 'pdfkit';
import { cardFonts } from './card-fonts';

describe('card fonts', () => {
  const fonts = cardFonts();

  it('is parsed once for the process', () => {
    expect(cardFonts()).toBe(fonts);
  });

  it('gives every document its own copy of a cached shape, which pdfkit scales in place', () => {
    const width = () =>
      new PDFDocument({ font: '' })
        .font(fonts.bold.source, fonts.bold.family)
        .fontSize(11)
        .widthOfString('AVATAR Łukasz Żółć');
    const first = width();
    expect(width()).toBe(first);
    expect(width()).toBeGreaterThan(100);
  });
});
