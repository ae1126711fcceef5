import { Injectable } from '@nestjs/common';
import type { AuditLogEntity } from '../../../audit/audit-log.entity';
import { formatCardNumber } from '../../../cards/card-number';
import { isLive } from '../../../cards/card-status';
import type { CardEntity } from '../../../cards/card.entity';
import type { ProgrammeEntity } from '../../../programmes/programme.entity';
import { fill, longDate, plural, type PluralForms } from '../../page-format';
import { type FieldErrors, formView } from '../../page-forms';
import { PageTexts, pageTemplate } from '../../page-texts';
import { layoutView, siteHref } from '../../site-layout';
import { consoleNav, type ConsolePageState } from '../console-nav';
import type { ConsoleMessages } from '../console-page';
import type { FamilyHit } from './console-family-search.service';
import type { FamilyRecord } from './console-family-view.service';
import {
  CARD_ACTION_REASONS,
  CARD_FIELDS,
  CARD_FORM_ACTIONS,
  type CardField,
  type CardFormAction,
  type SearchField,
} from './console-family-forms';

type Texts = Record<string, string>;

/**
 * The family and card pages' texts: `consoleFamilies` in templates/web/messages/console-families/<language>.json,
 * with the names of statuses, types and roles the other pages already have (`console`, `account`, `apply`).
 */
export interface FamiliesMessages extends ConsoleMessages {
  consoleFamilies: Texts & { results: PluralForms } & Record<
      'familyStatuses' | 'actions' | 'revokeReasons' | 'lossReasons' | 'notices' | 'historyActions',
      Texts
    >;
  account: Record<'types' | 'statuses', Texts>;
  apply: Record<'roles', Texts>;
  review: Record<'reasons', Texts>;
}

export interface SearchState extends ConsolePageState {
  /** What was searched for, and what was found (null before a search). */
  search: { form: Record<SearchField, string>; errors: FieldErrors<SearchField>; hits: FamilyHit[] | null };
}

export interface FamilyState extends ConsolePageState {
  record: FamilyRecord;
  /** Whether the user may change cards (the card API's roles). */
  canAct: boolean;
  notice: CardFormAction | null;
  cardForm?: { form: Partial<Record<CardField, string>>; errors: FieldErrors<CardField> };
}

export interface CardState extends ConsolePageState {
  card: CardEntity;
  replacedBy: CardEntity | null;
  history: AuditLogEntity[];
}

/** The family search at /console/families, a family at /console/families/{id} and a card at /console/cards/{id}. */
@Injectable()
export class ConsoleFamiliesPage {
  private readonly searchTemplate = pageTemplate('console-families.html.hbs');
  private readonly familyTemplate = pageTemplate('console-family.html.hbs');
  private readonly cardTemplate = pageTemplate('console-card.html.hbs');
  readonly texts = new PageTexts<FamiliesMessages>([
    'layout',
    'console',
    'signin',
    'consoleFamilies',
    'account',
    'apply',
    'review',
  ]);

  private common(s: ConsolePageState, path: string, title: string) {
    const lang = this.texts.speaks(s.language);
    const messages = this.texts.in(lang);
    return {
      layout: layoutView(this.texts, s.programme, {
        language: lang,
        path,
        params: {},
        title,
        current: 'console',
        stylesheets: ['/static/shared/console-families.css'],
      }),
      t: messages.consoleFamilies,
      signOut: messages.signin.signOut,
      language: lang,
      csrf: s.csrf,
      ...consoleNav(messages.console, lang, s.role, 'families'),
    };
  }

  search(s: SearchState): string {
    const lang = this.texts.speaks(s.language);
    const m = this.texts.in(lang);
    const t = m.consoleFamilies;
    const { hits } = s.search;
    return this.searchTemplate({
      ...this.common(s, '/console/families', t.searchTitle),
      view: formView(['q'], s.search.form, s.search.errors, t, { q: true }),
      results:
        hits === null
          ? null
          : {
              count: plural(t.results, hits.length, lang),
              none: fill(t.noResults, { query: s.search.form.q }),
              items: hits.map((h) => ({
                href: siteHref(`/console/families/${h.id}`, { lang }),
                names: h.names,
                members: h.members,
                status: t.familyStatuses[h.status] ?? h.status,
              })),
            },
    });
  }

  family(s: FamilyState): string {
    const lang = this.texts.speaks(s.language);
    const m = this.texts.in(lang);
    const t = m.consoleFamilies;
    const { family, members, applications, cards, history } = s.record;
    const tz = s.programme.timeZone;
    const names = [...new Set(members.map((p) => p.person.lastName))].join(', ');
    const title = fill(t.familyTitle, { names });
    const holders = new Map(cards.map((c) => [c.id, c]));
    const live = cards.filter((c) => isLive(c.status));
    const form = s.cardForm ?? { form: {}, errors: {} };
    return this.familyTemplate({
      ...this.common(s, `/console/families/${family.id}`, title),
      title,
      backHref: siteHref('/console/families', { lang }),
      notice: s.notice ? t.notices[s.notice] : null,
      status: t.familyStatuses[family.status] ?? family.status,
      address: [family.street, family.postalCode, family.city].filter(Boolean).join(', '),
      members: members.map((p) => ({
        name: `${p.person.firstName} ${p.person.lastName}`,
        role: m.apply.roles[p.person.role] ?? p.person.role,
        birthDate: p.person.birthDate,
        // Never the number itself: only whether the office holds one.
        nationalId: p.person.nationalIdCipher ? t.idOnFile : t.noId,
      })),
      applications: applications.map((a) => ({
        href: siteHref(`/console/review/${a.id}`, { lang }),
        number: a.number,
        type: m.account.types[a.type] ?? a.type,
        status: m.account.statuses[a.status] ?? a.status,
        sent: a.submittedAt ? longDate(a.submittedAt, lang, tz) : '',
      })),
      cards: cards.map((c) => this.cardRow(c, lang, m)),
      history: this.historyRows(
        history,
        lang,
        s.programme,
        holders,
        new Map(applications.map((a) => [a.id, a.number])),
      ),
      form:
        s.canAct && live.length > 0
          ? {
              action: `/console/families/${family.id}/cards`,
              view: formView(CARD_FIELDS, form.form, form.errors, t, { reason: true, note: true }),
              cards: live.map((c) => ({
                value: c.id,
                label: `${c.holderName}, ${formatCardNumber(c.number)} (${m.console.cardStatuses[c.status]})`,
                selected: c.id === form.form.card,
              })),
              actions: CARD_FORM_ACTIONS.map((value) => ({
                value,
                label: t.actions[value],
                checked: value === form.form.action,
              })),
              groups: (['revoke', 'report-lost'] as const).map((action) => ({
                label: t.actions[action],
                reasons: CARD_ACTION_REASONS[action].map((code) => ({
                  value: code,
                  label: (action === 'revoke' ? t.revokeReasons : t.lossReasons)[code] ?? code,
                  selected: action === form.form.action && code === form.form.reason,
                })),
              })),
              fee:
                s.programme.duplicateCardFee > 0
                  ? fill(t.waiveFee, { fee: money(s.programme.duplicateCardFee, s.programme.currency, lang) })
                  : null,
              waived: form.form.waiveFee === 'yes',
            }
          : null,
      readOnly: !s.canAct,
    });
  }

  card(s: CardState): string {
    const lang = this.texts.speaks(s.language);
    const m = this.texts.in(lang);
    const t = m.consoleFamilies;
    const { card } = s;
    const title = fill(t.cardTitle, { number: formatCardNumber(card.number) });
    const fee = card.feeAmount !== null ? money(card.feeAmount, s.programme.currency, lang) : null;
    const reasons: Texts = { ...t.revokeReasons, ...t.lossReasons };
    return this.cardTemplate({
      ...this.common(s, `/console/cards/${card.id}`, title),
      title,
      familyHref: siteHref(`/console/families/${card.familyId}`, { lang }),
      row: this.cardRow(card, lang, m),
      statusReason: card.statusReason ? (reasons[card.statusReason] ?? card.statusReason) : null,
      replacedBy: s.replacedBy
        ? {
            href: siteHref(`/console/cards/${s.replacedBy.id}`, { lang }),
            number: formatCardNumber(s.replacedBy.number),
          }
        : null,
      fee: fee === null ? null : fill(card.feeWaived ? t.feeWaived : t.feeDue, { fee }),
      history: this.historyRows(s.history, lang, s.programme, new Map([[card.id, card]]), new Map()),
    });
  }

  private cardRow(c: CardEntity, lang: string, m: FamiliesMessages) {
    const t = m.consoleFamilies;
    return {
      href: siteHref(`/console/cards/${c.id}`, { lang }),
      number: formatCardNumber(c.number),
      holder: c.holderName,
      role: m.apply.roles[c.role] ?? c.role,
      status: m.console.cardStatuses[c.status] ?? c.status,
      validUntil: c.validUntil ?? t.indefinite,
    };
  }

  /** Audit entries as a table: what happened, to what, by whom; the summary's reason and note when it has them. */
  private historyRows(
    entries: AuditLogEntity[],
    lang: string,
    programme: ProgrammeEntity,
    cards: Map<string, CardEntity>,
    applications: Map<string, string>,
  ) {
    const m = this.texts.in(lang);
    const t = m.consoleFamilies;
    // A summary's reason: a card's (revocation, loss) or an application decision's.
    const reasons: Texts = { ...m.review.reasons, ...t.revokeReasons, ...t.lossReasons };
    const at = new Intl.DateTimeFormat(lang, {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: programme.timeZone,
    });
    return entries.map((e) => {
      const card = e.entityId ? cards.get(e.entityId) : undefined;
      const application = e.entityId ? applications.get(e.entityId) : undefined;
      const summary = e.summary ?? {};
      const details = [
        typeof summary.reason === 'string' ? (reasons[summary.reason] ?? summary.reason) : null,
        typeof summary.note === 'string' ? summary.note : null,
        typeof summary.replacedBy === 'string'
          ? `${t.replacedBy}: ${formatNumber(summary.replacedBy)}`
          : null,
      ].filter(Boolean);
      return {
        at: at.format(e.at),
        datetime: e.at.toISOString(),
        who: e.actorLabel ?? (e.actorType === 'system' ? t.system : (e.actorId ?? '')),
        what: t.historyActions[e.action] ?? e.action,
        subject: card
          ? fill(t.cardSubject, { number: formatCardNumber(card.number) })
          : application
            ? fill(t.applicationSubject, { number: application })
            : e.entityType === 'family'
              ? t.theFamily
              : e.entityType,
        details: details.join('; '),
      };
    });
  }
}

/** An amount in minor units (grosze, cents) as `language` writes money. */
const money = (minor: number, currency: string, language: string): string =>
  new Intl.NumberFormat(language, { style: 'currency', currency }).format(minor / 100);

/** A card number from an audit summary, spaced when it is canonical. */
const formatNumber = (number: string): string => {
  try {
    return formatCardNumber(number);
  } catch {
    return number;
  }
};
