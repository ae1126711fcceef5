import { Injectable } from '@nestjs/common';
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { systemActor } from '../../auth/actor';
import { PersonalDataCipher } from '../../common/personal-data/personal-data-cipher';
import { TransactionService } from '../../database/transaction.service';
import { todayIn } from '../../programmes/eligibility/civil-date';
import { rulesOf } from '../../programmes/programme-defaults';
import { ProgrammeEntity } from '../../programmes/programme.entity';
import { ProgrammesService } from '../../programmes/programmes.service';
import { FamiliesService } from '../families.service';
import { CheckPool, defaultWorkers, openCheckPool } from './check-pool';
import { CsvSource, ImportFileError, openCsv } from './csv-reader';
import { FamilyGroup, FamilyGrouper } from './family-grouper';
import { CheckedFamily, PreparedFamily, RejectedFamily, RepeatedIds } from './family-validator';
import type { RowProblem } from './import-row';
import { Screening, insertFamilies, screenBatch } from './import-writer';

export const DEFAULT_BATCH_SIZE = 2000;

export interface ImportOptions {
  file: string;
  dryRun?: boolean;
  /** Programme code; the first programme when omitted. */
  programme?: string;
  /** Families per transaction. */
  batchSize?: number;
  /** Worker threads that check families while this one reads and writes; 0 checks them here. */
  workers?: number;
  /** Every problem, in line order within each batch, as soon as its batch is decided. */
  onProblem?: (problem: RowProblem) => void;
  /** Told once the file is open, before any row is read. */
  onOpen?: (source: Omit<CsvSource, 'rows'>, programme: ProgrammeEntity) => void;
}

export interface Tally {
  families: number;
  members: number;
}

export interface ImportSummary {
  file: string;
  programme: string;
  encoding: string;
  delimiter: string;
  dryRun: boolean;
  /** Records after the header. */
  rows: number;
  /** Imported, or in a dry run: would be imported. */
  imported: Tally;
  /** Of the imported families, those where nobody is eligible today (stored with endedAt). */
  endedFamilies: number;
  alreadyImported: Tally;
  /** Members here are rows: a rejected row may not describe a member at all. */
  rejected: Tally;
  /** Worker threads that checked the families (0: the importing thread did). */
  workers: number;
  /** Transactions committed (0 in a dry run). */
  batches: number;
  seconds: number;
  /** Of `seconds`, the time in the database: look-ups, inserts and commits. */
  databaseSeconds: number;
}

/** A failure part-way through: what was already committed stays, and says so. */
export class ImportInterruptedError extends ImportFileError {
  constructor(
    message: string,
    readonly summary: ImportSummary,
  ) {
    super(message);
    this.name = 'ImportInterruptedError';
  }
}

const ACTOR = systemActor('cli import:families');

/**
 * Imports a register of families from CSV: streams the file family by family, validates each family as the API
 * would, and writes valid ones in batches, one transaction and one audit row per batch. A dry run does all the
 * reading, validation and database look-ups and writes nothing.
 */
@Injectable()
export class FamilyImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionService,
    private readonly audit: AuditService,
    private readonly families: FamiliesService,
    private readonly programmes: ProgrammesService,
    private readonly cipher: PersonalDataCipher,
  ) {}

  async importFile(options: ImportOptions): Promise<ImportSummary> {
    const started = performance.now();
    const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    const programme = await this.programmeFor(options.programme);
    const source = await openCsv(options.file);
    options.onOpen?.(source, programme);
    const summary: ImportSummary = {
      file: basename(options.file),
      programme: programme.code,
      encoding: source.encoding,
      delimiter: source.delimiter,
      dryRun: options.dryRun ?? false,
      rows: 0,
      imported: { families: 0, members: 0 },
      endedFamilies: 0,
      alreadyImported: { families: 0, members: 0 },
      rejected: { families: 0, members: 0 },
      workers: options.workers ?? defaultWorkers(statSync(options.file).size),
      batches: 0,
      seconds: 0,
      databaseSeconds: 0,
    };
    // One date and one instant for the whole file: a run across midnight must not decide families differently.
    const now = new Date();
    const pool = openCheckPool(
      {
        keys: this.cipher.derivedKeys(),
        defaultFormat: programme.nationalIdFormat,
        programmeId: programme.id,
        rules: rulesOf(programme),
        date: todayIn(programme.timeZone, now),
        now,
      },
      summary.workers,
    );
    const run: Run = { options, programme, summary, now, repeats: new RepeatedIds(), pending: [] };
    const grouper = new FamilyGrouper();
    let groups: FamilyGroup[] = [];
    const restoreCheckpoints = await this.deferCheckpoints();
    try {
      try {
        for await (const row of source.rows) {
          summary.rows++;
          for (const group of grouper.push(row)) {
            groups.push(group);
            if (groups.length < batchSize) continue;
            await this.submit(run, pool, groups);
            groups = [];
          }
        }
      } catch (error) {
        // Batches read before a broken line are complete: they are still written.
        if (error instanceof ImportFileError) await this.drain(run);
        throw error;
      }
      groups.push(...grouper.end());
      if (groups.length) await this.submit(run, pool, groups);
      await this.drain(run);
    } catch (error) {
      if (!(error instanceof ImportFileError) || summary.batches === 0) throw error;
      summary.seconds = (performance.now() - started) / 1000;
      throw new ImportInterruptedError(
        `${error.message}\nBefore the error, batches committed: ${summary.batches}, families imported: ` +
          `${summary.imported.families}. Fix the file and run it again: families already imported are skipped.`,
        summary,
      );
    } finally {
      await pool.close();
      await restoreCheckpoints();
    }
    summary.seconds = (performance.now() - started) / 1000;
    return summary;
  }

  /**
   * SQLite copies the write-ahead log into the database at a commit once the log passes 1,000 pages, which a
   * batch of 500 families always does: every batch rewrote the same index pages and synced them, two thirds of
   * the write time. During an import this connection leaves that to one checkpoint at the end. Committed
   * batches are durable in the log all the same; other connections keep checkpointing as usual.
   */
  private async deferCheckpoints(): Promise<() => Promise<void>> {
    if (this.dataSource.options.type !== 'better-sqlite3') return async () => undefined;
    await this.dataSource.query('PRAGMA wal_autocheckpoint = 0');
    return async () => {
      await this.dataSource.query('PRAGMA wal_autocheckpoint = 1000');
      await this.dataSource.query('PRAGMA wal_checkpoint(TRUNCATE)');
    };
  }

  private async programmeFor(code: string | undefined): Promise<ProgrammeEntity> {
    if (code === undefined) return this.programmes.default();
    const programme = await this.dataSource.manager.findOneBy(ProgrammeEntity, { code });
    if (programme) return programme;
    const codes = (await this.programmes.list()).map((p) => p.code);
    throw new ImportFileError(`there is no programme ${code}; programmes: ${codes.join(', ') || 'none'}`);
  }

  /**
   * Hands a batch (a run of consecutive families of the file, valid or not, so its report stays in line order)
   * to the pool, and writes the oldest batch once enough are in flight. Batches are written in file order.
   */
  private async submit(run: Run, pool: CheckPool, groups: FamilyGroup[]): Promise<void> {
    const checking = pool.check(groups);
    checking.catch(() => undefined); // awaited in turn below; a failure must not go unhandled before then
    run.pending.push(checking);
    if (run.pending.length > pool.depth) await this.flush(run, await run.pending.shift()!);
  }

  private async drain(run: Run): Promise<void> {
    while (run.pending.length) await this.flush(run, await run.pending.shift()!);
  }

  private async flush(run: Run, checked: CheckedFamily[]): Promise<void> {
    const { summary } = run;
    const batch: PreparedFamily[] = [];
    const rejected: RejectedFamily[] = [];
    for (const family of checked) {
      const validation = run.repeats.settle(family);
      if (validation.ok) batch.push(validation.family);
      else rejected.push(validation.rejected);
    }
    let screening: Screening = { fresh: [], already: [], rejected: [] };
    const started = performance.now();
    if (batch.length && summary.dryRun) {
      screening = await screenBatch(this.dataSource.manager, this.families, run.programme.id, batch);
    } else if (batch.length) {
      screening = await this.tx.run(async (em) => {
        const screened = await screenBatch(em, this.families, run.programme.id, batch);
        if (screened.fresh.length) await this.write(em, run, screened, rejected.length);
        return screened;
      });
      if (screening.fresh.length) summary.batches++;
    }
    summary.databaseSeconds += (performance.now() - started) / 1000;
    this.count(summary, screening, rejected);
    const problems = [...rejected, ...screening.rejected].flatMap((r) => r.problems);
    problems.sort((a, b) => a.line - b.line).forEach((p) => run.options.onProblem?.(p));
  }

  private async write(
    em: EntityManager,
    run: Run,
    screened: Screening,
    rejectedEarlier: number,
  ): Promise<void> {
    await insertFamilies(em, screened.fresh, run.now);
    await this.audit.record(em, ACTOR, {
      action: 'family.import',
      entityType: 'family',
      summary: {
        file: run.summary.file,
        programme: run.programme.code,
        batch: run.summary.batches + 1,
        families: screened.fresh.length,
        members: screened.fresh.reduce((n, p) => n + p.members.length, 0),
        endedFamilies: screened.fresh.filter((p) => p.ended).length,
        alreadyImported: screened.already.length,
        rejected: screened.rejected.length + rejectedEarlier,
      },
    });
  }

  private count(summary: ImportSummary, screening: Screening, rejectedEarlier: RejectedFamily[]): void {
    const add = (tally: Tally, families: PreparedFamily[]) => {
      tally.families += families.length;
      tally.members += families.reduce((n, p) => n + p.members.length, 0);
    };
    add(summary.imported, screening.fresh);
    add(summary.alreadyImported, screening.already);
    summary.endedFamilies += screening.fresh.filter((p) => p.ended).length;
    for (const rejected of [...rejectedEarlier, ...screening.rejected]) {
      // A row without family_ref is no family: it counts as a rejected row only.
      if (rejected.ref !== null) summary.rejected.families++;
      summary.rejected.members += rejected.rows;
    }
  }
}

interface Run {
  options: ImportOptions;
  programme: ProgrammeEntity;
  summary: ImportSummary;
  now: Date;
  repeats: RepeatedIds;
  /** Batches handed to the pool and not yet written, oldest first. */
  pending: Promise<CheckedFamily[]>[];
}
