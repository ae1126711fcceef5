import { parse } from 'csv-parse';
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import { describeEncoding, detectDelimiter, startLineOf } from '../../families/import/csv-encoding';
import {
  decoding,
  headerLine,
  ImportFileError,
  nextRecord,
  sniffEncoding,
} from '../../families/import/csv-reader';

/*
 * The family import's way of reading a CSV file (src/families/import/csv-reader.ts): the encoding decided from a
 * first pass over the bytes (UTF-8 with or without a BOM, otherwise Windows-1250; UTF-16 refused), the delimiter
 * from the header line, CRLF turned into LF so line numbers match an editor, RFC 4180 quoting. The family reader
 * maps its own header before returning; this one hands the header back raw, so any import can map its columns.
 */

export interface CsvRecord {
  /** The line the record starts on (the header is line 1). */
  line: number;
  fields: string[];
}

export interface CsvTable {
  /** E.g. "UTF-8 with BOM" or "Windows-1250": what the operator is told was used. */
  encoding: string;
  delimiter: ',' | ';';
  header: string[];
  records: AsyncIterable<CsvRecord>;
}

const CHUNK = 1 << 20;
/** A record is well under 20 KB (texts of 2,000 characters in a few languages); longer is an unclosed quote. */
const MAX_RECORD_CHARS = 200_000;

export async function openCsvTable(path: string): Promise<CsvTable> {
  const guess = await sniffEncoding(path);
  if (guess.encoding === 'unsupported') throw new ImportFileError(guess.reason);
  const delimiter = detectDelimiter(await headerLine(path, guess.encoding));
  const parser = parse({
    delimiter,
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_empty_values: true,
    max_record_size: MAX_RECORD_CHARS,
  });
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
      parser.destroy();
    }
  }

  return {
    encoding: describeEncoding(guess),
    delimiter,
    header: first.value.record,
    records: records(),
  };
}
