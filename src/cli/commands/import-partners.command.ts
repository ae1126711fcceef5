import { Command, CommandRunner, Option } from 'nest-commander';
import { ImportFileError } from '../../families/import/csv-reader';
import { PartnerImportService, PartnerImportSummary } from '../../partners/import/partner-import.service';
import type { Tally } from '../../partners/import/partner-plan';
import { CliError } from '../cli-error';
import { formatTable, printLine } from '../output';

interface ImportPartnersOptions {
  dryRun?: boolean;
  programme?: string;
}

/** The format, the checks and the re-run rules are described in docs/import.md. */
@Command({
  name: 'import:partners',
  arguments: '<file>',
  argsDescription: { file: 'CSV file, one row per partner, outlet or offer (see docs/import.md)' },
  description:
    'Import partners with their outlets and offers from CSV, all or nothing (audited; --dry-run to check only)',
})
export class ImportPartnersCommand extends CommandRunner {
  constructor(private readonly importer: PartnerImportService) {
    super();
  }

  async run([file]: string[], options: ImportPartnersOptions): Promise<void> {
    let summary: PartnerImportSummary;
    try {
      summary = await this.importer.importFile({
        file,
        dryRun: options.dryRun,
        programme: options.programme,
        onOpen: (source, programme) => {
          printLine(
            `${file}: ${source.encoding}, delimiter "${source.delimiter}", into programme ${programme.code}` +
              (options.dryRun ? ' (dry run: nothing will be written)' : ''),
          );
          if (source.ignoredColumns.length) printLine(`Ignored columns: ${source.ignoredColumns.join(', ')}`);
        },
      });
    } catch (error) {
      if (error instanceof ImportFileError) throw new CliError(`${file}: ${error.message}`);
      throw error;
    }
    for (const p of summary.problems) printLine(`line ${p.line}: ${p.field}: ${p.message}`);
    for (const n of summary.notes) printLine(`note: line ${n.line}: ${n.field}: ${n.message}`);
    printSummary(summary);
    if (summary.problems.length)
      throw new CliError(
        `${file}: ${count(summary.problems.length, 'problem')} (listed above); nothing was written. ` +
          'Fix the file and run it again.',
      );
  }

  @Option({ flags: '--dry-run', description: 'read and check everything, report, and write nothing' })
  parseDryRun(): boolean {
    return true;
  }

  @Option({ flags: '--programme <code>', description: 'programme code (default: the first programme)' })
  parseProgramme(value: string): string {
    return value.trim();
  }
}

function printSummary(s: PartnerImportSummary): void {
  const would = s.dryRun || s.problems.length > 0;
  printLine();
  const row = (label: string, t: Tally) => [
    label,
    ...[t.create, t.update, t.unchanged, t.rejected].map(String),
  ];
  printLine(
    formatTable(
      ['', would ? 'WOULD CREATE' : 'CREATED', would ? 'WOULD UPDATE' : 'UPDATED', 'UNCHANGED', 'REJECTED'],
      [row('partners', s.tallies.partner), row('outlets', s.tallies.outlet), row('offers', s.tallies.offer)],
    ),
  );
  const changed = Object.values(s.tallies).reduce((n, t) => n + t.create + t.update, 0);
  const outcome = s.dryRun
    ? 'dry run: nothing was written.'
    : !s.written
      ? 'nothing was written.'
      : changed
        ? 'written in one transaction.'
        : 'everything was up to date: nothing changed.';
  printLine(`${count(s.rows, 'row')} in ${s.seconds.toFixed(1)} s; ${outcome}`);
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
