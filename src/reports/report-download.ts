import { StreamableFile } from '@nestjs/common';
import { Readable } from 'node:stream';
import type { ReportFile } from './reports.service';

/** The OpenAPI content of a report. */
export const CSV_CONTENT = {
  'text/csv': { schema: { type: 'string', description: 'UTF-8 with a byte-order mark, CRLF line ends' } },
};

/** A report as an attachment, streamed: rows are read from the database as the client reads the file. */
export const reportDownload = (report: ReportFile): StreamableFile =>
  new StreamableFile(Readable.from(report.chunks), {
    type: 'text/csv; charset=utf-8',
    disposition: `attachment; filename="${report.fileName}"`,
  });
