import { Injectable } from '@nestjs/common';
import type { AuditLogEntity } from '../../audit/audit-log.entity';
import { consoleNav, type ConsolePageState } from './console-nav';
import type { ConsoleMessages } from './console-page';
import { PageTexts, pageTemplate } from '../page-texts';
import { layoutView, siteHref } from '../site-layout';

/** The audit viewer's texts: `console` and `audit` in templates/web/messages/<language>.json. */
export interface AuditMessages extends ConsoleMessages {
  audit: Record<string, string>;
}

export const AUDIT_FILTERS = ['action', 'entityType', 'actorId'] as const;
/** The longest each filter may be, as ConsoleAuditQueryDto takes it. */
const MAX_LENGTH = { action: 64, entityType: 32, actorId: 64 };
export type AuditFilters = Partial<Record<(typeof AUDIT_FILTERS)[number], string>>;

export interface AuditState extends ConsolePageState {
  filters: AuditFilters;
  items: AuditLogEntity[];
  nextCursor: string | null;
}

/** The audit-log viewer at /console/audit (templates/web/console-audit.html.hbs): read-only, newest first. */
@Injectable()
export class ConsoleAuditPage {
  private readonly template = pageTemplate('console-audit.html.hbs');
  readonly texts = new PageTexts<AuditMessages>(['layout', 'console', 'audit', 'signin']);

  render(s: AuditState): string {
    const lang = this.texts.speaks(s.language);
    const messages = this.texts.in(lang);
    const t = messages.audit;
    const at = new Intl.DateTimeFormat(lang, {
      dateStyle: 'medium',
      timeStyle: 'medium',
      timeZone: s.programme.timeZone,
    });
    return this.template({
      layout: layoutView(this.texts, s.programme, {
        language: lang,
        path: '/console/audit',
        params: Object.fromEntries(Object.entries(s.filters).filter(([, v]) => v)) as Record<string, string>,
        title: t.title,
        current: 'console',
      }),
      t,
      signOut: messages.signin.signOut,
      language: lang,
      csrf: s.csrf,
      ...consoleNav(messages.console, lang, s.role, 'audit'),
      filters: AUDIT_FILTERS.map((name) => ({
        name,
        label: t[name],
        value: s.filters[name] ?? '',
        max: MAX_LENGTH[name],
      })),
      items: s.items.map((e) => ({
        at: at.format(e.at),
        datetime: e.at.toISOString(),
        actor: e.actorLabel ?? e.actorId ?? t[e.actorType] ?? e.actorType,
        action: e.action,
        entity: e.entityId ? `${e.entityType} ${e.entityId}` : e.entityType,
        summary: e.summary ? JSON.stringify(e.summary) : '',
      })),
      nextHref: s.nextCursor
        ? siteHref('/console/audit', { ...s.filters, cursor: s.nextCursor, lang })
        : null,
    });
  }
}
