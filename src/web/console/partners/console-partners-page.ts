import { Injectable } from '@nestjs/common';
import type { AuditLogEntity } from '../../../audit/audit-log.entity';
import { textIn } from '../../../common/language';
import type { OfferView } from '../../../offers/dto/offer.dto';
import { formatBenefit } from '../../../offers/offer-benefit';
import type { OutletEntity } from '../../../partners/outlet.entity';
import { nextPartnerStatus, type PartnerAction } from '../../../partners/partner-status';
import type { PartnerEntity } from '../../../partners/partner.entity';
import type { UserEntity } from '../../../users/user.entity';
import { webLink } from '../../catalogue-items';
import { fill, plural, type PluralForms } from '../../page-format';
import { PageTexts, pageTemplate } from '../../page-texts';
import { siteHref } from '../../site-layout';
import type { ConsolePageState } from '../console-nav';
import type { ConsoleMessages } from '../console-page';
import { PARTNER_DECISIONS, partnerReasonRequired, REASON_MAX } from './console-partners-forms';
import { consoleFrame, dateTime, pagination, reasonField } from './console-partners-view';
import { PARTNER_FILTERS, type PartnerFilter } from './dto/console-partners-query.dto';

type Texts = Record<string, string> & {
  found: PluralForms;
  statuses: Record<string, string>;
  offerStatuses: Record<string, string>;
  roles: Record<string, string>;
  kinds: Record<string, string>;
  actions: Record<string, string>;
  history: Record<string, string>;
  decisions: Record<PartnerAction, string>;
  decisionHints: Record<PartnerAction, string>;
  done: Record<PartnerAction, string>;
};

/** The partner pages' texts: `consolePartners` in templates/web/messages/console-partners/<language>.json. */
export interface PartnersMessages extends ConsoleMessages {
  signin: { signOut: string };
  consolePartners: Texts;
}

export const PARTNERS_PATH = '/console/partners';
export const PAGE_SIZE = 20;

export interface PartnerListState extends ConsolePageState {
  status: PartnerFilter;
  q: string;
  page: number;
  items: PartnerEntity[];
  total: number;
}

/** A decision form sent back: which one, what was typed, and the message key of what is wrong. */
export interface DecisionAgain {
  action: PartnerAction;
  reason: string;
  error: string;
}

export interface PartnerState extends ConsolePageState {
  partner: PartnerEntity;
  category: string;
  outlets: OutletEntity[];
  offers: OfferView[];
  offersTotal: number;
  accounts: UserEntity[];
  history: AuditLogEntity[];
  /** Whether the user takes decisions (partner staff), not only reads. */
  canDecide: boolean;
  notice?: PartnerAction;
  again?: DecisionAgain;
}

/** The partner list at /console/partners and one partner with its decision forms at /console/partners/{id}. */
@Injectable()
export class ConsolePartnersPage {
  private readonly listTemplate = pageTemplate('console-partners.html.hbs');
  private readonly partnerTemplate = pageTemplate('console-partner.html.hbs');
  readonly texts = new PageTexts<PartnersMessages>(['layout', 'console', 'signin', 'consolePartners']);

  list(s: PartnerListState): string {
    const lang = this.texts.speaks(s.language);
    const t = this.texts.in(lang).consolePartners;
    const filters = { status: s.status, q: s.q };
    const href = (page: number) =>
      siteHref(PARTNERS_PATH, { ...filters, page: page > 1 ? page : null, lang });
    const params = Object.fromEntries(
      Object.entries({ ...filters, page: s.page > 1 ? String(s.page) : '' }).filter(([, v]) => v),
    );
    return this.listTemplate({
      ...consoleFrame(this.texts, s, {
        path: PARTNERS_PATH,
        params,
        title: t.listTitle,
        section: 'partners',
      }),
      t,
      q: s.q,
      statuses: PARTNER_FILTERS.map((value) => ({
        value,
        label: value === 'all' ? t.allStatuses : t.statuses[value],
        selected: value === s.status,
      })),
      found: plural(t.found, s.total, lang),
      items: s.items.map((p) => ({
        href: siteHref(`${PARTNERS_PATH}/${p.id}`, { lang }),
        name: p.name,
        taxNumber: p.taxNumber,
        status: t.statuses[p.status] ?? p.status,
        registered: dateTime(p.createdAt, lang, s.programme.timeZone),
      })),
      pages: s.total > PAGE_SIZE ? pageLinks(t, pagination(s.page, s.total, PAGE_SIZE, href)) : null,
    });
  }

  partner(s: PartnerState): string {
    const lang = this.texts.speaks(s.language);
    const t = this.texts.in(lang).consolePartners;
    const { partner: p, programme } = s;
    const tz = programme.timeZone;
    const path = `${PARTNERS_PATH}/${p.id}`;
    return this.partnerTemplate({
      ...consoleFrame(this.texts, s, { path, title: p.name, section: 'partners' }),
      t,
      backHref: siteHref(PARTNERS_PATH, { lang }),
      notice: s.notice ? t.done[s.notice] : null,
      // A decision the status no longer allows: its form may be gone, so the page says it at the top.
      refused: s.again?.error === 'refused' ? t.refused : null,
      partner: {
        name: p.name,
        status: t.statuses[p.status] ?? p.status,
        statusReason: p.statusReason,
        taxNumber: p.taxNumber,
        category: s.category,
        description: textIn(p.description, lang, programme.languages) ?? '',
        website: webLink(p.website),
        contactName: p.contactName,
        contactEmail: p.contactEmail,
        contactPhone: p.contactPhone,
        agreement: fill(t.agreementAccepted, {
          version: p.agreementVersion,
          date: dateTime(p.agreementAcceptedAt, lang, tz),
        }),
        registered: dateTime(p.createdAt, lang, tz),
        approved: p.approvedAt ? dateTime(p.approvedAt, lang, tz) : null,
      },
      outlets: s.outlets.map((o) => ({
        name: o.name,
        kind: t.kinds[o.kind] ?? o.kind,
        where:
          o.kind === 'online'
            ? (o.url ?? '')
            : [o.street, [o.postalCode, o.city].filter(Boolean).join(' ')].filter(Boolean).join(', '),
      })),
      offers: s.offers.map(({ offer, currency }) => ({
        href: siteHref(`/console/offers/${offer.id}`, { lang }),
        title: textIn(offer.texts, lang, programme.languages)?.title ?? offer.ref,
        benefit: formatBenefit(offer.benefit, currency, lang),
        status: t.offerStatuses[offer.status] ?? offer.status,
        reason: offer.statusReason,
      })),
      moreOffers:
        s.offersTotal > s.offers.length ? fill(t.moreOffers, { n: s.offersTotal - s.offers.length }) : null,
      accounts: s.accounts.map((u) => ({
        name: u.displayName,
        role: t.roles[u.role] ?? u.role,
        state: u.disabled ? t.disabled : t.enabled,
      })),
      history: s.history.map((e) => ({
        at: dateTime(e.at, lang, tz),
        datetime: e.at.toISOString(),
        actor: e.actorLabel ?? t.history[e.actorType] ?? e.actorType,
        action: t.actions[e.action] ?? e.action,
        details: historyDetails(e, t),
      })),
      forms: s.canDecide ? this.forms(s, t) : [],
    });
  }

  /** One form for each decision the partner's status allows now (partner-status.ts). */
  private forms(s: PartnerState, t: Texts) {
    return PARTNER_DECISIONS.filter((action) => nextPartnerStatus(s.partner.status, action) !== null).map(
      (action) => {
        const again = s.again?.action === action ? s.again : null;
        const error = again && again.error !== 'refused' ? t[again.error] : null;
        return {
          action,
          title: t.decisions[action],
          hint: t.decisionHints[action],
          path: `${PARTNERS_PATH}/${s.partner.id}/${action}`,
          button: t.decisions[action],
          danger: action !== 'approve' && action !== 'reinstate',
          errors: error ? [{ field: `${action}-reason`, message: error }] : [],
          reason: partnerReasonRequired(action)
            ? reasonField(
                `${action}-reason`,
                again?.reason ?? '',
                error,
                true,
                fill(t.reasonHint, { max: REASON_MAX }),
              )
            : null,
        };
      },
    );
  }
}

/** What a history entry changed, in words: the move between statuses and the reason given. */
function historyDetails(e: AuditLogEntity, t: Texts): string {
  const s = e.summary ?? {};
  const status = (v: unknown) => (typeof v === 'string' ? (t.statuses[v] ?? v) : '');
  const parts: string[] = [];
  if (typeof s.from === 'string' && typeof s.to === 'string')
    parts.push(fill(t.history.moved, { from: status(s.from), to: status(s.to) }));
  if (typeof s.reason === 'string') parts.push(fill(t.history.reason, { reason: s.reason }));
  if (e.action === 'partner.update')
    parts.push(fill(t.history.changed, { fields: Object.keys(s).join(', ') }));
  return parts.join(' ');
}

/** The pagination partial's links and labels. */
export function pageLinks(
  t: Record<string, string>,
  p: { page: number; pages: number; previous: string | null; next: string | null },
) {
  return {
    label: t.pages,
    pageOf: fill(t.pageOf, { page: p.page, pages: p.pages }),
    previous: p.previous ? { href: p.previous, label: t.previous } : null,
    next: p.next ? { href: p.next, label: t.next } : null,
  };
}
