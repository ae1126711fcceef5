import { Injectable, NotFoundException } from '@nestjs/common';
import type { Actor } from '../../auth/actor';
import type { Role } from '../../auth/roles';
import { pickLanguage } from '../../common/language';
import { ownPartnerId } from '../../partners/partner-access';
import type { ProgrammeEntity } from '../../programmes/programme.entity';
import { ProgrammesService } from '../../programmes/programmes.service';
import { PageCsrf } from '../page-csrf';
import { PageTexts } from '../page-texts';
import { layoutView, type LayoutMessages } from '../site-layout';
import { partnerNav, type PartnerNavMessages, type PartnerSection } from './partner-nav';

/**
 * The team pages' texts: `partnerTeam`, `partnerKeys` and `partnerStatistics` in
 * templates/web/messages/partner-team/<language>.json, the partner menu and `signin` (sign out).
 */
export interface PartnerTeamMessages extends LayoutMessages, PartnerNavMessages {
  signin: Record<string, string>;
  partnerTeam: Record<string, string>;
  partnerKeys: Record<string, string>;
  partnerStatistics: Record<string, string>;
}

/** What every team page is rendered with. */
export interface PartnerPageState {
  programme: ProgrammeEntity;
  language: string;
  csrf: string;
  role: Role | undefined;
  /** The signed-in merchant's own partner: the only one these pages show. */
  partnerId: string;
}

/** The signed-in merchant's partner, language and CSRF token, and the layout and menu of its pages. */
@Injectable()
export class PartnerTeamPages {
  readonly texts = new PageTexts<PartnerTeamMessages>([
    'layout',
    'signin',
    'partnerNav',
    'partnerTeam',
    'partnerKeys',
    'partnerStatistics',
  ]);

  constructor(
    private readonly programmes: ProgrammesService,
    private readonly csrf: PageCsrf,
  ) {}

  /** A merchant account without a partner has nothing here: 404, as the API answers for another's partner. */
  async state(actor: Actor, lang: string | undefined, acceptLanguage?: string): Promise<PartnerPageState> {
    const partnerId = ownPartnerId(actor);
    if (!partnerId) throw new NotFoundException('This account belongs to no partner.');
    const programme = await this.programmes.default();
    return {
      programme,
      language: pickLanguage(lang, acceptLanguage, this.texts.languagesFor(programme)),
      csrf: this.csrf.forSession(actor),
      role: actor.role,
      partnerId,
    };
  }

  /** The layout, menu, sign-out form and CSRF field of a page at `path` (its query params without `lang`). */
  common(s: PartnerPageState, section: PartnerSection, title: string, params: Record<string, string> = {}) {
    const lang = this.texts.speaks(s.language);
    const messages = this.texts.in(lang);
    return {
      layout: layoutView(this.texts, s.programme, {
        language: lang,
        path: `/partner/${section}`,
        params,
        title,
        current: 'partner',
        stylesheets: ['/static/shared/partner-team.css'],
      }),
      signOut: messages.signin.signOut,
      language: lang,
      csrf: s.csrf,
      ...partnerNav(messages, lang, s.role, section),
    };
  }
}
