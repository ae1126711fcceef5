import { parse } from 'csv-parse';
import * as iconv from 'iconv-lite';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Transform, pipeline } from 'node:stream';
import { cellsOf, mapHeader } from './csv-columns';
import {
  CsvEncoding,
  EncodingSniffer,
  describeEncoding,
  detectDelimiter,
  normalizeNewlines,
  startLineOf,
} from './csv-encoding';
import type { CsvRow } from './family-grouper';

/** The file as a whole cannot be imported (unreadable, undecodable, bad header, broken quoting). */
export class ImportFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportFileError';
  }
}

export interface CsvSource {
  /** E.g. "UTF-8 with BOM" or "Windows-1250": what the operator is told was used. */
  encoding: string;
  delimiter: ',' | ';';
  /** Header names that are not import columns; their cells are not read. */
  ignoredColumns: string[];
  rows: AsyncIterable<CsvRow>;
}

export interface CsvRecord {
  /** The line the record starts on (the header is line 1). */
  line: number;
  fields: string[];
}

/** A CSV file as its raw header and records, for any import to map its own columns. */
export interface CsvTable {
  /** E.g. "UTF-8 with BOM" or "Windows-1250": what the operator is told was used. */
  encoding: string;
  delimiter: ',' | ';';
  header: string[];
  records: AsyncIterable<CsvRecord>;
  /** Closes the file when the records are not read to their end (they close it themselves otherwise). */
  close(): void;
}

const CHUNK = 1 << 20;
const HEAD_BYTES = 64 * 1024;
/** A member's row is well under 2 KB; a longer record means an unclosed quote swallowing the rest of the file. */
const FAMILY_RECORD_CHARS = 100_000;

/**
 * Opens a CSV file for streaming: the encoding is decided from a first pass over the bytes (UTF-8 with or
 * without a BOM, otherwise Windows-1250; UTF-16 refused), the delimiter from the header line, CRLF turned into
 * LF so line numbers match an editor, RFC 4180 quoting. A record longer than `maxRecordChars` is an unclosed
 * quote swallowing the rest of the file.
 */
export async function openCsvTable(path: string, maxRecordChars: number): Promise<CsvTable> {
  const guess = await sniffEncoding(path);
  if (guess.encoding === 'unsupported') throw new ImportFileError(guess.reason);
  const delimiter = detectDelimiter(await headerLine(path, guess.encoding));
  const parser = parse({
    delimiter,
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_empty_values: true,
    max_record_size: maxRecordChars,
  });
  // A read or decode error destroys the parser with it, so it surfaces from the iteration below.
  pipeline(
    createReadStream(path, { highWaterMark: CHUNK }),
    decoding(guess.encoding),
    parser,
    () => undefined,
  );
  const iterator = (parser as AsyncIterable<{ record: string[]; info: { lines: number } }>)[
    Symbol.asyncIterator
  ]();
  const first = await nextRecord(iterator);
  if (first.done) throw new ImportFileError('the file has no header line');

  async function* records(): AsyncGenerator<CsvRecord> {
    try {
      for (let next = await nextRecord(iterator); !next.done; next = await nextRecord(iterator)) {
        const { record, info } = next.value;
        yield { line: startLineOf(info.lines, record), fields: record };
      }
    } finally {
      parser.destroy(); // the caller may stop early; the file must not stay open
    }
  }

  return {
    encoding: describeEncoding(guess),
    delimiter,
    header: first.value.record,
    records: records(),
    close: () => parser.destroy(),
  };
}

/** The family import's file: its header mapped and checked before a single row is returned. */
export async function openCsv(path: string): Promise<CsvSource> {
  const table = await openCsvTable(path, FAMILY_RECORD_CHARS);
  const header = mapHeader(table.header);
  if (!header.ok) {
    table.close();
    throw new ImportFileError(`line 1: ${header.errors.join('; ')}`);
  }
  const { positions, width } = header;

  async function* rows(): AsyncGenerator<CsvRow> {
    for await (const { line, fields } of table.records) {
      const problems =
        fields.length === width
          ? []
          : [{ field: 'row', message: `has ${fields.length} fields where the header has ${width}` }];
      yield { line, cells: cellsOf(fields, positions), problems };
    }
  }

  return {
    encoding: table.encoding,
    delimiter: table.delimiter,
    ignoredColumns: header.ignored,
    rows: rows(),
  };
}

export async function nextRecord<T>(records: AsyncIterator<T>): Promise<IteratorResult<T>> {
  try {
    return await records.next();
  } catch (error) {
    throw new ImportFileError(`cannot parse the file: ${(error as Error).message}`);
  }
}

export async function sniffEncoding(path: string) {
  const sniffer = new EncodingSniffer();
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: CHUNK })) sniffer.push(chunk as Buffer);
  } catch (error) {
    throw new ImportFileError(`cannot read the file: ${(error as Error).message}`);
  }
  return sniffer.result();
}

export async function headerLine(path: string, encoding: CsvEncoding): Promise<string> {
  const file = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await file.read(Buffer.alloc(HEAD_BYTES), 0, HEAD_BYTES, 0);
    const text = iconv.decode(buffer.subarray(0, bytesRead), encoding);
    if (text.trim() === '') throw new ImportFileError('the file is empty');
    return text.split('\n', 1)[0];
  } finally {
    await file.close();
  }
}

/** Bytes to text in the file's encoding (dropping a BOM), with CRLF turned into LF (see normalizeNewlines). */
export function decoding(encoding: CsvEncoding): Transform {
  const decoder = iconv.getDecoder(encoding);
  let pendingCr = false;
  const emit = (text: string): string => {
    const normalized = normalizeNewlines(text, pendingCr);
    pendingCr = normalized.pendingCr;
    return normalized.text;
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      done(null, emit(decoder.write(chunk)));
    },
    flush(done) {
      const tail = emit(decoder.end() ?? '');
      done(null, pendingCr ? `${tail}\r` : tail);
    },
  });
}
