import {
  Body,
  Controller,
  Header,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
  UseFilters,
} from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../../../auth/actor';
import { FAMILY_READERS, type Role } from '../../../auth/roles';
import { CardsService } from '../../../cards/cards.service';
import { Auth } from '../../../common/decorators/auth.decorator';
import { ProblemDto } from '../../../common/problem/problem.dto';
import { CurrentActor } from '../../../common/decorators/current-actor.decorator';
import { pickLanguage } from '../../../common/language';
import { ProblemException } from '../../../common/problem/problem.exception';
import { ProgrammesService } from '../../../programmes/programmes.service';
import { PageQueryDto } from '../../dto/page-query.dto';
import { PageCsrf } from '../../page-csrf';
import { field } from '../../page-forms';
import { seeOther, sendPage } from '../../page-reply';
import { AccountPageRoute, FormRoute } from '../../page-route.decorator';
import { PageSignInFilter } from '../../page-sign-in.filter';
import { siteHref } from '../../site-layout';
import { ConsoleFamiliesPage, type FamilyState } from './console-families-page';
import { ConsoleFamilySearch } from './console-family-search.service';
import { ConsoleFamilyView } from './console-family-view.service';
import { type CardFormAction, readCardForm, readSearchForm } from './console-family-forms';
import { ConsoleFamilyQueryDto } from './console-family-query.dto';
import { PageCsp } from '../../page-csp';

/** Who changes cards: as POST /api/v1/cards/{id}/suspend, resume, revoke and report-lost. */
export const CARD_ACTORS: Role[] = ['admin', 'case_worker'];

const HTML = { 'text/html': { schema: { type: 'string' } } };

/**
 * The family search at /console/families (a POST form: names and numbers stay out of URLs and logs) and a
 * family at /console/families/{id} with its members, applications, cards, history and the card form. Card
 * changes go through CardsService as the API's do, which checks the card's state and writes the audit log.
 */
@ApiTags('web')
@Controller('console/families')
export class ConsoleFamiliesPageController {
  constructor(
    private readonly programmes: ProgrammesService,
    private readonly search: ConsoleFamilySearch,
    private readonly view: ConsoleFamilyView,
    private readonly cards: CardsService,
    private readonly page: ConsoleFamiliesPage,
    private readonly csrf: PageCsrf,
    private readonly pageCsp: PageCsp,
  ) {}

  @AccountPageRoute('', 'The family search form', FAMILY_READERS)
  async form(
    @CurrentActor() actor: Actor,
    @Query() query: PageQueryDto,
    @Res() reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<void> {
    const common = await this.common(actor, query.lang, acceptLanguage);
    const html = this.page.search({ ...common, search: { form: { q: '' }, errors: {}, hits: null } });
    sendPage(reply, this.pageCsp.strict, 200, html);
  }

  /** A search answers its results directly (nothing changes, and what was typed stays out of the URL). */
  @Post('')
  @HttpCode(200)
  @Auth({ roles: FAMILY_READERS })
  @UseFilters(PageSignInFilter)
  @Header('Cache-Control', 'no-store')
  @Header('Referrer-Policy', 'no-referrer')
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiBody({ schema: { type: 'object', additionalProperties: { type: 'string' } } })
  @ApiOkResponse({ description: 'The families found, under the search form', content: HTML })
  @ApiResponse({ status: 400, description: 'The search form with the error at its field', content: HTML })
  @ApiTooManyRequestsResponse({ type: ProblemDto })
  async find(
    @CurrentActor() actor: Actor,
    @Body() body: Record<string, unknown>,
    @Res() reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<void> {
    const common = await this.common(actor, field(body, 'lang') || undefined, acceptLanguage);
    const { form, errors } = readSearchForm(body);
    if (Object.keys(errors).length > 0)
      return sendPage(
        reply,
        this.pageCsp.strict,
        400,
        this.page.search({ ...common, search: { form, errors, hits: null } }),
      );
    const hits = await this.search.find(actor, form.q);
    sendPage(
      reply,
      this.pageCsp.strict,
      200,
      this.page.search({ ...common, search: { form, errors, hits } }),
    );
  }

  @AccountPageRoute(
    ':id',
    'A family: members, applications, cards, history and the card form',
    FAMILY_READERS,
  )
  async show(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: ConsoleFamilyQueryDto,
    @Res() reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<void> {
    const state = await this.state(actor, id, query.lang, acceptLanguage, query.notice ?? null);
    sendPage(reply, this.pageCsp.strict, 200, this.page.family(state));
  }

  /** A card change: suspend, resume, revoke (with its reason) or replace a lost card (fee recorded or waived). */
  @HttpCode(303)
  @FormRoute(':id/cards', 'Recorded: the family page, saying so', {
    400: 'The family page, with errors at the card form’s fields',
    409: 'The family page: the card cannot take that step now',
  })
  @Auth({ roles: CARD_ACTORS })
  async act(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Record<string, unknown>,
    @Res() reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<void> {
    const state = await this.state(actor, id, field(body, 'lang') || undefined, acceptLanguage, null);
    const { form, errors } = readCardForm(
      body,
      state.record.cards.map((c) => c.id),
    );
    const again = (status: number, found: typeof errors) =>
      sendPage(
        reply,
        this.pageCsp.strict,
        status,
        this.page.family({ ...state, cardForm: { form, errors: found } }),
      );
    if (Object.keys(errors).length > 0) return again(400, errors);
    const action = form.action as CardFormAction;
    try {
      if (action === 'report-lost')
        await this.cards.reportLost(actor, form.card, form.reason as 'lost', form.waiveFee === 'yes');
      else
        await this.cards.act(
          actor,
          form.card,
          action,
          action === 'revoke' ? form.reason : null,
          form.note || undefined,
        );
    } catch (error) {
      // The card's state does not allow the step (409), e.g. it changed since the page was shown.
      if (!(error instanceof ProblemException) || error.problem.status !== 409) throw error;
      return again(409, { action: 'actionRefused' });
    }
    seeOther(reply, siteHref(`/console/families/${id}`, { notice: action, lang: state.language }));
  }

  private async common(actor: Actor, lang: string | undefined, acceptLanguage: string | undefined) {
    const programme = await this.programmes.default();
    return {
      programme,
      language: pickLanguage(lang, acceptLanguage, this.page.texts.languagesFor(programme)),
      csrf: this.csrf.forSession(actor),
      role: actor.role,
    };
  }

  private async state(
    actor: Actor,
    id: string,
    lang: string | undefined,
    acceptLanguage: string | undefined,
    notice: CardFormAction | null,
  ): Promise<FamilyState> {
    const [common, record] = await Promise.all([
      this.common(actor, lang, acceptLanguage),
      this.view.family(actor, id),
    ]);
    return { ...common, record, notice, canAct: CARD_ACTORS.includes(actor.role!) };
  }
}
