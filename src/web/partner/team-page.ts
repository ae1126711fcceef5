import { Injectable } from '@nestjs/common';
import type { UserEntity } from '../../users/user.entity';
import { fill } from '../page-format';
import { type FieldErrors, formView } from '../page-forms';
import { pageTemplate } from '../page-texts';
import { siteHref } from '../site-layout';
import { type PartnerPageState, PartnerTeamPages } from './team-common';
import { INVITE_FIELDS, type InviteField } from './team-forms';

export type TeamNotice = 'disabled' | 'enabled';

export interface TeamState extends PartnerPageState {
  accounts: UserEntity[];
  notice?: TeamNotice;
  invite?: { form: Partial<Record<InviteField, string>>; errors: FieldErrors<InviteField> };
}

/** The partner's accounts at /partner/team with the invite form, and the page that shows a first password once. */
@Injectable()
export class TeamPage {
  private readonly listTemplate = pageTemplate('partner-team.html.hbs');
  private readonly createdTemplate = pageTemplate('partner-team-created.html.hbs');

  constructor(readonly pages: PartnerTeamPages) {}

  list(s: TeamState): string {
    const t = this.pages.texts.in(s.language).partnerTeam;
    const lang = this.pages.texts.speaks(s.language);
    const invite = s.invite ?? { form: {}, errors: {} };
    return this.listTemplate({
      ...this.pages.common(s, 'team', t.title),
      t,
      notice: s.notice ? t[`notice_${s.notice}`] : null,
      accounts: s.accounts.map((u) => ({
        name: u.displayName,
        email: u.email,
        role: u.role === 'merchant_owner' ? t.roleOwner : t.roleCashier,
        status: u.disabled ? t.statusDisabled : t.statusActive,
        disabled: u.disabled,
        action:
          u.role === 'merchant_cashier'
            ? {
                href: `/partner/team/${u.id}/${u.disabled ? 'enable' : 'disable'}`,
                label: u.disabled ? t.enable : t.disable,
                name: fill(u.disabled ? t.enableWho : t.disableWho, { name: u.displayName }),
              }
            : null,
      })),
      invite: formView(INVITE_FIELDS, invite.form, invite.errors, t),
      inviteAction: '/partner/team',
      lang,
    });
  }

  created(s: PartnerPageState, user: UserEntity, password: string): string {
    const t = this.pages.texts.in(s.language).partnerTeam;
    const lang = this.pages.texts.speaks(s.language);
    return this.createdTemplate({
      ...this.pages.common(s, 'team', t.createdTitle),
      t,
      said: fill(t.createdText, { name: user.displayName, email: user.email }),
      password,
      backHref: siteHref('/partner/team', { lang }),
    });
  }
}
