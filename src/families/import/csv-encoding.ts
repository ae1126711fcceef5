/** What the import decodes: UTF-8 (with or without a byte-order mark) or Windows-1250, the Polish ANSI code page. */
export type CsvEncoding = 'utf-8' | 'windows-1250';

export type EncodingGuess =
  { encoding: CsvEncoding; bom: boolean } | { encoding: 'unsupported'; reason: string };

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const UTF16_BOMS = [
  [0xff, 0xfe],
  [0xfe, 0xff],
];

const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

/**
 * Decides the encoding from the bytes, fed chunk by chunk so a large file is never held whole: UTF-8 when every
 * byte sequence is valid UTF-8 (chunk boundaries may split a character), otherwise Windows-1250. A Windows-1250
 * file with Polish letters is practically never valid UTF-8 by accident: its letters are single bytes above
 * 0x7F, which UTF-8 allows only in specific lead/continuation patterns.
 */
export class EncodingSniffer {
  private head: Uint8Array = new Uint8Array(0);
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  private valid = true;

  push(chunk: Uint8Array): void {
    if (this.head.length < 3) this.head = concat(this.head, chunk.subarray(0, 3 - this.head.length));
    if (!this.valid) return;
    try {
      this.decoder.decode(chunk, { stream: true });
    } catch {
      this.valid = false;
    }
  }

  result(): EncodingGuess {
    if (UTF16_BOMS.some((bom) => startsWith(this.head, bom)))
      return {
        encoding: 'unsupported',
        reason: 'the file is UTF-16; save it as UTF-8 (or Windows-1250) CSV',
      };
    if (this.valid) {
      try {
        this.decoder.decode(); // a character cut off by the end of the file
      } catch {
        this.valid = false;
      }
    }
    if (!this.valid) return { encoding: 'windows-1250', bom: false };
    return { encoding: 'utf-8', bom: startsWith(this.head, UTF8_BOM) };
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

export function describeEncoding(guess: { encoding: CsvEncoding; bom: boolean }): string {
  if (guess.encoding === 'windows-1250') return 'Windows-1250';
  return guess.bom ? 'UTF-8 with BOM' : 'UTF-8';
}

/** The delimiter the header line uses most, ';' (Excel in Polish) or ','; quoted text is not counted. */
export function detectDelimiter(headerLine: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === ',') commas++;
    else if (!quoted && char === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

/**
 * Turns CRLF into LF across chunk boundaries (a chunk may end between the two). csv-parse counts a CRLF inside a
 * quoted field as two lines, which would put every later line number off; with LF only its count is exact.
 */
export function normalizeNewlines(text: string, pendingCr: boolean): { text: string; pendingCr: boolean } {
  const joined = pendingCr ? `\r${text}` : text;
  const holdBack = joined.endsWith('\r');
  const body = holdBack ? joined.slice(0, -1) : joined;
  return { text: body.replace(/\r\n/g, '\n'), pendingCr: holdBack };
}

/**
 * The line a record starts on, from the line csv-parse says it ends on: minus the line breaks inside its
 * quoted fields.
 */
export function startLineOf(endLine: number, record: readonly string[]): number {
  let breaks = 0;
  for (const field of record) {
    for (let i = field.indexOf('\n'); i !== -1; i = field.indexOf('\n', i + 1)) breaks++;
  }
  return endLine - breaks;
}
