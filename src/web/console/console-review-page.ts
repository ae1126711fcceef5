import { Injectable } from '@nestjs/common';
import { DECISION_REASONS } from '../../applications/application-state';
import type { DocumentEntity } from '../../applications/document.entity';
import type { ApplicationDetailDto } from '../../applications/dto/application.dto';
import type { ApplicationEntity } from '../../applications/application.entity';
import type { ConsoleMessages } from './console-page';
import { DECISION_FIELDS, DECISIONS, DecisionField } from './console-review-form';
import { fill, longDate } from '../page-format';
import { formView } from '../page-forms';
import { consoleNav, type ConsolePageState } from './console-nav';
import { PageTexts, pageTemplate } from '../page-texts';
import { layoutView, siteHref } from '../site-layout';
import { reasonView } from './families/eligibility-reasons';

/**
 * The review pages' texts: `console` and `review` in templates/web/messages/<language>.json, with the names of
 * application types, statuses, roles and document kinds the family pages already have (`account`, `apply`).
 */
export interface ReviewMessages extends ConsoleMessages {
  review: Record<string, string> & Record<'decisions' | 'reasons', Record<string, string>>;
  account: Record<'types' | 'statuses', Record<string, string>>;
  apply: Record<'roles' | 'kinds', Record<string, string>>;
}

type ReviewTexts = Record<string, string> &
  Record<'types' | 'statuses' | 'roles' | 'documentKinds' | 'decisions' | 'reasons', Record<string, string>>;

type Common = ConsolePageState;

export interface QueueState extends Common {
  items: ApplicationEntity[];
  nextCursor: string | null;
  notice: boolean;
}

export interface ApplicationState extends Common {
  app: ApplicationDetailDto;
  documents: DocumentEntity[];
  /** Whether the user may decide (case staff), and the application waits for a decision. */
  canDecide: boolean;
  decision?: { form: Record<string, string>; errors: Partial<Record<DecisionField, string>> };
}

/** The review queue at /console/review and one application at /console/review/{id}. */
@Injectable()
export class ConsoleReviewPage {
  private readonly queueTemplate = pageTemplate('console-review.html.hbs');
  private readonly applicationTemplate = pageTemplate('console-application.html.hbs');
  readonly texts = new PageTexts<ReviewMessages>([
    'layout',
    'console',
    'review',
    'signin',
    'account',
    'apply',
  ]);
  /** The engine's reasons by code (messages/console-families); a language without them shows the engine's English. */
  private readonly reasonTexts = new PageTexts<{ eligibilityReasons: Record<string, string> }>([
    'eligibilityReasons',
  ]);

  private reasonsIn(lang: string): Record<string, string> | undefined {
    return this.reasonTexts.languages().includes(lang)
      ? this.reasonTexts.in(lang).eligibilityReasons
      : undefined;
  }

  private textsIn(lang: string): ReviewTexts {
    const m = this.texts.in(lang);
    return {
      ...m.review,
      types: m.account.types,
      statuses: m.account.statuses,
      roles: m.apply.roles,
      documentKinds: m.apply.kinds,
    } as ReviewTexts;
  }

  private common(s: Common, path: string, title: string) {
    const lang = this.texts.speaks(s.language);
    const messages = this.texts.in(lang);
    return {
      layout: layoutView(this.texts, s.programme, {
        language: lang,
        path,
        params: {},
        title,
        current: 'console',
      }),
      t: this.textsIn(lang),
      signOut: messages.signin.signOut,
      language: lang,
      csrf: s.csrf,
      ...consoleNav(messages.console, lang, s.role, 'review'),
    };
  }

  queue(s: QueueState): string {
    const lang = this.texts.speaks(s.language);
    const t = this.textsIn(lang);
    const tz = s.programme.timeZone;
    return this.queueTemplate({
      ...this.common(s, '/console/review', t.queueTitle),
      notice: s.notice ? t.decided : null,
      items: s.items.map((a) => ({
        href: siteHref(`/console/review/${a.id}`, { lang }),
        number: a.number,
        names: a.familyNames,
        type: t.types[a.type] ?? a.type,
        status: t.statuses[a.status] ?? a.status,
        sent: a.submittedAt ? longDate(a.submittedAt, lang, tz) : '',
        overdue: a.decisionDueAt !== null && a.decisionDueAt < new Date(),
      })),
      nextHref: s.nextCursor ? siteHref('/console/review', { cursor: s.nextCursor, lang }) : null,
    });
  }

  application(s: ApplicationState): string {
    const lang = this.texts.speaks(s.language);
    const t = this.textsIn(lang);
    const { app } = s;
    const decisions = new Map((app.eligibility?.members ?? []).map((m) => [m.key, m]));
    const decision = s.decision ?? { form: {}, errors: {} };
    const reasons = this.reasonsIn(lang);
    const explain = (r: { code: string; message: string }) => reasonView(r, reasons, lang);
    return this.applicationTemplate({
      ...this.common(s, `/console/review/${app.id}`, fill(t.applicationTitle, { number: app.number })),
      title: fill(t.applicationTitle, { number: app.number }),
      backHref: siteHref('/console/review', { lang }),
      type: t.types[app.type] ?? app.type,
      status: t.statuses[app.status] ?? app.status,
      address: [app.street, app.postalCode, app.city].filter(Boolean).join(', '),
      members: app.members.map((m) => {
        const d = decisions.get(m.id);
        return {
          name: `${m.firstName} ${m.lastName}`,
          birthDate: m.birthDate,
          role: t.roles[m.role] ?? m.role,
          nationalId: m.nationalIdMasked ?? '',
          eligible: d ? (d.eligible ? t.yes : t.no) : '',
          reasons: (d?.reasons ?? []).map(explain),
        };
      }),
      eligibility: app.eligibility
        ? {
            verdict: app.eligibility.qualifies ? t.qualifies : t.doesNotQualify,
            date: app.eligibility.date,
            reasons: app.eligibility.reasons.map(explain),
          }
        : null,
      duplicates: (app.duplicates ?? []).length,
      documents: s.documents.map((d) => ({ kind: t.documentKinds[d.kind] ?? d.kind, fileName: d.fileName })),
      form: s.canDecide
        ? {
            action: `/console/review/${app.id}`,
            view: formView(DECISION_FIELDS, decision.form, decision.errors, t),
            decisions: DECISIONS.map((value) => ({
              value,
              label: t.decisions[value],
              checked: value === decision.form.decision,
            })),
            groups: DECISIONS.map((value) => ({
              label: t.decisions[value],
              reasons: DECISION_REASONS[value].map((code) => ({
                value: code,
                label: t.reasons[code] ?? code,
                selected: code === decision.form.reason,
              })),
            })),
          }
        : null,
    });
  }
}
