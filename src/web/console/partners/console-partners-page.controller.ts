import {
  Body,
  Controller,
  Headers,
  HttpCode,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Query,
  Res,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AuditService } from '../../../audit/audit.service';
import type { AuditQueryDto } from '../../../audit/dto/audit-query.dto';
import type { Actor } from '../../../auth/actor';
import { STAFF_READERS } from '../../../auth/roles';
import { Auth } from '../../../common/decorators/auth.decorator';
import { CurrentActor } from '../../../common/decorators/current-actor.decorator';
import { pickLanguage, textIn } from '../../../common/language';
import { ProblemException } from '../../../common/problem/problem.exception';
import type { OfferQueryDto } from '../../../offers/dto/offer.dto';
import { OffersService } from '../../../offers/offers.service';
import { CategoriesService } from '../../../partners/categories/categories.service';
import type { PartnerQueryDto } from '../../../partners/dto/partner.dto';
import { OutletsService } from '../../../partners/outlets.service';
import { PartnerAccountsService } from '../../../partners/partner-accounts.service';
import { PARTNER_STAFF } from '../../../partners/partner-access';
import { PartnersService } from '../../../partners/partners.service';
import { ProgrammesService } from '../../../programmes/programmes.service';
import { PageCsrf } from '../../page-csrf';
import { field } from '../../page-forms';
import { seeOther, sendPage } from '../../page-reply';
import { AccountPageRoute, FormRoute } from '../../page-route.decorator';
import { siteHref } from '../../site-layout';
import { isPartnerDecision, partnerReasonRequired, readDecision } from './console-partners-forms';
import {
  ConsolePartnersPage,
  DecisionAgain,
  PAGE_SIZE,
  PARTNERS_PATH,
  PartnerState,
} from './console-partners-page';
import { ConsolePartnerQueryDto, ConsolePartnersQueryDto } from './dto/console-partners-query.dto';
import { PageCsp } from '../../page-csp';

/** How many of a partner's offers and history entries its page shows (newest first). */
const OFFERS_SHOWN = 50;
const HISTORY_SHOWN = 50;

/**
 * Partner approvals: the list at /console/partners (pending first: the approval queue) and one partner at
 * /console/partners/{id} with its outlets, offers, accounts, history and the decision forms. Every read and
 * decision goes through the services the partners API uses, with its roles, so the audit entries are the same.
 */
@ApiTags('web')
@Controller('console/partners')
export class ConsolePartnersPageController {
  constructor(
    private readonly programmes: ProgrammesService,
    private readonly partners: PartnersService,
    private readonly outlets: OutletsService,
    private readonly accounts: PartnerAccountsService,
    private readonly offers: OffersService,
    private readonly categories: CategoriesService,
    private readonly audit: AuditService,
    private readonly page: ConsolePartnersPage,
    private readonly csrf: PageCsrf,
    private readonly pageCsp: PageCsp,
  ) {}

  @AccountPageRoute(
    '',
    'Partners by status (pending first: the approval queue), by name, 20 a page',
    STAFF_READERS,
  )
  async list(
    @CurrentActor() actor: Actor,
    @Query() query: ConsolePartnersQueryDto,
    @Res() reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<void> {
    const programme = await this.programmes.default();
    const language = pickLanguage(query.lang, acceptLanguage, this.page.texts.languagesFor(programme));
    const status = query.status ?? 'pending';
    const q = query.q?.trim() ?? '';
    const page = query.page ?? 1;
    const { items, total } = await this.partners.list({
      status: status === 'all' ? undefined : status,
      q: q || undefined,
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    } as PartnerQueryDto);
    const html = this.page.list({
      programme,
      language,
      csrf: this.csrf.forSession(actor),
      role: actor.role,
      status,
      q,
      page,
      items,
      total,
    });
    sendPage(reply, this.pageCsp.strict, 200, html);
  }

  @AccountPageRoute(
    ':id',
    'One partner with its outlets, offers, accounts, history and decisions',
    STAFF_READERS,
  )
  async show(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: ConsolePartnerQueryDto,
    @Res() reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<void> {
    const state = await this.state(actor, id, query.lang, acceptLanguage);
    const notice = query.notice && isPartnerDecision(query.notice) ? query.notice : undefined;
    sendPage(reply, this.pageCsp.strict, 200, this.page.partner({ ...state, notice }));
  }

  /** A decision: approve, reject, suspend, reinstate or end, as POST /api/v1/partners/{id}/{action}. */
  @HttpCode(303)
  @FormRoute(':id/:action', 'Recorded: the partner’s page, saying so', {
    400: 'The partner page, with the error at the decision form’s reason',
    409: 'The partner page: its status does not allow that decision (now)',
  })
  @Auth({ roles: [...PARTNER_STAFF] })
  async decide(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('action') action: string,
    @Body() body: Record<string, unknown>,
    @Res() reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<void> {
    if (!isPartnerDecision(action)) throw new NotFoundException(`No decision ${action}`);
    const lang = field(body, 'lang') || undefined;
    const form = readDecision(body, partnerReasonRequired(action));
    const again = async (status: number, error: string) => {
      const state = await this.state(actor, id, lang, acceptLanguage);
      const failed: DecisionAgain = { action, reason: form.reason, error };
      sendPage(reply, this.pageCsp.strict, status, this.page.partner({ ...state, again: failed }));
    };
    if (form.error) return again(400, form.error);
    try {
      await this.partners.act(actor, id, action, form.reason || undefined);
    } catch (error) {
      if (!(error instanceof ProblemException) || ![400, 409].includes(error.problem.status)) throw error;
      return again(error.problem.status, error.problem.status === 409 ? 'refused' : 'reasonMissing');
    }
    const programme = await this.programmes.default();
    const language = pickLanguage(lang, acceptLanguage, this.page.texts.languagesFor(programme));
    seeOther(reply, siteHref(`${PARTNERS_PATH}/${id}`, { notice: action, lang: language }));
  }

  private async state(
    actor: Actor,
    id: string,
    lang: string | undefined,
    acceptLanguage?: string,
  ): Promise<Omit<PartnerState, 'notice' | 'again'>> {
    const partner = await this.partners.get(actor, id);
    const programme = await this.programmes.get(partner.programmeId);
    const language = pickLanguage(lang, acceptLanguage, this.page.texts.languagesFor(programme));
    const [outlets, offers, accounts, history, categories] = await Promise.all([
      this.outlets.list(actor, id),
      this.offers.list(actor, id, { limit: OFFERS_SHOWN, offset: 0 } as OfferQueryDto),
      this.accounts.accounts(actor, id),
      this.audit.query({ entityType: 'partner', entityId: id, limit: HISTORY_SHOWN } as AuditQueryDto),
      this.categories.list(programme.id),
    ]);
    const category = categories.find((c) => c.id === partner.categoryId);
    return {
      programme,
      language,
      csrf: this.csrf.forSession(actor),
      role: actor.role,
      partner,
      category: category ? (textIn(category.names, language, programme.languages) ?? category.slug) : '',
      outlets,
      offers: offers.items,
      offersTotal: offers.total,
      accounts,
      history: history.items,
      canDecide: (PARTNER_STAFF as readonly string[]).includes(actor.role ?? ''),
    };
  }
}
