import { Controller, Get, Header, Param, ParseUUIDPipe, Query, StreamableFile } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../auth/actor';
import { MERCHANT_ROLES } from '../../auth/roles';
import { Auth } from '../../common/decorators/auth.decorator';
import { CurrentActor } from '../../common/decorators/current-actor.decorator';
import { ProblemDto } from '../../common/problem/problem.dto';
import { PARTNER_READERS } from '../../partners/partner-access';
import { StatisticsCsvQueryDto, StatisticsDto, StatisticsQueryDto } from './statistics.dto';
import { StatisticsService } from './statistics.service';

/** Staff who read partners, and the partner's own owner and cashiers (the service keeps them to their partner). */
const READERS = [...PARTNER_READERS, ...MERCHANT_ROLES];
const CSV = { 'text/csv': { schema: { type: 'string', description: 'UTF-8 with a byte-order mark' } } };

@ApiTags('statistics')
@ApiBadRequestResponse({ description: 'Invalid dates, range or outlet', type: ProblemDto })
@ApiNotFoundResponse({ description: 'No such partner (or not yours)', type: ProblemDto })
@Controller('partners/:partnerId')
export class StatisticsController {
  constructor(private readonly statistics: StatisticsService) {}

  /**
   * Checks and redemptions per day (the programme's calendar days, every day of the range), per offer and per
   * outlet, with totals and checks by answer. Default: the last 30 days including today; at most 366 days.
   */
  @Get('statistics')
  @Auth({ roles: READERS })
  @Header('Cache-Control', 'no-store')
  stats(
    @CurrentActor() actor: Actor,
    @Param('partnerId', ParseUUIDPipe) partnerId: string,
    @Query() query: StatisticsQueryDto,
  ): Promise<StatisticsDto> {
    return this.statistics.report(actor, partnerId, query);
  }

  /**
   * The same as CSV for spreadsheets: one row per day, outlet and offer that had activity (columns date, outlet,
   * offer, checks, valid_checks, redemptions, cancelled); UTF-8 with a byte-order mark; text that a spreadsheet
   * would run as a formula is written with a leading apostrophe.
   */
  @Get('statistics.csv')
  @Auth({ roles: READERS })
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ description: 'The CSV file, as an attachment', content: CSV })
  async csv(
    @CurrentActor() actor: Actor,
    @Param('partnerId', ParseUUIDPipe) partnerId: string,
    @Query() query: StatisticsCsvQueryDto,
  ): Promise<StreamableFile> {
    const { fileName, body } = await this.statistics.csv(actor, partnerId, query);
    return new StreamableFile(body, {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="${fileName}"`,
      length: body.length,
    });
  }
}
