import { Controller, Headers, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../../auth/actor';
import { STAFF_READERS } from '../../auth/roles';
import { CurrentActor } from '../../common/decorators/current-actor.decorator';
import { pickLanguage } from '../../common/language';
import { ProgrammesService } from '../../programmes/programmes.service';
import { ConsoleDashboard } from './console-dashboard.service';
import { ConsolePage } from './console-page';
import { PageQueryDto } from '../dto/page-query.dto';
import { PageCsrf } from '../page-csrf';
import { sendPage } from '../page-reply';
import { AccountPageRoute } from '../page-route.decorator';
import { PageCsp } from '../page-csp';

/** The staff console's dashboard at /console: four charts drawn by the server, each with its table. */
@ApiTags('web')
@Controller('console')
export class ConsolePageController {
  constructor(
    private readonly programmes: ProgrammesService,
    private readonly dashboard: ConsoleDashboard,
    private readonly page: ConsolePage,
    private readonly csrf: PageCsrf,
    private readonly pageCsp: PageCsp,
  ) {}

  @AccountPageRoute('', 'The staff dashboard', STAFF_READERS)
  async show(
    @CurrentActor() actor: Actor,
    @Query() query: PageQueryDto,
    @Res() reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<void> {
    const programme = await this.programmes.default();
    const language = pickLanguage(query.lang, acceptLanguage, this.page.texts.languagesFor(programme));
    const numbers = await this.dashboard.numbers(programme);
    sendPage(
      reply,
      this.pageCsp.strict,
      200,
      this.page.render({
        programme,
        language,
        csrf: this.csrf.forSession(actor),
        numbers,
        role: actor.role,
      }),
    );
  }
}
