import { Body, Controller, Headers, HttpCode, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CASE_STAFF, isCaseStaff } from '../../applications/application-access';
import { AWAITING_STAFF } from '../../applications/application-state';
import { ApplicationViewService } from '../../applications/application-view.service';
import { ApplicationWorkflowService } from '../../applications/application-workflow.service';
import { DocumentsService } from '../../applications/documents/documents.service';
import type { ApplicationQueryDto } from '../../applications/dto/application-query.dto';
import { ReviewQueueService } from '../../applications/review-queue.service';
import type { Actor } from '../../auth/actor';
import { STAFF_READERS } from '../../auth/roles';
import { Auth } from '../../common/decorators/auth.decorator';
import { CurrentActor } from '../../common/decorators/current-actor.decorator';
import { pickLanguage } from '../../common/language';
import { ProblemException } from '../../common/problem/problem.exception';
import { ProgrammesService } from '../../programmes/programmes.service';
import { DecisionField, readDecisionForm } from './console-review-form';
import { ApplicationState, ConsoleReviewPage } from './console-review-page';
import { ConsoleReviewQueryDto } from './dto/console-review-query.dto';
import { PageQueryDto } from '../dto/page-query.dto';
import { PageCsrf } from '../page-csrf';
import { field } from '../page-forms';
import { seeOther, sendPage } from '../page-reply';
import { AccountPageRoute, FormRoute } from '../page-route.decorator';
import { siteHref } from '../site-layout';
import { PageCsp } from '../page-csp';

const PAGE_SIZE = 20;
const WAITING = ['submitted', 'in_review', 'resubmitted'] as const;

/**
 * The review queue at /console/review (applications waiting for staff, oldest first) and one application at
 * /console/review/{id} with its people, the eligibility rules' reasons, its documents and the decision form.
 * Decisions go through the workflow service the API uses, which checks the role and writes the audit log.
 */
@ApiTags('web')
@Controller('console/review')
export class ConsoleReviewPageController {
  constructor(
    private readonly programmes: ProgrammesService,
    private readonly queue: ReviewQueueService,
    private readonly view: ApplicationViewService,
    private readonly workflow: ApplicationWorkflowService,
    private readonly documents: DocumentsService,
    private readonly page: ConsoleReviewPage,
    private readonly csrf: PageCsrf,
    private readonly pageCsp: PageCsp,
  ) {}

  @AccountPageRoute('', 'The review queue: applications waiting for a decision, oldest first', STAFF_READERS)
  async list(
    @CurrentActor() actor: Actor,
    @Query() query: ConsoleReviewQueryDto,
    @Res() reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<void> {
    const programme = await this.programmes.default();
    const language = pickLanguage(query.lang, acceptLanguage, this.page.texts.languagesFor(programme));
    const { items, nextCursor } = await this.queue.list(actor, {
      status: [...AWAITING_STAFF],
      limit: PAGE_SIZE,
      cursor: query.cursor,
    } as ApplicationQueryDto);
    const csrf = this.csrf.forSession(actor);
    const html = this.page.queue({
      programme,
      language,
      csrf,
      role: actor.role,
      items,
      nextCursor,
      notice: !!query.notice,
    });
    sendPage(reply, this.pageCsp.strict, 200, html);
  }

  @AccountPageRoute(':id', 'One application with the decision form', STAFF_READERS)
  async show(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: PageQueryDto,
    @Res() reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<void> {
    sendPage(
      reply,
      this.pageCsp.strict,
      200,
      this.page.application(await this.state(actor, id, query.lang, acceptLanguage)),
    );
  }

  /** A decision: approve, reject or ask for more information, each with its reason code. */
  @HttpCode(303)
  @FormRoute(':id', 'Recorded: the review queue, saying so', {
    400: 'The application page, with errors at the decision form’s fields',
    409: 'The application page: the application cannot take that decision now',
  })
  @Auth({ roles: [...CASE_STAFF] })
  async decide(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Record<string, unknown>,
    @Res() reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<void> {
    const state = await this.state(actor, id, field(body, 'lang') || undefined, acceptLanguage);
    const { form, errors } = readDecisionForm(body);
    const again = (status: number, found: Partial<Record<DecisionField, string>>) =>
      sendPage(
        reply,
        this.pageCsp.strict,
        status,
        this.page.application({ ...state, decision: { form, errors: found } }),
      );
    if (Object.keys(errors).length > 0) return again(400, errors);
    if (!state.canDecide) return again(409, { decision: 'decisionRefused' });
    const decision = { reason: form.reason, message: form.message || undefined };
    try {
      // A decision is taken in review: one not yet opened is opened first (the API's two steps, both audited).
      if (state.app.status === 'submitted') await this.workflow.transition(actor, id, 'start_review', {});
      await this.workflow.transition(actor, id, form.decision as 'approve', decision);
    } catch (error) {
      if (!(error instanceof ProblemException) || ![400, 409].includes(error.problem.status)) throw error;
      return error.problem.status === 409
        ? again(409, { decision: 'decisionRefused' })
        : again(400, { reason: 'reasonMissing' });
    }
    seeOther(reply, siteHref('/console/review', { notice: 'decided', lang: state.language }));
  }

  private async state(
    actor: Actor,
    id: string,
    lang: string | undefined,
    acceptLanguage?: string,
  ): Promise<ApplicationState> {
    const programme = await this.programmes.default();
    const [app, documents] = await Promise.all([this.view.detail(actor, id), this.documents.list(actor, id)]);
    return {
      programme,
      language: pickLanguage(lang, acceptLanguage, this.page.texts.languagesFor(programme)),
      csrf: this.csrf.forSession(actor),
      role: actor.role,
      app,
      documents,
      canDecide: isCaseStaff(actor) && (WAITING as readonly string[]).includes(app.status),
    };
  }
}
