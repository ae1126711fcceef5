import { Injectable } from '@nestjs/common';
import { isEditable, isOpen } from '../applications/application-state';
import type { CardEntity } from '../cards/card.entity';
import { isLive, LOSS_REASONS } from '../cards/card-status';
import { ProblemException } from '../common/problem/problem.exception';
import type { ProgrammeEntity } from '../programmes/programme.entity';
import type { AccountApplication } from './family-account.service';
import { fill, longDate } from './page-format';
import { formView } from './page-forms';
import { PageTexts, pageTemplate } from './page-texts';
import { layoutView, LayoutMessages, siteHref } from './site-layout';

type Texts = Record<string, string> &
  Record<'types' | 'statuses' | 'cardStatuses' | 'reasons', Record<string, string>>;

/** The account page's texts: `account` in templates/web/messages/<language>.json, with `signin` (sign out). */
export interface AccountMessages extends LayoutMessages {
  account: Texts;
  signin: Record<string, string>;
}

export const ACCOUNT_NOTICES = ['lostReported', 'newbornReported', 'educationReported'] as const;
export type AccountNotice = (typeof ACCOUNT_NOTICES)[number];
export const LOST_FIELDS = ['card', 'reason', 'confirm'] as const;
const NEWBORN_FIELDS = ['childFirstName', 'childLastName', 'childBirthDate', 'childNationalId'] as const;
const EDUCATION_FIELDS = ['educationMember', 'educationEnd', 'educationInstitution'] as const;

/** What one of the page's forms sent and what is wrong with it, to show it again. */
export interface FormAgain {
  form: Record<string, string>;
  errors: Record<string, string>;
}

/** A card number as the page shows it: only its last four digits, the rest hidden (it is shown on the card). */
export const maskedCardNumber = (number: string): string => `•••• ${number.replace(/\D/g, '').slice(-4)}`;

/**
 * The applications service's refusal of a request filed from the account page, at the form's fields: a 409 (one
 * like it is open, the family changed) at `first`; a 400's fields by their last name (`members[0].nationalId` →
 * `fields.nationalId`). null for anything else (rethrown).
 */
export function refusalAt(
  error: unknown,
  fields: Record<string, string>,
  first: string,
): { status: number; errors: Record<string, string> } | null {
  if (!(error instanceof ProblemException)) return null;
  const { status } = error.problem;
  if (status === 409) return { status, errors: { [first]: 'requestRefused' } };
  if (status !== 400) return null;
  const errors: Record<string, string> = {};
  for (const e of error.problem.errors ?? []) {
    const name = /(\w+)$/.exec(e.field)?.[1] ?? '';
    errors[fields[name] ?? first] ??= name === 'nationalId' ? 'nationalIdInvalid' : 'invalid';
  }
  return { status, errors: Object.keys(errors).length ? errors : { [first]: 'invalid' } };
}

/** A calendar day (YYYY-MM-DD) as `language` writes it; noon UTC keeps it the same day in every zone. */
const day = (iso: string, language: string) => longDate(new Date(`${iso}T12:00:00Z`), language, 'UTC');

export interface AccountState {
  programme: ProgrammeEntity;
  language: string;
  csrf: string;
  applications: AccountApplication[];
  cards: CardEntity[];
  familyId: string | null;
  notice: AccountNotice | null;
  /** The family's children (education extensions): id and name. */
  children: { id: string; name: string }[];
  lost?: FormAgain;
  newborn?: FormAgain;
  education?: FormAgain;
}

/** The family account at /account (templates/web/account.html.hbs). */
@Injectable()
export class AccountPage {
  private readonly template = pageTemplate('account.html.hbs');
  readonly texts = new PageTexts<AccountMessages>(['layout', 'account', 'signin']);

  render(s: AccountState): string {
    const lang = this.texts.speaks(s.language);
    const t = this.texts.in(lang).account;
    const live = s.cards.filter((c) => isLive(c.status));
    const lost = s.lost ?? { form: {}, errors: {} };
    const newborn = s.newborn ?? { form: {}, errors: {} };
    const education = s.education ?? { form: {}, errors: {} };
    const open = s.applications.find((a) => a.app.type === 'new_family' && isEditable(a.app.status));
    return this.template({
      layout: layoutView(this.texts, s.programme, {
        language: lang,
        path: '/account',
        params: {},
        title: t.title,
        current: 'account',
      }),
      t,
      signOut: this.texts.in(lang).signin.signOut,
      language: lang,
      csrf: s.csrf,
      notice: s.notice ? t[s.notice] : null,
      applyHref: siteHref('/apply', { lang }),
      applyLabel: open ? t.continue : t.apply,
      // An enrolled family applies for changes at the office (see `notYet`); a sent application is waited for.
      canApply: !s.familyId && !s.applications.some((a) => isOpen(a.app.status) && !isEditable(a.app.status)),
      applications: s.applications.map(({ app, events }) => ({
        title: fill(t.application, { number: app.number }),
        type: t.types[app.type] ?? app.type,
        status: t.statuses[app.status] ?? app.status,
        timelineLabel: fill(t.timeline, { number: app.number }),
        events: events.map((e) => ({
          at: longDate(e.at, lang, s.programme.timeZone),
          datetime: e.at.toISOString(),
          status: t.statuses[e.toStatus] ?? e.toStatus,
          message: e.message,
        })),
      })),
      cards: s.cards.map((c) => ({
        holder: c.holderName,
        number: maskedCardNumber(c.number),
        validUntil: c.validUntil ? day(c.validUntil, lang) : t.indefinite,
        status: t.cardStatuses[c.status] ?? c.status,
        pdfHref: isLive(c.status) ? `/api/v1/cards/${c.id}/pdf?language=${lang}` : null,
        pdfLabel: fill(t.pdfOf, { name: c.holderName }),
      })),
      allPdfHref:
        s.familyId && live.length ? `/api/v1/families/${s.familyId}/cards/pdf?language=${lang}` : null,
      walletHref: siteHref('/family/wallet', { lang }),
      exportHref: '/api/v1/families/mine/export',
      lost: live.length
        ? {
            form: formView(LOST_FIELDS, lost.form, lost.errors, t),
            cards: live.map((c) => ({
              value: c.id,
              label: `${c.holderName} (${maskedCardNumber(c.number)})`,
              selected: c.id === lost.form.card,
            })),
            reasons: LOSS_REASONS.map((value) => ({
              value,
              label: t.reasons[value],
              checked: value === lost.form.reason,
            })),
            confirmed: lost.form.confirm === 'yes',
          }
        : null,
      // Changes to an enrolled family: a new child, a child's education.
      newborn: s.familyId
        ? { form: formView(NEWBORN_FIELDS, newborn.form, newborn.errors, t, { childBirthDate: true }) }
        : null,
      education:
        s.familyId && s.children.length
          ? {
              form: formView(EDUCATION_FIELDS, education.form, education.errors, t, { educationEnd: true }),
              children: s.children.map((c) => ({
                value: c.id,
                label: c.name,
                selected: c.id === education.form.educationMember,
              })),
            }
          : null,
    });
  }
}
