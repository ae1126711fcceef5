import { Injectable } from '@nestjs/common';
import type { ConsoleMessages } from '../console-page';
import { consoleNav, type ConsolePageState, type ConsoleSection } from '../console-nav';
import { PageTexts } from '../../page-texts';
import { layoutView } from '../../site-layout';

type Section = Record<string, string> & Record<string, unknown>;

/**
 * The administration pages' texts: `consoleUsers`, `consoleReports` and `consoleSettings` in
 * templates/web/messages/console-admin/<language>.json, with the console's menu and the sign-out button.
 */
export interface AdminMessages extends ConsoleMessages {
  consoleUsers: Section;
  consoleReports: Section;
  consoleSettings: Section;
}

/** Where an administration page is, for its layout: the menu section, the path and query, and the title. */
export interface AdminPlace {
  section: ConsoleSection;
  path: string;
  params?: Record<string, string>;
  title: string;
}

/** What every administration page shares: the texts, the layout, the console menu and the CSRF token. */
@Injectable()
export class ConsoleAdminPage {
  readonly texts = new PageTexts<AdminMessages>([
    'layout',
    'console',
    'signin',
    'consoleUsers',
    'consoleReports',
    'consoleSettings',
  ]);

  language(s: ConsolePageState): string {
    return this.texts.speaks(s.language);
  }

  common(s: ConsolePageState, place: AdminPlace) {
    const lang = this.language(s);
    const messages = this.texts.in(lang);
    return {
      layout: layoutView(this.texts, s.programme, {
        language: lang,
        path: place.path,
        params: place.params ?? {},
        title: place.title,
        current: 'console',
        stylesheets: ['/static/shared/console-admin.css'],
      }),
      signOut: messages.signin.signOut,
      language: lang,
      csrf: s.csrf,
      ...consoleNav(messages.console, lang, s.role, place.section),
    };
  }
}
