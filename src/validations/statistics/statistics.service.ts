import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import type { Actor } from '../../auth/actor';
import { textIn } from '../../common/language';
import { OfferEntity } from '../../offers/offer.entity';
import { OutletEntity } from '../../partners/outlet.entity';
import { requirePartnerAccess } from '../../partners/partner-access';
import { fieldProblem } from '../../partners/partner-problems';
import { PartnerEntity } from '../../partners/partner.entity';
import type { ProgrammeEntity } from '../../programmes/programme.entity';
import { ProgrammesService } from '../../programmes/programmes.service';
import { csvDocument, csvFileName } from './csv';
import { statisticsRange, StatisticsRange } from './statistics-range';
import {
  buildReport,
  ChecksByDay,
  ChecksByDayOutlet,
  ChecksByOutlet,
  csvTable,
  Names,
  RedemptionsByDay,
  RedemptionsByDayOutletOffer,
  RedemptionsByOfferOutlet,
} from './statistics-report';
import { Aggregation, aggregationSql, boundParameters, countWhere, Engine } from './statistics-sql';
import { StatisticsCsvQueryDto, StatisticsDto, StatisticsQueryDto } from './statistics.dto';

/** What a report is about, once access and the query are checked. */
interface Scope {
  partner: PartnerEntity;
  programme: ProgrammeEntity;
  range: StatisticsRange;
  outletId: string | null;
  /** Offer titles' language. */
  language: string;
}

type Row = Record<string, string | number | null>;

const CHECKS_BY_DAY: Aggregation = {
  table: 'validations',
  byDay: true,
  keys: { result: 'result' },
  measures: { n: 'COUNT(*)' },
};
const REDEMPTIONS_BY_DAY: Aggregation = {
  table: 'redemptions',
  byDay: true,
  keys: { status: 'status' },
  measures: { n: 'COUNT(*)' },
};
const CHECKS_BY_OUTLET: Aggregation = {
  table: 'validations',
  byDay: false,
  keys: { outlet_id: 'outlet_id' },
  measures: { checks: 'COUNT(*)', valid: countWhere('result', 'valid') },
};
const REDEMPTIONS_BY_OFFER_OUTLET: Aggregation = {
  table: 'redemptions',
  byDay: false,
  keys: { offer_id: 'offer_id', outlet_id: 'outlet_id', status: 'status' },
  measures: { n: 'COUNT(*)' },
};
const CHECKS_BY_DAY_OUTLET: Aggregation = {
  table: 'validations',
  byDay: true,
  keys: { outlet_id: 'outlet_id' },
  measures: { checks: 'COUNT(*)', valid: countWhere('result', 'valid') },
};
const REDEMPTIONS_BY_DAY_OUTLET_OFFER: Aggregation = {
  table: 'redemptions',
  byDay: true,
  keys: { outlet_id: 'outlet_id', offer_id: 'offer_id' },
  measures: { recorded: countWhere('status', 'recorded'), cancelled: countWhere('status', 'cancelled') },
};

const num = (value: string | number | null): number => Number(value ?? 0);
const id = (value: string | number | null): string | null => (value === null ? null : String(value));

/**
 * A partner's checks and redemptions per programme day, offer and outlet, as JSON or CSV. Everything is
 * counted by the database (GROUP BY over the (partner_id, created_at) indexes); only the grouped counts come
 * back. See docs/statistics.md.
 */
@Injectable()
export class StatisticsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly programmes: ProgrammesService,
  ) {}

  async report(
    actor: Actor,
    partnerId: string,
    query: StatisticsQueryDto,
    now = new Date(),
  ): Promise<StatisticsDto> {
    const scope = await this.scope(actor, partnerId, query, now);
    const report = await this.read(async (em) => {
      const checksByDay = (await this.aggregate(em, scope, CHECKS_BY_DAY)).map((r): ChecksByDay => ({
        day: num(r.day),
        result: String(r.result),
        n: num(r.n),
      }));
      const redemptionsByDay = (await this.aggregate(em, scope, REDEMPTIONS_BY_DAY)).map(
        (r): RedemptionsByDay => ({ day: num(r.day), status: String(r.status), n: num(r.n) }),
      );
      const checksByOutlet = (await this.aggregate(em, scope, CHECKS_BY_OUTLET)).map((r): ChecksByOutlet => ({
        outletId: id(r.outlet_id),
        checks: num(r.checks),
        valid: num(r.valid),
      }));
      const redemptionsByOfferOutlet = (await this.aggregate(em, scope, REDEMPTIONS_BY_OFFER_OUTLET)).map(
        (r): RedemptionsByOfferOutlet => ({
          offerId: String(r.offer_id),
          outletId: id(r.outlet_id),
          status: String(r.status),
          n: num(r.n),
        }),
      );
      const names = await this.names(
        em,
        scope,
        [...checksByOutlet, ...redemptionsByOfferOutlet].map((r) => r.outletId),
        redemptionsByOfferOutlet.map((r) => r.offerId),
      );
      return buildReport(
        { days: scope.range.days, checksByDay, redemptionsByDay, checksByOutlet, redemptionsByOfferOutlet },
        names,
      );
    });
    return {
      partnerId,
      outletId: scope.outletId,
      from: scope.range.from,
      to: scope.range.to,
      timeZone: scope.programme.timeZone,
      ...report,
    };
  }

  /** The CSV file (UTF-8 with a byte-order mark) and an ASCII file name for it. */
  async csv(
    actor: Actor,
    partnerId: string,
    query: StatisticsCsvQueryDto,
    now = new Date(),
  ): Promise<{ fileName: string; body: Buffer }> {
    const scope = await this.scope(actor, partnerId, query, now);
    const table = await this.read(async (em) => {
      const checks = (await this.aggregate(em, scope, CHECKS_BY_DAY_OUTLET)).map((r): ChecksByDayOutlet => ({
        day: num(r.day),
        outletId: id(r.outlet_id),
        checks: num(r.checks),
        valid: num(r.valid),
      }));
      const redemptions = (await this.aggregate(em, scope, REDEMPTIONS_BY_DAY_OUTLET_OFFER)).map(
        (r): RedemptionsByDayOutletOffer => ({
          day: num(r.day),
          outletId: id(r.outlet_id),
          offerId: String(r.offer_id),
          recorded: num(r.recorded),
          cancelled: num(r.cancelled),
        }),
      );
      const names = await this.names(
        em,
        scope,
        [...checks, ...redemptions].map((r) => r.outletId),
        redemptions.map((r) => r.offerId),
      );
      return csvTable(scope.range.days, checks, redemptions, names);
    });
    const { from, to } = scope.range;
    return {
      fileName: csvFileName('statistics', scope.partner.name, from, to),
      body: Buffer.from(csvDocument(table, query.delimiter === 'semicolon' ? ';' : ','), 'utf8'),
    };
  }

  /** Access first (another partner's data answers 404 whatever the query), then the partner, the range, the outlet. */
  private async scope(actor: Actor, partnerId: string, query: StatisticsQueryDto, now: Date): Promise<Scope> {
    requirePartnerAccess(actor, partnerId, 'read');
    const em = this.dataSource.manager;
    const partner = await em.findOneBy(PartnerEntity, { id: partnerId });
    if (!partner) throw new NotFoundException(`No partner with id ${partnerId}`);
    const programme = await this.programmes.get(partner.programmeId);
    const range = statisticsRange(query, programme.timeZone, now);
    if (query.outletId && !(await em.existsBy(OutletEntity, { id: query.outletId, partnerId })))
      throw fieldProblem('outletId', 'outletId is not one of this partner’s outlets');
    const language =
      query.language && programme.languages.includes(query.language)
        ? query.language
        : programme.languages[0];
    return { partner, programme, range, outletId: query.outletId ?? null, language };
  }

  /**
   * The queries of one report see one state of the data: on PostgreSQL a repeatable-read transaction (each
   * statement alone would see the commits made between them). SQLite has one connection, whose statements run
   * one at a time; a transaction there would queue behind the writers (TransactionService), so none is opened.
   */
  private read<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.engine() === 'postgres'
      ? this.dataSource.transaction('REPEATABLE READ', work)
      : work(this.dataSource.manager);
  }

  private async aggregate(em: EntityManager, scope: Scope, aggregation: Aggregation): Promise<Row[]> {
    const sql = aggregationSql(aggregation, scope.range.days.length, this.engine(), scope.outletId !== null);
    const parameters = {
      ...boundParameters(scope.range.bounds),
      partnerId: scope.partner.id,
      ...(scope.outletId ? { outletId: scope.outletId } : {}),
      valid: 'valid',
      recorded: 'recorded',
      cancelled: 'cancelled',
    };
    // Only the parameters the text names are bound (the driver drops the rest).
    const [text, values] = this.dataSource.driver.escapeQueryWithParameters(sql, parameters, {});
    return em.query(text, values);
  }

  /** Outlet names and offer titles (in the scope's language) for the ids in a report. */
  private async names(
    em: EntityManager,
    { partner, programme, language }: Scope,
    outletIds: (string | null)[],
    offerIds: string[],
  ): Promise<Names> {
    const unique = <T>(ids: (T | null)[]) => [...new Set(ids.filter((i): i is T => i !== null))];
    const outlets = unique(outletIds).length
      ? await em.find(OutletEntity, {
          select: { id: true, name: true },
          where: { partnerId: partner.id, id: In(unique(outletIds)) },
        })
      : [];
    const offers = unique(offerIds).length
      ? await em.find(OfferEntity, {
          select: { id: true, texts: true },
          where: { partnerId: partner.id, id: In(unique(offerIds)) },
        })
      : [];
    return {
      outlets: new Map(outlets.map((o) => [o.id, o.name])),
      offers: new Map(offers.map((o) => [o.id, textIn(o.texts, language, programme.languages)?.title ?? ''])),
      language,
    };
  }

  private engine(): Engine {
    return this.dataSource.options.type === 'postgres' ? 'postgres' : 'sqlite';
  }
}
