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
import type { Actor } from '../../../auth/actor';
import { STAFF_READERS } from '../../../auth/roles';
import { Auth } from '../../../common/decorators/auth.decorator';
import { CurrentActor } from '../../../common/decorators/current-actor.decorator';
import { pickLanguage } from '../../../common/language';
import { ProblemException } from '../../../common/problem/problem.exception';
import type { OfferQueryDto } from '../../../offers/dto/offer.dto';
import { OffersService } from '../../../offers/offers.service';
import { CategoriesService } from '../../../partners/categories/categories.service';
import { OutletsService } from '../../../partners/outlets.service';
import { PARTNER_STAFF } from '../../../partners/partner-access';
import { PartnersService } from '../../../partners/partners.service';
import { ProgrammesService } from '../../../programmes/programmes.service';
import { PageQueryDto } from '../../dto/page-query.dto';
import { PageCsrf } from '../../page-csrf';
import { field } from '../../page-forms';
import { seeOther, sendPage } from '../../page-reply';
import { AccountPageRoute, FormRoute } from '../../page-route.decorator';
import { siteHref } from '../../site-layout';
import { ConsoleOfferLookup } from './console-offer-lookup';
import { ConsoleOffersPage, OFFERS_PATH, OfferState } from './console-offers-page';
import { PAGE_SIZE } from './console-partners-page';
import { isOfferDecision, offerReasonRequired, readDecision } from './console-partners-forms';
import { ConsoleOffersQueryDto } from './dto/console-partners-query.dto';
import { PageCsp } from '../../page-csp';

/**
 * Offer moderation: the queue at /console/offers (offers waiting for approval, oldest first) and one offer at
 * /console/offers/{id} as families will see it, with its details and the approve / send-back forms. Reads and
 * decisions go through the offers service the API uses, with its roles, so the audit entries are the same.
 */
@ApiTags('web')
@Controller('console/offers')
export class ConsoleOffersPageController {
  constructor(
    private readonly programmes: ProgrammesService,
    private readonly offers: OffersService,
    private readonly partners: PartnersService,
    private readonly outlets: OutletsService,
    private readonly categories: CategoriesService,
    private readonly lookup: ConsoleOfferLookup,
    private readonly page: ConsoleOffersPage,
    private readonly csrf: PageCsrf,
    private readonly pageCsp: PageCsp,
  ) {}

  @AccountPageRoute('', 'Offers waiting for approval, oldest first, 20 a page', STAFF_READERS)
  async list(
    @CurrentActor() actor: Actor,
    @Query() query: ConsoleOffersQueryDto,
    @Res() reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<void> {
    const programme = await this.programmes.default();
    const language = pickLanguage(query.lang, acceptLanguage, this.page.texts.languagesFor(programme));
    const page = query.page ?? 1;
    const { items, total } = await this.offers.queue({
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    } as OfferQueryDto);
    const html = this.page.queue({
      programme,
      language,
      csrf: this.csrf.forSession(actor),
      role: actor.role,
      page,
      items,
      total,
      partnerNames: await this.lookup.partnerNames(items.map((v) => v.offer.partnerId)),
      notice: query.notice && isOfferDecision(query.notice) ? query.notice : undefined,
    });
    sendPage(reply, this.pageCsp.strict, 200, html);
  }

  @AccountPageRoute(
    ':id',
    'One offer as families will see it, its details and the decision forms',
    STAFF_READERS,
  )
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
      this.page.offer(await this.state(actor, id, query.lang, acceptLanguage)),
    );
  }

  /** Approve (publish) or send back with a reason, as POST /api/v1/partners/{p}/offers/{id}/{action}. */
  @HttpCode(303)
  @FormRoute(':id/:action', 'Recorded: the moderation queue, saying so', {
    400: 'The offer page, with the error at the reason',
    409: 'The offer page: its status (or its partner’s) does not allow that decision now',
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
    if (!isOfferDecision(action)) throw new NotFoundException(`No decision ${action}`);
    const state = await this.state(actor, id, field(body, 'lang') || undefined, acceptLanguage);
    const form = readDecision(body, offerReasonRequired(action));
    const again = (status: number, error: string) =>
      sendPage(
        reply,
        this.pageCsp.strict,
        status,
        this.page.offer({ ...state, again: { action, reason: form.reason, error } }),
      );
    if (form.error) return again(400, form.error);
    try {
      await this.offers.act(actor, state.partner.id, id, action, form.reason || undefined);
    } catch (error) {
      if (!(error instanceof ProblemException) || ![400, 409].includes(error.problem.status)) throw error;
      if (error.problem.status === 400) return again(400, 'reasonMissing');
      return again(
        409,
        ProblemException.is(error, 'partner-not-approved') ? 'partnerNotApproved' : 'refused',
      );
    }
    seeOther(reply, siteHref(OFFERS_PATH, { notice: action, lang: state.language }));
  }

  private async state(
    actor: Actor,
    id: string,
    lang: string | undefined,
    acceptLanguage?: string,
  ): Promise<OfferState> {
    const partnerId = await this.lookup.partnerOf(id);
    const [view, partner] = await Promise.all([
      this.offers.get(actor, partnerId, id),
      this.partners.get(actor, partnerId),
    ]);
    const programme = await this.programmes.get(partner.programmeId);
    const [outlets, categories] = await Promise.all([
      this.outlets.list(actor, partnerId),
      this.categories.list(programme.id),
    ]);
    return {
      programme,
      language: pickLanguage(lang, acceptLanguage, this.page.texts.languagesFor(programme)),
      csrf: this.csrf.forSession(actor),
      role: actor.role,
      view,
      partner,
      outlets,
      categories,
      canDecide: (PARTNER_STAFF as readonly string[]).includes(actor.role ?? ''),
    };
  }
}
