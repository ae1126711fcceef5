import { Injectable } from '@nestjs/common';
import type { ApiKeyEntity } from '../../api-keys/api-key.entity';
import { fill } from '../page-format';
import { type FieldErrors, formView } from '../page-forms';
import { pageTemplate } from '../page-texts';
import { siteHref } from '../site-layout';
import { type PartnerPageState, PartnerTeamPages } from './team-common';
import { KEY_FIELDS, type KeyField } from './team-forms';

export interface KeysState extends PartnerPageState {
  keys: ApiKeyEntity[];
  notice?: 'revoked';
  create?: { form: Partial<Record<KeyField, string>>; errors: FieldErrors<KeyField> };
}

/** The partner's till API keys at /partner/keys with the form for a new one, and the page showing a new key once. */
@Injectable()
export class KeysPage {
  private readonly listTemplate = pageTemplate('partner-keys.html.hbs');
  private readonly createdTemplate = pageTemplate('partner-keys-created.html.hbs');

  constructor(readonly pages: PartnerTeamPages) {}

  private when(date: Date | null, lang: string, timeZone: string): string {
    return date
      ? new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date)
      : '';
  }

  list(s: KeysState): string {
    const lang = this.pages.texts.speaks(s.language);
    const t = this.pages.texts.in(lang).partnerKeys;
    const tz = s.programme.timeZone;
    const create = s.create ?? { form: {}, errors: {} };
    return this.listTemplate({
      ...this.pages.common(s, 'keys', t.title),
      t,
      notice: s.notice ? t.noticeRevoked : null,
      keys: s.keys.map((k) => ({
        name: k.name,
        prefix: k.prefix,
        scopes: k.scopes.map((scope) => t[`scope_${scope}`] ?? scope).join(', '),
        created: this.when(k.createdAt, lang, tz),
        lastUsed: this.when(k.lastUsedAt, lang, tz) || t.never,
        state: k.revokedAt
          ? fill(t.revokedOn, { date: this.when(k.revokedAt, lang, tz) })
          : k.expiresAt && k.expiresAt <= new Date()
            ? t.expired
            : t.active,
        revoke: k.revokedAt
          ? null
          : { action: `/partner/keys/${k.id}/revoke`, label: fill(t.revokeWho, { name: k.name }) },
      })),
      create: formView(KEY_FIELDS, create.form, create.errors, t, { name: true }),
      createAction: '/partner/keys',
    });
  }

  created(s: PartnerPageState, key: ApiKeyEntity, secret: string): string {
    const lang = this.pages.texts.speaks(s.language);
    const t = this.pages.texts.in(lang).partnerKeys;
    return this.createdTemplate({
      ...this.pages.common(s, 'keys', t.createdTitle),
      t,
      said: fill(t.createdText, { name: key.name }),
      secret,
      backHref: siteHref('/partner/keys', { lang }),
    });
  }
}
