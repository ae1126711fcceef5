import { Injectable } from '@nestjs/common';
import { barChart, ChartDatum } from './console-charts';
import { consoleNav, type ConsolePageState, type ConsoleSection } from './console-nav';
import type { DashboardNumbers, PerCategory } from './console-dashboard.service';
import { fill } from '../page-format';
import { PageTexts, pageTemplate } from '../page-texts';
import { layoutView, LayoutMessages } from '../site-layout';

/** The staff console's texts: `console` in templates/web/messages/<language>.json, with `signin` (sign out). */
export interface ConsoleMessages extends LayoutMessages {
  console: Record<string, string> &
    Record<ConsoleSection | 'consoleNav', string> & { cardStatuses: Record<string, string> };
  signin: Record<string, string>;
}

export interface DashboardState extends ConsolePageState {
  numbers: DashboardNumbers;
}

/** A calendar day (YYYY-MM-DD) short, as `language` writes it ("7 Dec"); noon UTC keeps the day in every zone. */
const shortDay = (iso: string, language: string) =>
  new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    new Date(`${iso}T12:00:00Z`),
  );

/** The staff console's dashboard at /console (templates/web/console.html.hbs). */
@Injectable()
export class ConsolePage {
  private readonly template = pageTemplate('console.html.hbs');
  readonly texts = new PageTexts<ConsoleMessages>(['layout', 'console', 'signin']);

  render(s: DashboardState): string {
    const lang = this.texts.speaks(s.language);
    const t = this.texts.in(lang).console;
    const count = (n: number) => new Intl.NumberFormat(lang).format(n);
    const week = (from: string) => fill(t.weekFrom, { day: shortDay(from, lang) });
    const chart = (id: string, title: string, column: string, data: ChartDatum[], short: string[]) => {
      const drawn = barChart(data);
      return {
        id,
        title,
        column,
        svg: {
          ...drawn,
          bars: drawn.bars.map((b, i) => ({
            ...b,
            shown: count(b.value),
            // Every other week is named when there are many, so the names do not run into each other.
            short: data.length > 8 && i % 2 ? '' : short[i],
            labelY: drawn.height + 14,
          })),
          viewHeight: drawn.height + 20,
        },
        rows: data.map((d) => ({ label: d.label, value: count(d.value) })),
        total: count(data.reduce((sum, d) => sum + d.value, 0)),
      };
    };
    const n = s.numbers;
    const categoryName = (names: Record<string, string>, slug: string) =>
      names[lang] ?? names.en ?? Object.values(names)[0] ?? slug;
    // Categories are numbered under the bars (their names are too long there) and named in the table.
    const perCategory = (id: string, title: string, rows: PerCategory[]) =>
      chart(
        id,
        title,
        t.category,
        rows.map((c, i) => ({ label: `${i + 1}. ${categoryName(c.category, c.slug)}`, value: c.count })),
        rows.map((_, i) => String(i + 1)),
      );
    return this.template({
      layout: layoutView(this.texts, s.programme, {
        language: lang,
        path: '/console',
        params: {},
        title: t.title,
        current: 'console',
      }),
      t,
      signOut: this.texts.in(lang).signin.signOut,
      language: lang,
      csrf: s.csrf,
      ...consoleNav(t, lang, s.role, 'dashboard'),
      charts: [
        chart(
          'applications',
          t.applicationsChart,
          t.week,
          n.applications.map((w) => ({ label: week(w.from), value: w.count })),
          n.applications.map((w) => shortDay(w.from, lang)),
        ),
        chart(
          'cards',
          t.cardsChart,
          t.status,
          n.cards.map((c) => ({ label: t.cardStatuses[c.status] ?? c.status, value: c.count })),
          n.cards.map((c) => t.cardStatuses[c.status] ?? c.status),
        ),
        chart(
          'expiring',
          t.expiringChart,
          t.week,
          n.expiring.map((w) => ({ label: week(w.from), value: w.count })),
          n.expiring.map((w) => shortDay(w.from, lang)),
        ),
        perCategory('checks', t.checksChart, n.checks),
        perCategory('redemptions', t.redemptionsChart, n.redemptions),
      ],
    });
  }
}
