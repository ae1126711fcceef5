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
}

const MAX_BATCH_SIZE = 10_000;

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
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > MAX_BATCH_SIZE)
      throw new CliError(`--batch-size must be a whole number from 1 to ${MAX_BATCH_SIZE} (got "${value}").`);
    return n;
  }
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
  printLine(
    `${count(s.rows, 'row')} in ${s.seconds.toFixed(1)} s; ` +
      (s.dryRun ? 'dry run: nothing was written.' : `${count(s.batches, 'batch', 'batches')} committed.`),
  );
  if (s.rejected.members)
    printLine(
      `${count(s.rejected.members, 'row')} rejected (listed above); ` +
        'fix them and run the file again: families already imported are skipped.',
    );
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
