import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import type { CardTemplate } from './card-template';
import { parseCardTemplate } from './card-template.parse';

/** The template shipped with the service; a city copies it and edits card.json and the logo. */
export const DEFAULT_TEMPLATE_DIR = join(__dirname, '..', '..', '..', 'templates', 'cards', 'default');

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Reads `card.json` and its logo from a template folder and checks both, so a broken template stops the
 * service at start-up with the bad setting named instead of failing on the first card.
 */
export function loadCardTemplate(dir: string = DEFAULT_TEMPLATE_DIR): CardTemplate {
  const file = join(dir, 'card.json');
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: cannot be read as JSON (${message(error)})`);
  }
  const layout = parseCardTemplate(json, file);
  let logoImage: Buffer;
  try {
    logoImage = readFileSync(join(dir, layout.logo.file));
  } catch (error) {
    throw new Error(`${file}: logo.file "${layout.logo.file}" cannot be read (${message(error)})`);
  }
  try {
    // pdfkit parses the image when it is first drawn; a broken file is found here rather than on a card.
    new PDFDocument().image(logoImage, 0, 0, { width: 10 });
  } catch (error) {
    throw new Error(
      `${file}: logo.file "${layout.logo.file}" is not a usable PNG or JPEG (${message(error)})`,
    );
  }
  return { ...layout, logoImage };
}
