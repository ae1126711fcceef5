import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import { LIVE_STATUSES } from '../cards/card-status';
import { CategoryEntity } from '../partners/categories/category.entity';
import { addDays, startOfDayIn, todayIn } from '../programmes/eligibility/civil-date';
import type { ProgrammeEntity } from '../programmes/programme.entity';
import { ProgrammesService } from '../programmes/programmes.service';
import { csvLine, CsvValue, UTF8_BOM } from '../validations/statistics/csv';
import { statisticsRange } from '../validations/statistics/statistics-range';
import { aggregationSql, boundParameters, daysTable, Engine } from '../validations/statistics/statistics-sql';
import type { ReportQueryDto } from './dto/report-query.dto';
import { DEFAULT_WEEKS, EXPIRING_DAYS, isReportName, mayRead, ReportName } from './report-names';

/** A report ready to send: its file name and its CSV text, produced page by page as it is read. */
export interface ReportFile {
  fileName: string;
  chunks: AsyncIterable<string>;
}

type Row = Record<string, string | number | null>;
type Rows = AsyncIterable<CsvValue[]>;

/** Rows per query of the reports that list rows (cards, partners): memory stays flat whatever the table size. */
const PAGE = 1000;

const num = (value: string | number | null | undefined): number => Number(value ?? 0);

/**
 * The staff's CSV reports over the default programme. Counting reports are grouped by the database; listing
 * reports read keyset pages (never OFFSET, never the whole table), and every report is written out as it is
 * read. No report carries personal data of families: cards are listed by number, role and dates only.
 */
@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly programmes: ProgrammesService,
  ) {}

  /** Checks the name and the options first (404, 400), so that nothing is sent before an error can arise. */
  async open(actor: Actor, name: string, query: ReportQueryDto, now = new Date()): Promise<ReportFile> {
    if (!isReportName(name)) throw new NotFoundException(`No report named ${name}`);
    if (!mayRead(actor.role, name)) throw new ForbiddenException(`The ${name} report is not for this role`);
    const programme = await this.programmes.default();
    const today = todayIn(programme.timeZone, now);
    const rows = this.rows(name, programme, query, today, now);
    const delimiter = query.delimiter === 'semicolon' ? ';' : ',';
    return { fileName: `${name}-${today}.csv`, chunks: writeCsv(rows, delimiter) };
  }

  private rows(name: ReportName, p: ProgrammeEntity, q: ReportQueryDto, today: string, now: Date): Rows {
    switch (name) {
      case 'applications':
        return this.applicationsPerWeek(p, today, q.weeks ?? DEFAULT_WEEKS);
      case 'cards':
        return this.cardsByStatusAndRole(p);
      case 'cards-expiring':
        return this.cardsExpiring(p, today);
      case 'partners':
        return this.partners(p);
      case 'partner-activity':
        // The range is checked now (a 400 naming from/to), not when the first row is read.
        return this.partnerActivity(p, statisticsRange(q, p.timeZone, now));
    }
  }

  private get engine(): Engine {
    return this.dataSource.options.type === 'postgres' ? 'postgres' : 'sqlite';
  }

  private query(sql: string, parameters: Record<string, unknown>): Promise<Row[]> {
    const [text, values] = this.dataSource.driver.escapeQueryWithParameters(sql, parameters, {});
    return this.dataSource.query(text, values);
  }

  /** Applications sent (queued) per week, Monday to Sunday in the programme's time zone, by status. */
  private async *applicationsPerWeek(p: ProgrammeEntity, today: string, weeks: number): Rows {
    const weekday = (new Date(`${today}T12:00:00Z`).getUTCDay() + 6) % 7; // Monday 0
    const first = addDays(today, -weekday - 7 * (weeks - 1));
    const starts = Array.from({ length: weeks + 1 }, (_, i) => addDays(first, 7 * i));
    const sql = [
      daysTable(weeks, this.engine),
      'SELECT d.i AS week, a.status AS status, COUNT(*) AS n',
      'FROM days d JOIN applications a ON a.queued_at >= d.starts AND a.queued_at < d.ends',
      'WHERE a.programme_id = :programmeId AND a.status <> :draft',
      'GROUP BY d.i, a.status',
      'ORDER BY d.i, a.status',
    ].join('\n');
    const rows = await this.query(sql, {
      ...boundParameters(starts.map((day) => startOfDayIn(day, p.timeZone))),
      programmeId: p.id,
      draft: 'draft',
    });
    yield ['week_start', 'status', 'applications'];
    for (const r of rows) yield [starts[num(r.week)], String(r.status), num(r.n)];
  }

  private async *cardsByStatusAndRole(p: ProgrammeEntity): Rows {
    const rows = await this.query(
      'SELECT status, role, COUNT(*) AS n FROM cards WHERE programme_id = :programmeId GROUP BY status, role ORDER BY status, role',
      { programmeId: p.id },
    );
    yield ['status', 'role', 'cards'];
    for (const r of rows) yield [String(r.status), String(r.role), num(r.n)];
  }

  /**
   * Live cards whose last valid day is in the next 90 days, soonest first: number, role, status and date only.
   * The holder's name is left out on purpose: planning renewals needs counts and dates, and a file of names
   * with card numbers is exactly what should not travel by e-mail; one card is looked up in the console.
   */
  private async *cardsExpiring(p: ProgrammeEntity, today: string): Rows {
    yield ['card_number', 'role', 'status', 'valid_until'];
    let after: { day: string; number: string } | null = null;
    for (;;) {
      const rows = await this.query(
        [
          'SELECT c.number AS number, c.role AS role, c.status AS status,',
          '  CAST(c.valid_until AS VARCHAR(10)) AS day',
          'FROM cards c',
          'WHERE c.status IN (:...live) AND c.valid_until >= :today AND c.valid_until < :end',
          '  AND c.programme_id = :programmeId',
          after
            ? '  AND (c.valid_until > :afterDay OR (c.valid_until = :afterDay AND c.number > :afterNumber))'
            : '',
          'ORDER BY c.valid_until, c.number',
          `LIMIT ${PAGE}`,
        ].join('\n'),
        {
          live: LIVE_STATUSES,
          today,
          end: addDays(today, EXPIRING_DAYS),
          programmeId: p.id,
          ...(after ? { afterDay: after.day, afterNumber: after.number } : {}),
        },
      );
      for (const r of rows) yield [String(r.number), String(r.role), String(r.status), String(r.day)];
      if (rows.length < PAGE) return;
      const last = rows[rows.length - 1];
      after = { day: String(last.day), number: String(last.number) };
    }
  }

  /** Every partner with its status, category and how many outlets and offers (and published offers) it has. */
  private async *partners(p: ProgrammeEntity): Rows {
    const categories = await this.categoryNames(p);
    yield ['partner_id', 'partner', 'status', 'category', 'outlets', 'offers', 'published_offers'];
    for await (const page of this.partnerPages(p, true))
      for (const r of page)
        yield [
          String(r.id),
          String(r.name),
          String(r.status),
          categories.get(String(r.category_id)) ?? '',
          num(r.outlets),
          num(r.offers),
          num(r.published),
        ];
  }

  /**
   * Checks and redemptions per partner and programme day, only the days with any: each partner's counts come
   * from its own (partner_id, created_at) indexes, as in the partner statistics (statistics-sql.ts).
   */
  private async *partnerActivity(p: ProgrammeEntity, range: ReturnType<typeof statisticsRange>): Rows {
    yield ['day', 'partner_id', 'partner', 'checks', 'valid_checks', 'redemptions', 'cancelled_redemptions'];
    const days = range.days.length;
    const checksSql = aggregationSql(
      {
        table: 'validations',
        byDay: true,
        keys: {},
        measures: { checks: 'COUNT(*)', valid: "SUM(CASE WHEN t.result = 'valid' THEN 1 ELSE 0 END)" },
      },
      days,
      this.engine,
      false,
    );
    const redemptionsSql = aggregationSql(
      {
        table: 'redemptions',
        byDay: true,
        keys: {},
        measures: {
          recorded: "SUM(CASE WHEN t.status = 'recorded' THEN 1 ELSE 0 END)",
          cancelled: "SUM(CASE WHEN t.status = 'cancelled' THEN 1 ELSE 0 END)",
        },
      },
      days,
      this.engine,
      false,
    );
    const bounds = boundParameters(range.bounds);
    for await (const page of this.partnerPages(p, false))
      for (const partner of page) {
        const parameters = { ...bounds, partnerId: partner.id };
        const [checks, redemptions] = [
          await this.query(checksSql, parameters),
          await this.query(redemptionsSql, parameters),
        ];
        const byDay = new Map<number, number[]>();
        const at = (day: number) => byDay.get(day) ?? byDay.set(day, [0, 0, 0, 0]).get(day)!;
        for (const r of checks) Object.assign(at(num(r.day)), { 0: num(r.checks), 1: num(r.valid) });
        for (const r of redemptions)
          Object.assign(at(num(r.day)), { 2: num(r.recorded), 3: num(r.cancelled) });
        for (const day of [...byDay.keys()].sort((a, b) => a - b))
          yield [range.days[day], String(partner.id), String(partner.name), ...byDay.get(day)!];
      }
  }

  /** The programme's partners, in pages ordered by id; with their counts of outlets and offers if asked. */
  private async *partnerPages(p: ProgrammeEntity, counts: boolean): AsyncIterable<Row[]> {
    let after: string | null = null;
    for (;;) {
      const rows: Row[] = await this.query(
        [
          'SELECT p.id AS id, p.name AS name',
          counts
            ? [
                ', p.status AS status, p.category_id AS category_id',
                ', (SELECT COUNT(*) FROM outlets o WHERE o.partner_id = p.id) AS outlets',
                ', (SELECT COUNT(*) FROM offers f WHERE f.partner_id = p.id) AS offers',
                ", (SELECT COUNT(*) FROM offers f WHERE f.partner_id = p.id AND f.status = 'published') AS published",
              ].join('\n')
            : '',
          'FROM partners p WHERE p.programme_id = :programmeId',
          after ? 'AND p.id > :after' : '',
          `ORDER BY p.id LIMIT ${PAGE}`,
        ].join('\n'),
        { programmeId: p.id, ...(after ? { after } : {}) },
      );
      if (rows.length) yield rows;
      if (rows.length < PAGE) return;
      after = String(rows[rows.length - 1].id);
    }
  }

  /** Category names in the programme's first language (the slug when a name is missing). */
  private async categoryNames(p: ProgrammeEntity): Promise<Map<string, string>> {
    const categories = await this.dataSource.manager.find(CategoryEntity, { where: { programmeId: p.id } });
    return new Map(categories.map((c) => [c.id, c.names[p.languages[0]] ?? c.slug]));
  }
}

/** The CSV text: byte-order mark, then the rows with CRLF ends, in chunks of up to PAGE rows. */
export async function* writeCsv(rows: Rows, delimiter: ',' | ';'): AsyncIterable<string> {
  let chunk: string[] = [UTF8_BOM];
  for await (const row of rows) {
    chunk.push(`${csvLine(row, delimiter)}\r\n`);
    if (chunk.length >= PAGE) {
      yield chunk.join('');
      chunk = [];
    }
  }
  if (chunk.length) yield chunk.join('');
}
