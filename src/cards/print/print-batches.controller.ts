import { Body, Controller, Get, Param, ParseUUIDPipe, Post, StreamableFile } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { PassThrough } from 'node:stream';
import type { Actor } from '../../auth/actor';
import { Auth } from '../../common/decorators/auth.decorator';
import { CurrentActor } from '../../common/decorators/current-actor.decorator';
import { ProblemDto } from '../../common/problem/problem.dto';
import { ProgrammesService } from '../../programmes/programmes.service';
import { CreatePrintBatchDto, PrintBatchDto, mapBatch } from './print-batch.dto';
import { CardPrintService } from './card-print.service';

const PRINTERS = ['admin', 'case_worker'] as const;

@ApiTags('cards')
@Controller('print-batches')
export class PrintBatchesController {
  constructor(
    private readonly print: CardPrintService,
    private readonly programmes: ProgrammesService,
  ) {}

  /** Takes every active card not yet printed into a new batch and marks them printed. */
  @Post()
  @Auth({ roles: [...PRINTERS] })
  async create(@CurrentActor() actor: Actor, @Body() dto: CreatePrintBatchDto): Promise<PrintBatchDto> {
    const programme = dto.programmeId
      ? await this.programmes.get(dto.programmeId)
      : await this.programmes.default();
    return mapBatch(await this.print.createBatch(actor, programme.id));
  }

  @Get()
  @Auth({ roles: [...PRINTERS, 'auditor'] })
  async list(): Promise<PrintBatchDto[]> {
    return (await this.print.list()).map(mapBatch);
  }

  /** The batch as A4 sheets of 10 cards with crop marks, streamed; it can be downloaded again. */
  @Get(':id/pdf')
  @Auth({ roles: [...PRINTERS] })
  @ApiOkResponse({ content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } })
  @ApiNotFoundResponse({ type: ProblemDto })
  async pdf(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<StreamableFile> {
    const batch = await this.print.get(id);
    await this.print.recordDownload(actor, batch);
    const out = new PassThrough();
    // The response is already under way when rendering runs; a failure can only cut it short.
    this.print.stream(batch.id, out).catch((error: Error) => out.destroy(error));
    return new StreamableFile(out, {
      type: 'application/pdf',
      disposition: `attachment; filename="print-batch-${batch.id}.pdf"`,
    });
  }
}
