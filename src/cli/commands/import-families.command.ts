import { Command, CommandRunner, Option } from 'nest-commander';
import { ImportFileError } from '../../families/import/csv-reader';
import {
  DEFAULT_BATCH_SIZE,
  FamilyImportService,
  ImportInterruptedError,
  ImportSummary,
  Tally,
} from '../../families/import/family-import.service';
import { CliError } from '../cli-error';
import { formatTable, printLine } from '../output';

interface ImportFamiliesOptions {
  dryRun?: boolean;
  programme?: string;
  batchSize?: number;
  workers?: number;
}

const MAX_BATCH_SIZE = 10_000;
const MAX_WORKERS = 16;

/** The format, the checks and the re-run rules are described in docs/import.md. */
@Command({
  name: 'import:families',
  arguments: '<file>',
  argsDescription: { file: 'CSV file, one row per family member (see docs/import.md)' },
  description: 'Import families with their members from a CSV register (audited; --dry-run to check only)',
})
export class ImportFamiliesCommand extends CommandRunner {
  constructor(private readonly importer: FamilyImportService) {
    super();
  }

  async run([file]: string[], options: ImportFamiliesOptions): Promise<void> {
    try {
      const summary = await this.importer.importFile({
        file,
        dryRun: options.dryRun,
        programme: options.programme,
        batchSize: options.batchSize,
        workers: options.workers,
        onOpen: (source, programme) => {
          printLine(
            `${file}: ${source.encoding}, delimiter "${source.delimiter}", into programme ${programme.code}` +
              (options.dryRun ? ' (dry run: nothing will be written)' : ''),
          );
          if (source.ignoredColumns.length) printLine(`Ignored columns: ${source.ignoredColumns.join(', ')}`);
        },
        onProblem: (p) => printLine(`line ${p.line}: ${p.field}: ${p.message}`),
      });
      printSummary(summary);
    } catch (error) {
      if (error instanceof ImportInterruptedError) printSummary(error.summary);
      if (error instanceof ImportFileError) throw new CliError(`${file}: ${error.message}`);
      throw error;
    }
  }

  @Option({ flags: '--dry-run', description: 'read and check everything, report, and write nothing' })
  parseDryRun(): boolean {
    return true;
  }

  @Option({ flags: '--programme <code>', description: 'programme code (default: the first programme)' })
  parseProgramme(value: string): string {
    return value.trim();
  }

  @Option({
    flags: '--batch-size <n>',
    description: `families per transaction (default ${DEFAULT_BATCH_SIZE})`,
  })
  parseBatchSize(value: string): number {
    return wholeNumber('--batch-size', value, 1, MAX_BATCH_SIZE);
  }

  @Option({
    flags: '--workers <n>',
    description:
      'threads that check families while the main one reads and writes; 0 checks them in the main thread ' +
      '(default: 0 for a file under 1 MB, otherwise one per CPU core beside the main thread, at most 4)',
  })
  parseWorkers(value: string): number {
    return wholeNumber('--workers', value, 0, MAX_WORKERS);
  }
}

function wholeNumber(flag: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new CliError(`${flag} must be a whole number from ${min} to ${max} (got "${value}").`);
  return n;
}

function printSummary(s: ImportSummary): void {
  const done = s.dryRun ? 'WOULD IMPORT' : 'IMPORTED';
  printLine();
  const row = (label: string, key: keyof Tally) => [
    label,
    ...[s.imported, s.alreadyImported, s.rejected].map((tally) => String(tally[key])),
  ];
  printLine(
    formatTable(
      ['', done, 'ALREADY IMPORTED', 'REJECTED'],
      [row('families', 'families'), row('members (rows)', 'members')],
    ),
  );
  if (s.endedFamilies)
    printLine(
      `${count(s.endedFamilies, 'family', 'families')} with nobody eligible today ` +
        `${s.dryRun ? 'would be' : s.endedFamilies === 1 ? 'was' : 'were'} stored as ended.`,
    );
  const threads = s.workers ? ` (checked by ${count(s.workers, 'worker thread')})` : '';
  printLine(
    `${count(s.rows, 'row')} in ${s.seconds.toFixed(1)} s${threads}; ` +
      (s.dryRun ? 'dry run: nothing was written.' : `${count(s.batches, 'batch', 'batches')} committed.`),
  );
  if (s.rejected.members)
    printLine(
      `${count(s.rejected.members, 'row')} rejected (listed above); ` +
        'fix them and run the file again: families already imported are skipped.',
    );
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
