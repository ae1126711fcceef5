import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import { Auth } from '../common/decorators/auth.decorator';
import { CurrentActor } from '../common/decorators/current-actor.decorator';
import { ProblemDto } from '../common/problem/problem.dto';
import { TransactionService } from '../database/transaction.service';
import { PARTNER_READERS, PARTNER_STAFF } from '../partners/partner-access';
import { BadCodeWatch } from './bad-code-watch';
import { FlagQueryDto, mapFlag, ResolveFlagDto, ValidationFlagDto } from './dto/validation-flag.dto';

/** Bursts of bad codes from one merchant account or till key, for partner staff to look into. */
@ApiTags('validations')
@ApiBadRequestResponse({ description: 'Invalid input', type: ProblemDto })
@Controller('validation-flags')
export class ValidationFlagsController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionService,
    private readonly watch: BadCodeWatch,
  ) {}

  @Get()
  @Auth({ roles: [...PARTNER_READERS] })
  async list(@Query() query: FlagQueryDto): Promise<ValidationFlagDto[]> {
    return (await this.watch.list(this.dataSource.manager, query.all ?? false)).map(mapFlag);
  }

  @Post(':id/resolve')
  @HttpCode(200)
  @Auth({ roles: [...PARTNER_STAFF] })
  @ApiNotFoundResponse({ type: ProblemDto })
  async resolve(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ResolveFlagDto,
  ): Promise<ValidationFlagDto> {
    return mapFlag(await this.tx.run((em) => this.watch.resolve(em, actor, id, dto.resolution)));
  }
}
