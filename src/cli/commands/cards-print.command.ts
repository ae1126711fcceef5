import { Command, CommandRunner, Option } from 'nest-commander';
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { systemActor } from '../../auth/actor';
import { CardPrintService } from '../../cards/print/card-print.service';
import { ProgrammeEntity } from '../../programmes/programme.entity';
import { ProgrammesService } from '../../programmes/programmes.service';
import { CliError } from '../cli-error';
import { printLine } from '../output';

interface PrintOptions {
  out: string;
  programme?: string;
}

@Command({
  name: 'cards:print',
  description:
    'Put every active card not yet printed into a new print batch, mark them printed, and write its A4 sheets (PDF)',
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
    const programme = await this.programmeFor(options.programme);
    const batch = await this.print.createBatch(systemActor('cli cards:print'), programme.id);
    if (batch.cards === 0) {
      printLine('No cards are waiting to be printed.');
      return;
    }
    const file = createWriteStream(options.out);
    const { sheets } = await this.print.stream(batch.id, file);
    await finished(file);
    printLine(`Print batch ${batch.id}: ${batch.cards} cards on ${sheets} A4 sheets in ${options.out}.`);
  }

  @Option({ flags: '--out <file>', description: 'the PDF file to write' })
  parseOut(value: string): string {
    return value;
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
