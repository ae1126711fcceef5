import { Injectable } from '@nestjs/common';
import type { StatisticsDto } from '../../validations/statistics/statistics.dto';
import { barChart, type ChartDatum } from '../console/console-charts';
import { fill } from '../page-format';
import { type FieldErrors, formView } from '../page-forms';
import { pageTemplate } from '../page-texts';
import { siteHref } from '../site-layout';
import { type PartnerPageState, PartnerTeamPages } from './team-common';
import { PERIOD_FIELDS, type PeriodField } from './team-forms';

export interface StatsState extends PartnerPageState {
  period: { form: Partial<Record<PeriodField, string>>; errors: FieldErrors<PeriodField> };
  /** Null when the period could not be read: the form is shown with its errors. */
  report: StatisticsDto | null;
}

/** Days whose names fit under a chart's bars: with more, only every n-th day is named. */
const NAMED_DAYS = 10;

const dayIn = (iso: string, language: string, style: 'short' | 'long') =>
  new Intl.DateTimeFormat(language, {
    day: 'numeric',
    month: style === 'short' ? 'short' : 'long',
    ...(style === 'long' ? { year: 'numeric' } : {}),
    timeZone: 'UTC',
  }).format(new Date(`${iso}T12:00:00Z`));

/**
 * The partner's statistics at /partner/statistics (templates/web/partner-statistics.html.hbs): checks and
 * redemptions per day, offer and outlet as server-drawn bar charts (console-charts.ts), each followed by a
 * table of the same numbers, and the link to the CSV file of the same period.
 */
@Injectable()
export class StatsPage {
  private readonly template = pageTemplate('partner-statistics.html.hbs');

  constructor(readonly pages: PartnerTeamPages) {}

  render(s: StatsState): string {
    const lang = this.pages.texts.speaks(s.language);
    const t = this.pages.texts.in(lang).partnerStatistics;
    const count = (n: number) => new Intl.NumberFormat(lang).format(n);
    const chart = (id: string, title: string, column: string, data: ChartDatum[], short: string[]) => {
      const drawn = barChart(data);
      const every = Math.ceil(data.length / NAMED_DAYS);
      return {
        id,
        title,
        column,
        svg: {
          ...drawn,
          bars: drawn.bars.map((b, i) => ({
            ...b,
            shown: data.length > NAMED_DAYS ? '' : count(b.value),
            short: i % every ? '' : short[i],
            labelY: drawn.height + 14,
          })),
          viewHeight: drawn.height + 20,
        },
        empty: data.length === 0,
        rows: data.map((d) => ({ label: d.label, value: count(d.value) })),
        total: count(data.reduce((sum, d) => sum + d.value, 0)),
      };
    };
    const r = s.report;
    const offerName = (title: string | null) => title ?? t.offerGone;
    const outletName = (name: string | null, id: string | null) => name ?? (id ? t.outletGone : t.noOutlet);
    const days = r?.days ?? [];
    const dayLabels = days.map((d) => dayIn(d.date, lang, 'long'));
    const dayShort = days.map((d) => dayIn(d.date, lang, 'short'));
    return this.template({
      ...this.pages.common(s, 'statistics', t.title, {
        ...(s.period.form.from ? { from: s.period.form.from } : {}),
        ...(s.period.form.to ? { to: s.period.form.to } : {}),
      }),
      t,
      period: formView(PERIOD_FIELDS, s.period.form, s.period.errors, t, { from: true, to: true }),
      report: r
        ? {
            said: fill(t.period, { from: dayIn(r.from, lang, 'long'), to: dayIn(r.to, lang, 'long') }),
            totals: [
              { label: t.checks, value: count(r.totals.checks) },
              { label: t.validChecks, value: count(r.totals.validChecks) },
              { label: t.redemptions, value: count(r.totals.redemptions) },
              { label: t.cancelled, value: count(r.totals.cancelled) },
            ],
            csvHref: siteHref(`/api/v1/partners/${s.partnerId}/statistics.csv`, {
              from: r.from,
              to: r.to,
              // Spreadsheets where the decimal mark is a comma (Poland) expect semicolons.
              delimiter: lang === 'en' ? null : 'semicolon',
              language: lang,
            }),
            charts: [
              chart(
                'checks-day',
                t.checksPerDay,
                t.day,
                days.map((d, i) => ({ label: dayLabels[i], value: d.checks })),
                dayShort,
              ),
              chart(
                'redemptions-day',
                t.redemptionsPerDay,
                t.day,
                days.map((d, i) => ({ label: dayLabels[i], value: d.redemptions })),
                dayShort,
              ),
              chart(
                'redemptions-offer',
                t.redemptionsPerOffer,
                t.offer,
                r.byOffer.map((o, i) => ({ label: `${i + 1}. ${offerName(o.title)}`, value: o.redemptions })),
                r.byOffer.map((_, i) => String(i + 1)),
              ),
              chart(
                'checks-outlet',
                t.checksPerOutlet,
                t.outlet,
                r.byOutlet.map((o, i) => ({
                  label: `${i + 1}. ${outletName(o.name, o.outletId)}`,
                  value: o.checks,
                })),
                r.byOutlet.map((_, i) => String(i + 1)),
              ),
              chart(
                'redemptions-outlet',
                t.redemptionsPerOutlet,
                t.outlet,
                r.byOutlet.map((o, i) => ({
                  label: `${i + 1}. ${outletName(o.name, o.outletId)}`,
                  value: o.redemptions,
                })),
                r.byOutlet.map((_, i) => String(i + 1)),
              ),
            ],
          }
        : null,
    });
  }
}
