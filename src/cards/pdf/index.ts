export type { CardFace } from './card-face';
export { cardFonts, loadPdfFont } from './card-fonts';
export type { CardFonts, PdfFont } from './card-fonts';
export { CardRenderer } from './card-renderer';
export type { PrintRun } from './card-renderer';
export { ID1 } from './card-template';
export type { CardLayout, CardTemplate, CardTexts, TextField } from './card-template';
export { DEFAULT_TEMPLATE_DIR, loadCardTemplate } from './card-template.loader';
export { parseCardTemplate } from './card-template.parse';
