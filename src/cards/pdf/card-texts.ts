import type { CardTemplate, CardTexts } from './card-template';

/** The template's texts for a language ('en-GB' reads 'en'), or its default language's when it has none. */
export function textsFor(
  template: Pick<CardTemplate, 'texts' | 'defaultLanguage'>,
  language: string,
): CardTexts {
  const primary = language.toLowerCase().split(/[-_]/)[0];
  return template.texts[primary] ?? template.texts[template.defaultLanguage];
}

/** '2030-12-31' in a format such as 'DD.MM.YYYY' or 'YYYY. MM. DD.'. */
export function formatDate(isoDate: string, format: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new Error(`validUntil must be a date as YYYY-MM-DD, got "${isoDate}"`);
  const [, year, month, day] = match;
  return format.replace(/YYYY|MM|DD/g, (part) => (part === 'YYYY' ? year : part === 'MM' ? month : day));
}

/** "Ważna do 31.12.2030", or the template's words for a card without an end date. */
export function validityText(texts: CardTexts, validUntil: string | null): string {
  return validUntil === null
    ? texts.validIndefinitely
    : texts.validUntil.replace('{date}', formatDate(validUntil, texts.dateFormat));
}

/** One line of printable text: composed letters (NFC), no control characters, single spaces. */
export function printable(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Zl}\p{Zp}\s]+/gu, ' ')
    .trim();
}
