import { Injectable } from '@nestjs/common';
import { CatalogueView } from '../../../catalogue/catalogue-view';
import { textIn } from '../../../common/language';
import type { OfferView } from '../../../offers/dto/offer.dto';
import { formatBenefit } from '../../../offers/offer-benefit';
import { LIMIT_FIELDS, type OfferLimits } from '../../../offers/offer-limits';
import type { OfferSchedule } from '../../../offers/offer-schedule';
import { nextOfferStatus } from '../../../offers/offer-state';
import type { CategoryEntity } from '../../../partners/categories/category.entity';
import type { OutletEntity } from '../../../partners/outlet.entity';
import type { PartnerEntity } from '../../../partners/partner.entity';
import {
  audienceText,
  type CatalogueContext,
  type CatalogueMessages,
  familySizeText,
  offerItem,
  outletsView,
} from '../../catalogue-items';
import { fill, longDate, plural, type PluralForms } from '../../page-format';
import { PageTexts, pageTemplate } from '../../page-texts';
import { siteHref } from '../../site-layout';
import type { ConsolePageState } from '../console-nav';
import type { ConsoleMessages } from '../console-page';
import {
  OFFER_DECISIONS,
  type OfferDecision,
  offerReasonRequired,
  REASON_MAX,
} from './console-partners-forms';
import { consoleFrame, dateTime, pagination, reasonField } from './console-partners-view';
import { pageLinks, PAGE_SIZE, PARTNERS_PATH } from './console-partners-page';

type Texts = Record<string, string> & {
  found: PluralForms;
  kinds: Record<OfferSchedule['kind'], string>;
  limits: Record<(typeof LIMIT_FIELDS)[number], string>;
  decisions: Record<OfferDecision, string>;
  decisionHints: Record<OfferDecision, string>;
  done: Record<OfferDecision, string>;
};

/** The moderation pages' texts: `consoleOffers`, the offer states of `consolePartners`, and the catalogue's. */
export interface OffersMessages extends ConsoleMessages, CatalogueMessages {
  signin: { signOut: string };
  consoleOffers: Texts;
  consolePartners: { offerStatuses: Record<string, string> };
}

export const OFFERS_PATH = '/console/offers';

export interface OfferQueueState extends ConsolePageState {
  page: number;
  items: OfferView[];
  total: number;
  partnerNames: Map<string, string>;
  notice?: OfferDecision;
}

export interface OfferState extends ConsolePageState {
  view: OfferView;
  partner: PartnerEntity;
  outlets: OutletEntity[];
  categories: CategoryEntity[];
  canDecide: boolean;
  again?: { action: OfferDecision; reason: string; error: string };
}

/** The offer moderation queue at /console/offers and one offer at /console/offers/{id}. */
@Injectable()
export class ConsoleOffersPage {
  private readonly queueTemplate = pageTemplate('console-offers.html.hbs');
  private readonly offerTemplate = pageTemplate('console-offer.html.hbs');
  readonly texts = new PageTexts<OffersMessages>([
    'layout',
    'console',
    'signin',
    'catalogue',
    'consolePartners',
    'consoleOffers',
  ]);

  queue(s: OfferQueueState): string {
    const lang = this.texts.speaks(s.language);
    const t = this.texts.in(lang).consoleOffers;
    const href = (page: number) => siteHref(OFFERS_PATH, { page: page > 1 ? page : null, lang });
    return this.queueTemplate({
      ...consoleFrame(this.texts, s, {
        path: OFFERS_PATH,
        params: s.page > 1 ? { page: String(s.page) } : {},
        title: t.queueTitle,
        section: 'offers',
      }),
      t,
      notice: s.notice ? t.done[s.notice] : null,
      found: plural(t.found, s.total, lang),
      items: s.items.map(({ offer, currency }) => ({
        href: siteHref(`${OFFERS_PATH}/${offer.id}`, { lang }),
        title: textIn(offer.texts, lang, s.programme.languages)?.title ?? offer.ref,
        partner: s.partnerNames.get(offer.partnerId) ?? '',
        partnerHref: siteHref(`${PARTNERS_PATH}/${offer.partnerId}`, { lang }),
        benefit: formatBenefit(offer.benefit, currency, lang),
        since: dateTime(offer.updatedAt, lang, s.programme.timeZone),
      })),
      pages: s.total > PAGE_SIZE ? pageLinks(t, pagination(s.page, s.total, PAGE_SIZE, href)) : null,
    });
  }

  offer(s: OfferState): string {
    const lang = this.texts.speaks(s.language);
    const messages = this.texts.in(lang);
    const t = messages.consoleOffers;
    const { offer } = s.view;
    const { programme } = s;
    const now = new Date();
    const catalogue = new CatalogueView(programme, lang, now);
    const category = s.categories.find((c) => c.id === offer.categoryId);
    // The catalogue's own entry: what families will see once it is published.
    const entry = catalogue.offer({ ...offer, partner: s.partner, category } as typeof offer);
    const context: CatalogueContext = {
      t: messages.catalogue,
      language: lang,
      timeZone: programme.timeZone,
      categories: new Map(
        s.categories.map((c) => [c.slug, textIn(c.names, lang, programme.languages) ?? c.slug]),
      ),
    };
    const outlets = s.outlets.filter((o) => s.view.outletIds.includes(o.id)).map((o) => catalogue.outlet(o));
    const title = entry.title || offer.ref;
    return this.offerTemplate({
      ...consoleFrame(this.texts, s, { path: `${OFFERS_PATH}/${offer.id}`, title, section: 'offers' }),
      t,
      labels: messages.catalogue,
      title,
      backHref: siteHref(OFFERS_PATH, { lang }),
      // A decision the offer's (or partner's) status does not allow: its form may be gone, so it is said at the top.
      refused: s.again && !s.again.error.startsWith('reason') ? t[s.again.error] : null,
      // Not in the catalogue yet: its links lead to the console's pages.
      preview: {
        ...offerItem(entry, context),
        href: siteHref(`${OFFERS_PATH}/${offer.id}`, { lang }),
        partnerHref: siteHref(`${PARTNERS_PATH}/${offer.partnerId}`, { lang }),
      },
      description: entry.description,
      terms: entry.terms,
      status: messages.consolePartners.offerStatuses[offer.status] ?? offer.status,
      statusReason: offer.statusReason,
      ref: offer.ref,
      partner: { name: s.partner.name, href: siteHref(`${PARTNERS_PATH}/${offer.partnerId}`, { lang }) },
      audience: audienceText(offer.audience, messages.catalogue),
      familySize: familySizeText(offer.minFamilySize, context),
      limits: limitsText(offer.limits, t),
      kind: t.kinds[offer.schedule.kind],
      dates: scheduleText(offer.schedule, t, lang, programme.timeZone),
      online: offer.online ? t.yes : t.no,
      created: dateTime(offer.createdAt, lang, programme.timeZone),
      updated: dateTime(offer.updatedAt, lang, programme.timeZone),
      ...outletsView(outlets),
      forms: s.canDecide ? this.forms(s, t) : [],
    });
  }

  /** The decisions the offer's status allows staff now (offer-state.ts). */
  private forms(s: OfferState, t: Texts) {
    const { offer } = s.view;
    return OFFER_DECISIONS.filter((action) => nextOfferStatus(offer.status, action, 'staff') !== null).map(
      (action) => {
        const again = s.again?.action === action ? s.again : null;
        const fieldError = again && again.error.startsWith('reason') ? t[again.error] : null;
        return {
          action,
          title: t.decisions[action],
          hint: t.decisionHints[action],
          path: `${OFFERS_PATH}/${offer.id}/${action}`,
          button: t.decisions[action],
          danger: action === 'reject',
          errors: fieldError ? [{ field: `${action}-reason`, message: fieldError }] : [],
          reason: offerReasonRequired(action)
            ? reasonField(
                `${action}-reason`,
                again?.reason ?? '',
                fieldError,
                true,
                fill(t.reasonHint, { max: REASON_MAX }),
              )
            : null,
        };
      },
    );
  }
}

/** The usage limits in words, or the text saying there are none. */
function limitsText(limits: OfferLimits, t: Texts): string[] {
  const set = LIMIT_FIELDS.filter((f) => limits[f] !== undefined).map((f) =>
    fill(t.limits[f], { n: limits[f]! }),
  );
  return set.length ? set : [t.noLimits];
}

/** When the offer holds: calendar days in the programme's zone, yearly days, or an event's instants. */
function scheduleText(s: OfferSchedule, t: Texts, lang: string, timeZone: string): string {
  const day = (iso: string) => longDate(new Date(`${iso}T12:00:00Z`), lang, 'UTC');
  const monthDay = (md: string) =>
    new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(
      new Date(`2000-${md}T12:00:00Z`),
    );
  switch (s.kind) {
    case 'permanent':
      return t.always;
    case 'temporary':
      return fill(t.between, { from: day(s.startsOn), to: day(s.endsOn) });
    case 'seasonal':
      return fill(t.everyYear, { from: monthDay(s.fromMonthDay), to: monthDay(s.toMonthDay) });
    case 'occasional':
      return fill(t.between, {
        from: dateTime(new Date(s.startsAt), lang, timeZone),
        to: dateTime(new Date(s.endsAt), lang, timeZone),
      });
  }
}
