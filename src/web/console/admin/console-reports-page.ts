import { Injectable } from '@nestjs/common';
import { mayRead, REPORT_NAMES } from '../../../reports/report-names';
import type { ConsolePageState } from '../console-nav';
import { pageTemplate } from '../../page-texts';
import { siteHref } from '../../site-layout';
import { ConsoleAdminPage } from './console-admin-page';

type T = Record<string, string> & Record<'names' | 'descriptions', Record<string, string>>;

/** /console/reports: each CSV report with what it holds and a download link served with the session. */
@Injectable()
export class ConsoleReportsPage {
  private readonly template = pageTemplate('console-reports.html.hbs');

  constructor(private readonly kit: ConsoleAdminPage) {}

  get texts() {
    return this.kit.texts;
  }

  render(s: ConsolePageState): string {
    const lang = this.kit.language(s);
    const t = this.kit.texts.in(lang).consoleReports as unknown as T;
    return this.template({
      ...this.kit.common(s, { section: 'reports', path: '/console/reports', title: t.title }),
      t,
      reports: REPORT_NAMES.filter((name) => mayRead(s.role, name)).map((name) => ({
        id: `report-${name}`,
        name: t.names[name],
        description: t.descriptions[name],
        href: `/console/reports/${name}.csv`,
        semicolonHref: siteHref(`/console/reports/${name}.csv`, { delimiter: 'semicolon' }),
      })),
    });
  }
}
