import { Injectable } from '@nestjs/common';
import { basename } from 'node:path';
import { DataSource, EntityManager } from 'typeorm';
import { systemActor } from '../../auth/actor';
import { TransactionService } from '../../database/transaction.service';
import { ImportFileError } from '../../families/import/csv-reader';
import type { RowProblem } from '../../families/import/import-row';
import { ProgrammeEntity } from '../../programmes/programme.entity';
import { ProgrammesService } from '../../programmes/programmes.service';
import { CategoryEntity } from '../categories/category.entity';
import { taxNumberFormat } from '../tax-number/tax-number-formats';
import { openCsvTable } from '../../families/import/csv-reader';
import { cellsOf, mapHeader, RecordType } from './partner-columns';
import { plan, Plan, Tally } from './partner-plan';
import { ImportRow, readRow, RowContext, UnknownRow } from './partner-rows';
import { loadStored, sqliteDataVersion, writePlan } from './partner-store';

export interface PartnerImportOptions {
  file: string;
  dryRun?: boolean;
  /** Programme code; the first programme when omitted. */
  programme?: string;
  /** Told once the file is open and its header read, before any row. */
  onOpen?: (
    source: { encoding: string; delimiter: string; ignoredColumns: string[] },
    programme: ProgrammeEntity,
  ) => void;
}

export interface PartnerImportSummary {
  file: string;
  programme: string;
  dryRun: boolean;
  /** Records after the header. */
  rows: number;
  tallies: Record<RecordType, Tally>;
  /** Every problem, in line order; any problem means nothing was written. */
  problems: RowProblem[];
  /** What the file asks for that the import leaves to staff (status steps), in line order. */
  notes: RowProblem[];
  /** Whether the one transaction was committed. */
  written: boolean;
  seconds: number;
}

const ACTOR = systemActor('cli import:partners');
/** A record is well under 20 KB (texts of 2,000 characters in a few languages); longer is an unclosed quote. */
const MAX_RECORD_CHARS = 200_000;

/**
 * Imports partners, their outlets and their offers from one CSV file, all or nothing: every row is checked as
 * the API checks a request, the file as a whole against what is stored, and only a file without a single
 * problem is written, in one transaction with one audit row per created or changed record. Partners are found
 * again by tax number, outlets and offers by (partner, ref), so a second run of the same file changes nothing.
 */
@Injectable()
export class PartnerImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionService,
    private readonly programmes: ProgrammesService,
  ) {}

  async importFile(options: PartnerImportOptions): Promise<PartnerImportSummary> {
    const started = performance.now();
    const programme = await this.programmeFor(options.programme);
    const taxNumbers = taxNumberFormat(programme.taxNumberFormat);
    if (!taxNumbers) throw new Error(`Programme ${programme.code} names an unknown tax number format`);
    const categories = await this.dataSource.manager.find(CategoryEntity, {
      where: { programmeId: programme.id },
    });
    const table = await openCsvTable(options.file, MAX_RECORD_CHARS);
    const header = mapHeader(table.header);
    if (!header.ok) {
      table.close();
      throw new ImportFileError(`line 1: ${header.errors.join('; ')}`);
    }
    options.onOpen?.(
      { encoding: table.encoding, delimiter: table.delimiter, ignoredColumns: header.ignored },
      programme,
    );

    const context: RowContext = {
      programme,
      taxNumbers,
      categories: new Map(categories.map((c) => [c.slug, c])),
    };
    const rows: (ImportRow | UnknownRow)[] = [];
    for await (const { line, fields } of table.records) {
      const row = readRow(line, cellsOf(fields, header), context);
      if (fields.length !== header.width)
        row.problems.unshift({
          field: 'row',
          message: `has ${fields.length} fields where the header has ${header.width}`,
        });
      rows.push(row);
    }

    const named = [...new Set(rows.flatMap((r) => (r.type !== null && r.taxNumber ? [r.taxNumber] : [])))];
    const now = new Date();
    const planContext = {
      programme,
      categorySlugs: new Map(categories.map((c) => [c.id, c.slug])),
      file: basename(options.file),
      now,
    };
    const planFrom = async (em = this.dataSource.manager, lock = false): Promise<Plan> =>
      plan(rows, await loadStored(em, programme.id, named, lock), planContext);

    let result: Plan;
    let written = false;
    const write = (decided: Plan) => async (em: EntityManager) => {
      if (decided.problems.length === 0) {
        await writePlan(em, decided, ACTOR, now);
        written = true;
      }
      return decided;
    };
    const version = options.dryRun ? null : await sqliteDataVersion(this.dataSource.manager);
    if (options.dryRun) result = await planFrom();
    else if (version === null)
      // PostgreSQL: read and decided in the transaction, the rows read locked; other tables stay writable.
      result = await this.tx.run(async (em) => write(await planFrom(em, true))(em));
    else {
      // SQLite has one write lock for the whole database: the plan is made before taking it, and made again
      // inside only if another connection wrote meanwhile: a re-run that changes nothing holds it for a moment.
      const planned = await planFrom();
      result =
        planned.problems.length > 0
          ? planned
          : await this.tx.run(async (em) =>
              write((await sqliteDataVersion(em)) === version ? planned : await planFrom(em))(em),
            );
    }
    return {
      file: planContext.file,
      programme: programme.code,
      dryRun: options.dryRun ?? false,
      rows: rows.length,
      tallies: result.tallies,
      problems: result.problems,
      notes: result.notes,
      written,
      seconds: (performance.now() - started) / 1000,
    };
  }

  private async programmeFor(code: string | undefined): Promise<ProgrammeEntity> {
    if (code === undefined) return this.programmes.default();
    const programme = await this.dataSource.manager.findOneBy(ProgrammeEntity, { code });
    if (programme) return programme;
    const codes = (await this.programmes.list()).map((p) => p.code);
    throw new ImportFileError(`there is no programme ${code}; programmes: ${codes.join(', ') || 'none'}`);
  }
}
