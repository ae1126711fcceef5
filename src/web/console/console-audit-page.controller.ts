import { Controller, Headers, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AuditService } from '../../audit/audit.service';
import type { AuditQueryDto } from '../../audit/dto/audit-query.dto';
import type { Actor } from '../../auth/actor';
import { CurrentActor } from '../../common/decorators/current-actor.decorator';
import { pickLanguage } from '../../common/language';
import { ProgrammesService } from '../../programmes/programmes.service';
import { ConsoleAuditPage } from './console-audit-page';
import { AUDIT_READERS } from './console-nav';
import { ConsoleAuditQueryDto } from './dto/console-audit-query.dto';
import { PageCsrf } from '../page-csrf';
import { sendPage } from '../page-reply';
import { AccountPageRoute } from '../page-route.decorator';
import { PageCsp } from '../page-csp';

const PAGE_SIZE = 50;

/** The audit-log viewer at /console/audit: read-only, newest first, filtered by a GET form, 50 a page. */
@ApiTags('web')
@Controller('console/audit')
export class ConsoleAuditPageController {
  constructor(
    private readonly programmes: ProgrammesService,
    private readonly audit: AuditService,
    private readonly page: ConsoleAuditPage,
    private readonly csrf: PageCsrf,
    private readonly pageCsp: PageCsp,
  ) {}

  @AccountPageRoute('', 'The audit log, newest first, with filters', AUDIT_READERS)
  async show(
    @CurrentActor() actor: Actor,
    @Query() query: ConsoleAuditQueryDto,
    @Res() reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<void> {
    const programme = await this.programmes.default();
    const language = pickLanguage(query.lang, acceptLanguage, this.page.texts.languagesFor(programme));
    // An empty field of the form is no filter.
    const filters = {
      action: query.action?.trim() || undefined,
      entityType: query.entityType?.trim() || undefined,
      actorId: query.actorId?.trim() || undefined,
    };
    const { items, nextCursor } = await this.audit.query({
      ...filters,
      cursor: query.cursor,
      limit: PAGE_SIZE,
    } as AuditQueryDto);
    const csrf = this.csrf.forSession(actor);
    sendPage(
      reply,
      this.pageCsp.strict,
      200,
      this.page.render({ programme, language, csrf, role: actor.role, filters, items, nextCursor }),
    );
  }
}
