import { Injectable } from '@nestjs/common';
import type { Actor } from '../../auth/actor';
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
import { fill } from '../page-format';
import { siteHref } from '../site-layout';
import type { PortalNotice } from './dto/portal-query.dto';
import type { FormErrors } from './portal-fields';
import type { OfferForm, ReadOffer } from './portal-offer-form';
import { offerGroups, scheduleText } from './portal-offer-views';
import { OFFER_EDITOR_SCRIPT, PortalPages, summaryOf } from './portal-page';
import { offerPreview } from './portal-preview';

export const OFFERS_PATH = '/partner/offers';
/** The steps a merchant takes on the list (offer-state.ts), and what the list says after each. */
export const STEPS: Partial<Record<OfferAction, PortalNotice>> = {
  submit: 'submitted',
  pause: 'paused',
  resume: 'resumed',
  end: 'ended',
};
const LIST_LIMIT = 100;

export interface Context {
  partner: PartnerEntity;
  programme: ProgrammeEntity;
  language: string;
}

export interface EditorState {
  view: OfferView | null;
  form: OfferForm;
  errors: FormErrors;
  /** The checked input to preview; null: no preview. */
  preview: ReadOffer | null;
}

/** The partner portal's offer pages (templates/web/partner-portal-offers.html.hbs and -offer.html.hbs). */
@Injectable()
export class PortalOffersPage {
  constructor(
    private readonly programmes: ProgrammesService,
    private readonly partners: PartnersService,
    private readonly outlets: OutletsService,
    private readonly offers: OffersService,
    private readonly categories: CategoriesService,
    private readonly pages: PortalPages,
    private readonly csrf: PageCsrf,
  ) {}

  /** The signed-in merchant's partner, its programme and the page's language. */
  async context(actor: Actor, asked: string | undefined, acceptLanguage?: string): Promise<Context> {
    const partner = await this.partners.mine(actor);
    const programme = await this.programmes.get(partner.programmeId);
    return {
      partner,
      programme,
      language: pickLanguage(asked, acceptLanguage, this.pages.languagesFor(programme)),
    };
  }

  async list(
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

  async editor(actor: Actor, c: Context, state: EditorState, notice: PortalNotice | null): Promise<string> {
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
