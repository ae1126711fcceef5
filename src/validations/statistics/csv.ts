import { foldForSearch } from '../../common/text';

/*
 * CSV out, for spreadsheets (RFC 4180 plus what Excel needs). Small enough not to need a library: cells are
 * quoted when they hold a quote, a comma, a semicolon or a line break (so the same text is right whichever
 * delimiter the reader assumes), and text that a spreadsheet would run as a formula is defused.
 */

export type CsvDelimiter = ',' | ';';
export type CsvValue = string | number | null | undefined;

/** Excel, LibreOffice and Google Sheets treat a cell starting with one of these as a formula (OWASP's list). */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",;\r\n]/;

/** Makes Excel read the file as UTF-8, so Polish letters show. */
export const UTF8_BOM = '\uFEFF';

/**
 * One cell. Numbers are written as they are (they are data, not text: a count is never a formula); empty for
 * null/undefined. Text starting with = + - @ or a tab/CR gets a leading apostrophe, which spreadsheets show as
 * text and never evaluate, and is quoted.
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`Not a finite number for CSV: ${value}`);
    return String(value);
  }
  const formula = FORMULA_START.test(value);
  const text = formula ? `'${value}` : value;
  return formula || NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly CsvValue[], delimiter: CsvDelimiter = ','): string {
  return cells.map(csvCell).join(delimiter);
}

/** A whole file: byte-order mark, the rows with CRLF line ends (RFC 4180), a line end after the last row. */
export function csvDocument(rows: readonly (readonly CsvValue[])[], delimiter: CsvDelimiter = ','): string {
  return UTF8_BOM + rows.map((row) => `${csvLine(row, delimiter)}\r\n`).join('');
}

/**
 * An ASCII file name safe in any Content-Disposition header and file system:
 * ("Kino Żak", "statistics", "2026-03-01", "2026-03-31") → "statistics-kino-zak-2026-03-01-2026-03-31.csv".
 */
export function csvFileName(prefix: string, name: string, from: string, to: string): string {
  const slug = (text: string) =>
    foldForSearch(text)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
  const named = slug(name).slice(0, 40).replace(/-+$/, '') || 'partner';
  return `${[slug(prefix) || 'export', named, slug(from), slug(to)].filter(Boolean).join('-')}.csv`;
}
