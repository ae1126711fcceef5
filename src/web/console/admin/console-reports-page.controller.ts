import {
  Controller,
  Get,
  Header,
  Headers,
  Param,
  Query,
  Res,
  StreamableFile,
  UseFilters,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../../../auth/actor';
import { STAFF_READERS } from '../../../auth/roles';
import { Auth } from '../../../common/decorators/auth.decorator';
import { CurrentActor } from '../../../common/decorators/current-actor.decorator';
import { pickLanguage } from '../../../common/language';
import { ProblemDto } from '../../../common/problem/problem.dto';
import { ProgrammesService } from '../../../programmes/programmes.service';
import { ReportQueryDto } from '../../../reports/dto/report-query.dto';
import { CSV_CONTENT, reportDownload } from '../../../reports/report-download';
import { REPORT_NAMES } from '../../../reports/report-names';
import { ReportsService } from '../../../reports/reports.service';
import { PageQueryDto } from '../../dto/page-query.dto';
import { PageCsrf } from '../../page-csrf';
import { sendPage } from '../../page-reply';
import { AccountPageRoute } from '../../page-route.decorator';
import { PageSignInFilter } from '../../page-sign-in.filter';
import { ConsoleReportsPage } from './console-reports-page';
import { PageCsp } from '../../page-csp';

/**
 * The reports page at /console/reports and its downloads at /console/reports/{name}.csv: the same files as
 * GET /api/v1/reports/{name}, for a browser signed in with its session cookie.
 */
@ApiTags('web')
@Controller('console/reports')
export class ConsoleReportsPageController {
  constructor(
    private readonly programmes: ProgrammesService,
    private readonly reports: ReportsService,
    private readonly page: ConsoleReportsPage,
    private readonly csrf: PageCsrf,
    private readonly pageCsp: PageCsp,
  ) {}

  @AccountPageRoute('', 'The CSV reports, each with what it holds and its download link', STAFF_READERS)
  async show(
    @CurrentActor() actor: Actor,
    @Query() query: PageQueryDto,
    @Res() reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<void> {
    const programme = await this.programmes.default();
    const language = pickLanguage(query.lang, acceptLanguage, this.page.texts.languagesFor(programme));
    const csrf = this.csrf.forSession(actor);
    sendPage(
      reply,
      this.pageCsp.strict,
      200,
      this.page.render({ programme, language, csrf, role: actor.role }),
    );
  }

  /** One report as a CSV attachment (`name.csv`), with the options of the API's route. */
  @Get(':file')
  @Auth({ roles: STAFF_READERS })
  @UseFilters(PageSignInFilter)
  @Header('Cache-Control', 'no-store')
  @Header('Referrer-Policy', 'no-referrer')
  @ApiParam({ name: 'file', enum: REPORT_NAMES.map((n) => `${n}.csv`) })
  @ApiOkResponse({ description: 'The CSV file, as an attachment', content: CSV_CONTENT })
  @ApiBadRequestResponse({ description: 'Invalid options (weeks, from, to, delimiter)', type: ProblemDto })
  @ApiNotFoundResponse({ description: 'No report of that name', type: ProblemDto })
  async download(
    @CurrentActor() actor: Actor,
    @Param('file') file: string,
    @Query() query: ReportQueryDto,
  ): Promise<StreamableFile> {
    // "x.csv" names report x; anything else is no report (404 from the service).
    const name = file.endsWith('.csv') ? file.slice(0, -'.csv'.length) : `${file}?`;
    return reportDownload(await this.reports.open(actor, name, query));
  }
}
