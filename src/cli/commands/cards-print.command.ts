import { Command, CommandRunner, Option } from 'nest-commander';
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { systemActor } from '../../auth/actor';
import { PrintBatchEntity } from '../../cards/print-batch.entity';
import { CardPrintService } from '../../cards/print/card-print.service';
import { ProgrammeEntity } from '../../programmes/programme.entity';
import { ProgrammesService } from '../../programmes/programmes.service';
import { CliError } from '../cli-error';
import { printLine } from '../output';

interface PrintOptions {
  out: string;
  programme?: string;
  batch?: string;
}

@Command({
  name: 'cards:print',
  description:
    'Put every active card not yet printed into a new print batch, mark them printed, and write its A4 sheets ' +
    "(PDF); or, with --batch, write an earlier batch's sheets again",
})
export class CardsPrintCommand extends CommandRunner {
  constructor(
    private readonly print: CardPrintService,
    private readonly programmes: ProgrammesService,
  ) {
    super();
  }

  async run(_args: string[], options: PrintOptions): Promise<void> {
    if (!options.out) throw new CliError('--out FILE is required (the PDF to write).');
    const actor = systemActor('cli cards:print');
    if (options.batch) {
      // Its sheets again (a run killed while writing them, a spoilt print): audited like a download.
      const batch = await this.print.find(options.batch);
      if (!batch) throw new CliError(`There is no print batch ${options.batch}.`);
      await this.print.recordDownload(actor, batch);
      return this.write(batch, options.out, 'again');
    }
    const programme = await this.programmeFor(options.programme);
    const batch = await this.print.createBatch(actor, programme.id);
    if (batch.cards === 0) {
      printLine('No cards are waiting to be printed.');
      return;
    }
    await this.write(batch, options.out, 'new');
  }

  private async write(batch: PrintBatchEntity, out: string, kind: 'new' | 'again'): Promise<void> {
    const file = createWriteStream(out);
    const { sheets } = await this.print.stream(batch.id, file);
    await finished(file);
    const what = kind === 'new' ? 'Print batch' : 'Print batch (again)';
    printLine(`${what} ${batch.id}: ${batch.cards} cards on ${sheets} A4 sheets in ${out}.`);
  }

  @Option({ flags: '--out <file>', description: 'the PDF file to write' })
  parseOut(value: string): string {
    return value;
  }

  @Option({ flags: '--batch <id>', description: 'write this earlier batch again instead of a new one' })
  parseBatch(value: string): string {
    return value.trim();
  }

  @Option({ flags: '--programme <code>', description: 'programme code (default: the first programme)' })
  parseProgramme(value: string): string {
    return value.trim();
  }

  private async programmeFor(code: string | undefined): Promise<ProgrammeEntity> {
    if (!code) return this.programmes.default();
    const programme = (await this.programmes.list()).find((p) => p.code === code);
    if (!programme) throw new CliError(`There is no programme ${code}.`);
    return programme;
  }
}
