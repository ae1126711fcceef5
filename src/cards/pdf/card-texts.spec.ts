import type { CardTexts } from './card-template';
import { formatDate, printable, textsFor, validityText } from './card-texts';

const roles = { parent: 'P', spouse: 'S', child: 'C', foster_child: 'FC', foster_parent: 'FP' };
const pl: CardTexts = {
  validUntil: 'Ważna do {date}',
  validIndefinitely: 'Ważna bezterminowo',
  dateFormat: 'DD.MM.YYYY',
  roles,
};
const hu: CardTexts = {
  validUntil: 'Érvényes: {date}',
  validIndefinitely: 'Határozatlan',
  dateFormat: 'YYYY. MM. DD.',
  roles,
};
const template = { defaultLanguage: 'pl', texts: { pl, hu } };

describe('card texts', () => {
  it.each([
    ['hu', hu],
    ['HU', hu],
    ['hu-HU', hu],
    ['hu_RO', hu],
    ['pl', pl],
    ['de', pl],
    ['', pl],
  ])('texts for "%s"', (language, expected) => {
    expect(textsFor(template, language)).toBe(expected);
  });

  it.each([
    ['2030-12-31', 'DD.MM.YYYY', '31.12.2030'],
    ['2030-01-05', 'YYYY. MM. DD.', '2030. 01. 05.'],
    ['2030-01-05', 'DD/MM/YYYY', '05/01/2030'],
  ])('formats %s as %s', (date, format, expected) => {
    expect(formatDate(date, format)).toBe(expected);
  });

  it.each(['31.12.2030', '2030-1-5', '2030-12-31T00:00:00Z', ''])('refuses "%s" as a date', (date) => {
    expect(() => formatDate(date, 'DD.MM.YYYY')).toThrow('validUntil must be a date as YYYY-MM-DD');
  });

  it('says until when, or the words for a card without an end', () => {
    expect(validityText(pl, '2030-12-31')).toBe('Ważna do 31.12.2030');
    expect(validityText(hu, '2030-12-31')).toBe('Érvényes: 2030. 12. 31.');
    expect(validityText(pl, null)).toBe('Ważna bezterminowo');
  });

  it('makes one printable line: composed letters, no control characters', () => {
    expect(printable('  S\u0326tefan\tT\u0326urcanu\r\n')).toBe('Ștefan Țurcanu');
    expect(printable('Anna\u0000  Nowak')).toBe('Anna Nowak');
  });
});
