import { Body, Controller, Headers, HttpCode, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../../auth/actor';
import { MERCHANT_ROLES } from '../../auth/roles';
import { Auth } from '../../common/decorators/auth.decorator';
import { CurrentActor } from '../../common/decorators/current-actor.decorator';
import type { OfferView } from '../../offers/dto/offer.dto';
import { OfferAction } from '../../offers/offer-state';
import { OffersService } from '../../offers/offers.service';
import { OutletsService } from '../../partners/outlets.service';
import { field } from '../page-forms';
import { seeOther, sendPage } from '../page-reply';
import { AccountPageRoute, FormRoute } from '../page-route.decorator';
import { siteHref } from '../site-layout';
import { PortalQueryDto } from './dto/portal-query.dto';
import { FormErrors, refusal } from './portal-fields';
import {
  newOfferForm,
  offerBody,
  offerFormErrors,
  offerFormValues,
  placeOfferProblems,
  readOfferForm,
  ReadOffer,
  textField,
} from './portal-offer-form';
import { PageCsp } from '../page-csp';
import { OFFERS_PATH, PortalOffersPage, STEPS } from './portal-offers-page';

const OWNER = ['merchant_owner' as const];

/**
 * The partner's offers at /partner/offers with the steps the API allows (submit for approval, pause, resume,
 * end), and the editor at /partner/offers/new and /partner/offers/{id}. The editor's "Preview" re-renders the
 * form with the offer as the catalogue would show it (its own offer-item partial), saving nothing; "Save" goes
 * through OffersService like POST and PATCH /api/v1/partners/{id}/offers… (same checks, access and audit).
 */
@ApiTags('web')
@Controller('partner/offers')
export class PortalOffersController {
  constructor(
    private readonly offers: OffersService,
    private readonly outlets: OutletsService,
    private readonly page: PortalOffersPage,
    private readonly pageCsp: PageCsp,
  ) {}

  @AccountPageRoute('', 'The partner’s offers with their states and steps', [...MERCHANT_ROLES], {
    404: 'The account belongs to no partner',
  })
  async list(
    @CurrentActor() actor: Actor,
    @Query() query: PortalQueryDto,
    @Res() reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<void> {
    sendPage(
      reply,
      this.pageCsp.strict,
      200,
      await this.page.list(actor, query.lang, acceptLanguage, query.notice ?? null),
    );
  }

  /** One step of an offer's life, named by the `step` field. */
  @HttpCode(303)
  @FormRoute(':id/step', 'Done: the offers, saying so', {
    400: 'The offers again: no such step',
    409: 'The offers again: the offer cannot take that step now',
  })
  @Auth({ roles: OWNER })
  async step(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Record<string, unknown>,
    @Res() reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<void> {
    const lang = field(body, 'lang') || undefined;
    const step = field(body, 'step') as OfferAction;
    const { partner, language } = await this.page.context(actor, lang, acceptLanguage);
    if (!Object.hasOwn(STEPS, step))
      return sendPage(
        reply,
        this.pageCsp.strict,
        400,
        await this.page.list(actor, lang, acceptLanguage, null, 'actionRefused'),
      );
    try {
      await this.offers.act(actor, partner.id, id, step);
    } catch (error) {
      if (refusal(error)?.status !== 409) throw error;
      const key = (error as { problem: { type: string } }).problem.type.endsWith('partner-not-approved')
        ? 'notApproved'
        : 'actionRefused';
      return sendPage(
        reply,
        this.pageCsp.strict,
        409,
        await this.page.list(actor, lang, acceptLanguage, null, key),
      );
    }
    seeOther(reply, siteHref(OFFERS_PATH, { notice: STEPS[step], lang: language }));
  }

  @AccountPageRoute('new', 'The offer editor for a new offer', OWNER)
  async newForm(
    @CurrentActor() actor: Actor,
    @Query() query: PortalQueryDto,
    @Res() reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<void> {
    const c = await this.page.context(actor, query.lang, acceptLanguage);
    const outlets = await this.outlets.list(actor, c.partner.id);
    const form = newOfferForm(outlets.map((o) => o.id));
    const html = await this.page.editor(actor, c, { view: null, form, errors: {}, preview: null }, null);
    sendPage(reply, this.pageCsp.strict, 200, html);
  }

  @HttpCode(303)
  @FormRoute(
    'new',
    'Saved as a draft: the offer’s editor (a preview answers 200 with the editor, saving nothing)',
    {
      400: 'The editor again, with errors at its fields; nothing saved',
    },
  )
  @Auth({ roles: OWNER })
  async create(
    @CurrentActor() actor: Actor,
    @Body() body: Record<string, unknown>,
    @Res() reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<void> {
    const c = await this.page.context(actor, field(body, 'lang') || undefined, acceptLanguage);
    const form = readOfferForm(body, c.programme.languages);
    const read = offerBody(form, c.programme.languages, c.programme.currency, c.programme.timeZone);
    const errors = offerFormErrors(read, c.programme.languages);
    const again = async (status: number, found: FormErrors, preview: ReadOffer | null) =>
      sendPage(
        reply,
        this.pageCsp.strict,
        status,
        await this.page.editor(actor, c, { view: null, form, errors: found, preview }, null),
      );
    if (Object.keys(errors).length) return again(400, errors, null);
    if (field(body, 'intent') === 'preview') return again(200, {}, read);
    let created: OfferView;
    try {
      created = await this.offers.create(actor, c.partner.id, read.body);
    } catch (error) {
      const refused = refusal(error);
      if (!refused) throw error;
      return again(
        refused.status,
        placeOfferProblems(refused.problems, read.body, c.programme.languages),
        null,
      );
    }
    seeOther(reply, siteHref(`${OFFERS_PATH}/${created.offer.id}`, { notice: 'created', lang: c.language }));
  }

  @AccountPageRoute(':id', 'The offer editor with the preview of the stored offer', [...MERCHANT_ROLES], {
    404: 'No such offer of the partner',
  })
  async show(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: PortalQueryDto,
    @Res() reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<void> {
    const c = await this.page.context(actor, query.lang, acceptLanguage);
    const view = await this.offers.get(actor, c.partner.id, id);
    const form = offerFormValues(
      view.offer,
      view.outletIds,
      c.programme.languages,
      c.programme.currency,
      c.programme.timeZone,
    );
    const preview = offerBody(form, c.programme.languages, c.programme.currency, c.programme.timeZone);
    const html = await this.page.editor(actor, c, { view, form, errors: {}, preview }, query.notice ?? null);
    sendPage(reply, this.pageCsp.strict, 200, html);
  }

  @HttpCode(303)
  @FormRoute(':id', 'Saved: the offers, saying so (a preview answers 200 with the editor, saving nothing)', {
    400: 'The editor again, with errors at its fields; nothing saved',
    409: 'The editor again: the offer has ended',
  })
  @Auth({ roles: OWNER })
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Record<string, unknown>,
    @Res() reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<void> {
    const c = await this.page.context(actor, field(body, 'lang') || undefined, acceptLanguage);
    const view = await this.offers.get(actor, c.partner.id, id);
    const form = readOfferForm(body, c.programme.languages);
    const read = offerBody(form, c.programme.languages, c.programme.currency, c.programme.timeZone);
    const errors = offerFormErrors(read, c.programme.languages);
    const again = async (status: number, found: FormErrors, preview: ReadOffer | null) =>
      sendPage(
        reply,
        this.pageCsp.strict,
        status,
        await this.page.editor(actor, c, { view, form, errors: found, preview }, null),
      );
    if (view.offer.status === 'ended')
      return again(409, { [textField('title', c.programme.languages[0])]: 'offerEnded' }, null);
    if (Object.keys(errors).length) return again(400, errors, null);
    if (field(body, 'intent') === 'preview') return again(200, {}, read);
    try {
      await this.offers.update(actor, c.partner.id, id, read.body);
    } catch (error) {
      const refused = refusal(error);
      if (!refused) throw error;
      const found = placeOfferProblems(refused.problems, read.body, c.programme.languages);
      const key = refused.problems.length
        ? found
        : { [textField('title', c.programme.languages[0])]: 'offerEnded' };
      return again(refused.status, key, null);
    }
    seeOther(reply, siteHref(OFFERS_PATH, { notice: 'saved', lang: c.language }));
  }
}
