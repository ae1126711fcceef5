import { Controller, Get, Header, Param, Query, StreamableFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { STAFF_READERS } from '../auth/roles';
import { Auth } from '../common/decorators/auth.decorator';
import { CurrentActor } from '../common/decorators/current-actor.decorator';
import { ProblemDto } from '../common/problem/problem.dto';
import { ReportQueryDto } from './dto/report-query.dto';
import { CSV_CONTENT, reportDownload } from './report-download';
import { REPORT_NAMES } from './report-names';
import { ReportsService } from './reports.service';

@ApiTags('reports')
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  /**
   * One CSV report of the default programme: `applications` (sent per week and status), `cards` (by status
   * and role), `cards-expiring` (live cards ending in the next 90 days: number, role, status, date; no names),
   * `partners` (status, category, outlets, offers) or `partner-activity` (checks and redemptions per partner
   * and day). Streamed as it is read.
   */
  @Get(':name')
  @Auth({ roles: STAFF_READERS })
  @Header('Cache-Control', 'no-store')
  @ApiParam({ name: 'name', enum: REPORT_NAMES })
  @ApiOkResponse({ description: 'The CSV file, as an attachment', content: CSV_CONTENT })
  @ApiBadRequestResponse({ description: 'Invalid options (weeks, from, to, delimiter)', type: ProblemDto })
  @ApiNotFoundResponse({ description: 'No report of that name', type: ProblemDto })
  async download(
    @CurrentActor() actor: Actor,
    @Param('name') name: string,
    @Query() query: ReportQueryDto,
  ): Promise<StreamableFile> {
    return reportDownload(await this.reports.open(actor, name, query));
  }
}
