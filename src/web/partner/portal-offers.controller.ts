import { Body, Controller, Headers, HttpCode, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../../auth/actor';
import { MERCHANT_ROLES } from '../../auth/roles';
import { Auth } from '../../common/decorators/auth.decorator';
import { CurrentActor } from '../../common/decorators/current-actor.decorator';
import { pickLanguage, textIn } from '../../common/language';
import type { OfferQueryDto, OfferView } from '../../offers/dto/offer.dto';
import { formatBenefit } from '../../offers/offer-benefit';
import { OFFER_ACTIONS, OfferAction } from '../../offers/offer-state';
import { OffersService } from '../../offers/offers.service';
import { CategoriesService } from '../../partners/categories/categories.service';
import { OutletsService } from '../../partners/outlets.service';
import type { PartnerEntity } from '../../partners/partner.entity';
import { PartnersService } from '../../partners/partners.service';
import type { ProgrammeEntity } from '../../programmes/programme.entity';
import { ProgrammesService } from '../../programmes/programmes.service';
import { CatalogueContext } from '../catalogue-items';
import { PageCsrf } from '../page-csrf';
import { field } from '../page-forms';
import { fill } from '../page-format';
import { seeOther, sendPage } from '../page-reply';
import { AccountPageRoute, FormRoute } from '../page-route.decorator';
import { siteHref } from '../site-layout';
import { PortalNotice, PortalQueryDto } from './dto/portal-query.dto';
import { FormErrors, refusal } from './portal-fields';
import {
  newOfferForm,
  OfferForm,
  offerBody,
  offerFormErrors,
  offerFormValues,
  placeOfferProblems,
  readOfferForm,
  ReadOffer,
  textField,
} from './portal-offer-form';
import { offerGroups, scheduleText } from './portal-offer-views';
import { OFFER_EDITOR_SCRIPT, PortalPages, summaryOf } from './portal-page';
import { offerPreview } from './portal-preview';
import { PageCsp } from '../page-csp';

export const OFFERS_PATH = '/partner/offers';
const OWNER = ['merchant_owner' as const];
/** The steps a merchant takes on the list (offer-state.ts), and what the list says after each. */
const STEPS: Partial<Record<OfferAction, PortalNotice>> = {
  submit: 'submitted',
  pause: 'paused',
  resume: 'resumed',
  end: 'ended',
};
const LIST_LIMIT = 100;

interface Context {
  partner: PartnerEntity;
  programme: ProgrammeEntity;
  language: string;
}

interface EditorState {
  view: OfferView | null;
  form: OfferForm;
  errors: FormErrors;
  /** The checked input to preview; null: no preview. */
  preview: ReadOffer | null;
}

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
    private readonly programmes: ProgrammesService,
    private readonly partners: PartnersService,
    private readonly outlets: OutletsService,
    private readonly offers: OffersService,
    private readonly categories: CategoriesService,
    private readonly pages: PortalPages,
    private readonly csrf: PageCsrf,
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
      await this.listPage(actor, query.lang, acceptLanguage, query.notice ?? null),
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
    const { partner, language } = await this.context(actor, lang, acceptLanguage);
    if (!Object.hasOwn(STEPS, step))
      return sendPage(
        reply,
        this.pageCsp.strict,
        400,
        await this.listPage(actor, lang, acceptLanguage, null, 'actionRefused'),
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
        await this.listPage(actor, lang, acceptLanguage, null, key),
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
    const c = await this.context(actor, query.lang, acceptLanguage);
    const outlets = await this.outlets.list(actor, c.partner.id);
    const form = newOfferForm(outlets.map((o) => o.id));
    const html = await this.editor(actor, c, { view: null, form, errors: {}, preview: null }, null);
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
    const c = await this.context(actor, field(body, 'lang') || undefined, acceptLanguage);
    const form = readOfferForm(body, c.programme.languages);
    const read = offerBody(form, c.programme.languages, c.programme.currency, c.programme.timeZone);
    const errors = offerFormErrors(read, c.programme.languages);
    const again = async (status: number, found: FormErrors, preview: ReadOffer | null) =>
      sendPage(
        reply,
        this.pageCsp.strict,
        status,
        await this.editor(actor, c, { view: null, form, errors: found, preview }, null),
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
    const c = await this.context(actor, query.lang, acceptLanguage);
    const view = await this.offers.get(actor, c.partner.id, id);
    const form = offerFormValues(
      view.offer,
      view.outletIds,
      c.programme.languages,
      c.programme.currency,
      c.programme.timeZone,
    );
    const preview = offerBody(form, c.programme.languages, c.programme.currency, c.programme.timeZone);
    const html = await this.editor(actor, c, { view, form, errors: {}, preview }, query.notice ?? null);
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
    const c = await this.context(actor, field(body, 'lang') || undefined, acceptLanguage);
    const view = await this.offers.get(actor, c.partner.id, id);
    const form = readOfferForm(body, c.programme.languages);
    const read = offerBody(form, c.programme.languages, c.programme.currency, c.programme.timeZone);
    const errors = offerFormErrors(read, c.programme.languages);
    const again = async (status: number, found: FormErrors, preview: ReadOffer | null) =>
      sendPage(
        reply,
        this.pageCsp.strict,
        status,
        await this.editor(actor, c, { view, form, errors: found, preview }, null),
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

  private async context(actor: Actor, asked: string | undefined, acceptLanguage?: string): Promise<Context> {
    const partner = await this.partners.mine(actor);
    const programme = await this.programmes.get(partner.programmeId);
    return {
      partner,
      programme,
      language: pickLanguage(asked, acceptLanguage, this.pages.languagesFor(programme)),
    };
  }

  private async listPage(
    actor: Actor,
    asked: string | undefined,
    acceptLanguage: string | undefined,
    notice: PortalNotice | null,
    error: string | null = null,
  ): Promise<string> {
    const { partner, programme, language } = await this.context(actor, asked, acceptLanguage);
    const t = this.pages.t(language);
    const { items } = await this.offers.list(actor, partner.id, {
      limit: LIST_LIMIT,
      offset: 0,
    } as OfferQueryDto);
    const owner = actor.role === 'merchant_owner';
    return this.pages.render(
      'partner-portal-offers.html.hbs',
      { programme, language, csrf: this.csrf.forSession(actor), role: actor.role },
      { path: OFFERS_PATH, title: t.offersTitle, section: 'offers' },
      {
        notice: notice ? t.notices[notice] : null,
        error: error ? t.errors[error] : null,
        owner,
        notApproved: partner.status !== 'approved',
        newHref: siteHref(`${OFFERS_PATH}/new`, { lang: language }),
        offers: items.map(({ offer }) => {
          const title = textIn(offer.texts, language, programme.languages)?.title ?? offer.ref;
          return {
            id: offer.id,
            title,
            href: siteHref(`${OFFERS_PATH}/${offer.id}`, { lang: language }),
            benefit: formatBenefit(offer.benefit, programme.currency, language),
            when: scheduleText(offer.schedule, t, language, programme.timeZone),
            status: t.offerStatuses[offer.status],
            reason: offer.statusReason ? fill(t.reason, { reason: offer.statusReason }) : null,
            steps: owner
              ? (Object.keys(STEPS) as OfferAction[])
                  .filter((step) => (OFFER_ACTIONS[step].from as readonly string[]).includes(offer.status))
                  .map((step) => ({
                    step,
                    label: t.actions[step],
                    action: `${OFFERS_PATH}/${offer.id}/step`,
                  }))
              : [],
          };
        }),
      },
    );
  }

  private async editor(
    actor: Actor,
    c: Context,
    state: EditorState,
    notice: PortalNotice | null,
  ): Promise<string> {
    const { programme, partner, language } = c;
    const t = this.pages.t(language);
    const outlets = await this.outlets.list(actor, partner.id);
    const offer = state.view?.offer ?? null;
    const owner = actor.role === 'merchant_owner';
    const editable = owner && offer?.status !== 'ended';
    const groups = offerGroups(t, programme, language, outlets, state.form, state.errors, !editable);
    const title = offer
      ? fill(t.offerTitle, { title: textIn(offer.texts, language, programme.languages)?.title ?? offer.ref })
      : t.newOfferTitle;
    const path = offer ? `${OFFERS_PATH}/${offer.id}` : `${OFFERS_PATH}/new`;
    return this.pages.render(
      'partner-portal-offer.html.hbs',
      { programme, language, csrf: this.csrf.forSession(actor), role: actor.role },
      { path, title, section: 'offers', scripts: editable ? [OFFER_EDITOR_SCRIPT] : [] },
      {
        heading: title,
        notice: notice ? t.notices[notice] : null,
        status: offer ? fill(t.offerStatus, { status: t.offerStatuses[offer.status] }) : null,
        reason: offer?.statusReason ? fill(t.reason, { reason: offer.statusReason }) : null,
        ended: offer?.status === 'ended',
        editable,
        readOnly: !owner,
        editsNeedApproval:
          !!offer && programme.offerEditsNeedApproval && ['published', 'paused'].includes(offer.status),
        action: path,
        submitLabel: offer ? t.saveSubmit : t.createSubmit,
        groups,
        errors: summaryOf(groups),
        backHref: siteHref(OFFERS_PATH, { lang: language }),
        preview: state.preview
          ? await this.preview(state.preview, c, outlets, offer?.id ?? null, offer?.categoryId)
          : null,
      },
    );
  }

  private async preview(
    read: ReadOffer,
    { programme, partner, language }: Context,
    outlets: Awaited<ReturnType<OutletsService['list']>>,
    id: string | null,
    categoryId: string | undefined,
  ) {
    const lang = this.pages.texts.speaks(language);
    const categories = await this.categories.list(programme.id);
    const c: CatalogueContext = {
      t: this.pages.texts.in(lang).catalogue,
      language: lang,
      timeZone: programme.timeZone,
      categories: new Map(
        categories.map((k) => [k.slug, textIn(k.names, lang, programme.languages) ?? k.slug]),
      ),
    };
    const slug = categories.find((k) => k.id === (categoryId ?? partner.categoryId))?.slug ?? '';
    return {
      ...offerPreview(read.body, { c, programme, partner, categorySlug: slug, outlets, id }),
      labels: c.t,
    };
  }
}
