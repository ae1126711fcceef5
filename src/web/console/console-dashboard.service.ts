import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ApplicationEntity } from '../../applications/application.entity';
import { CardEntity } from '../../cards/card.entity';
import { CARD_STATUSES, CardStatus, LIVE_STATUSES } from '../../cards/card-status';
import { CategoriesService } from '../../partners/categories/categories.service';
import { PartnerEntity } from '../../partners/partner.entity';
import { addDays, todayIn, startOfDayIn } from '../../programmes/eligibility/civil-date';
import type { ProgrammeEntity } from '../../programmes/programme.entity';
import { RedemptionEntity } from '../../validations/redemption.entity';
import { ValidationEntity } from '../../validations/validation.entity';
import { sumByWeek } from './console-charts';

export const WEEKS_OF_APPLICATIONS = 12;
export const EXPIRY_DAYS = 91;
export const EXPIRY_WEEKS = 13;
export const CHECK_DAYS = 30;

/** The numbers behind the staff dashboard's charts. Weeks are seven programme days; the last ends today. */
export type PerCategory = { category: Record<string, string>; slug: string; count: number };

export interface DashboardNumbers {
  /** The first day of each week of applications (oldest first) and how many were sent in it. */
  applications: { from: string; count: number }[];
  cards: { status: CardStatus; count: number }[];
  /** Live cards whose validity ends in each week from today on. */
  expiring: { from: string; count: number }[];
  /** Checks at partners of each category in the last 30 days (categories without checks too). */
  checks: PerCategory[];
  /** Offers redeemed (not cancelled) at partners of each category in the last 30 days. */
  redemptions: PerCategory[];
}

/**
 * Read-only grouped queries for the dashboard, one per chart, each answered by an index: applications by
 * (queued_at), cards by (status, valid_until), checks by (created_at). The database never needs the time zone:
 * week bounds are instants computed here (as in the statistics, see statistics-sql.ts).
 */
@Injectable()
export class ConsoleDashboard {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly categories: CategoriesService,
  ) {}

  async numbers(programme: ProgrammeEntity, now = new Date()): Promise<DashboardNumbers> {
    const today = todayIn(programme.timeZone, now);
    const [applications, cards, expiring, checks, redemptions] = await Promise.all([
      this.applicationsPerWeek(programme, today),
      this.cardsByStatus(programme.id),
      this.expiringPerWeek(programme.id, today),
      this.perCategory(programme, now, ValidationEntity),
      this.perCategory(programme, now, RedemptionEntity, "r.status = 'recorded'"),
    ]);
    return { applications, cards, expiring, checks, redemptions };
  }

  /** Applications sent (queued), by week: one scan of the queue index with a sum per week. */
  private async applicationsPerWeek(programme: ProgrammeEntity, today: string) {
    const first = addDays(today, 1 - 7 * WEEKS_OF_APPLICATIONS);
    const days = Array.from({ length: WEEKS_OF_APPLICATIONS + 1 }, (_, i) => addDays(first, 7 * i));
    const bounds = days.map((d) => startOfDayIn(d, programme.timeZone));
    const query = this.dataSource
      .createQueryBuilder()
      .from(ApplicationEntity, 'a')
      .where('a.queued_at >= :b0 AND a.queued_at < :bEnd', { b0: bounds[0], bEnd: bounds.at(-1) })
      .andWhere('a.programme_id = :programmeId', { programmeId: programme.id })
      .andWhere("a.status <> 'draft'");
    for (let i = 0; i < WEEKS_OF_APPLICATIONS; i++)
      query.addSelect(
        `SUM(CASE WHEN a.queued_at >= :s${i} AND a.queued_at < :e${i} THEN 1 ELSE 0 END)`,
        `w${i}`,
      );
    query.setParameters(
      Object.fromEntries(
        bounds.slice(0, -1).flatMap((b, i) => [
          [`s${i}`, b],
          [`e${i}`, bounds[i + 1]],
        ]),
      ),
    );
    const row = ((await query.getRawOne()) ?? {}) as Record<string, string | number | null>;
    return days.slice(0, -1).map((from, i) => ({ from, count: Number(row[`w${i}`] ?? 0) }));
  }

  private async cardsByStatus(programmeId: string) {
    const rows: { status: CardStatus; count: string | number }[] = await this.dataSource
      .createQueryBuilder()
      .from(CardEntity, 'c')
      .select('c.status', 'status')
      .addSelect('COUNT(*)', 'count')
      .where('c.programme_id = :programmeId', { programmeId })
      .groupBy('c.status')
      .getRawMany();
    const counts = new Map(rows.map((r) => [r.status, Number(r.count)]));
    return CARD_STATUSES.map((status) => ({ status, count: counts.get(status) ?? 0 }));
  }

  /** Live cards by their last valid day (at most 91 rows), summed into weeks here. */
  private async expiringPerWeek(programmeId: string, today: string) {
    const rows: { day: string; count: string | number }[] = await this.dataSource
      .createQueryBuilder()
      .from(CardEntity, 'c')
      // Text on both engines: PostgreSQL's driver would make a date a local-midnight Date.
      .select('CAST(c.valid_until AS VARCHAR(10))', 'day')
      .addSelect('COUNT(*)', 'count')
      .where('c.status IN (:...live)', { live: LIVE_STATUSES })
      .andWhere('c.valid_until >= :today AND c.valid_until < :end', {
        today,
        end: addDays(today, EXPIRY_DAYS),
      })
      .andWhere('c.programme_id = :programmeId', { programmeId })
      .groupBy('c.valid_until')
      .getRawMany();
    const sums = sumByWeek(
      rows.map((r) => ({ day: r.day, count: Number(r.count) })),
      today,
      EXPIRY_WEEKS,
    );
    return sums.map((count, i) => ({ from: addDays(today, 7 * i), count }));
  }

  /** Rows of a partner's table (checks, redemptions) per partner category over the last 30 days. */
  private async perCategory(
    programme: ProgrammeEntity,
    now: Date,
    table: typeof ValidationEntity | typeof RedemptionEntity,
    condition = '1 = 1',
  ): Promise<PerCategory[]> {
    const [rows, categories] = await Promise.all([
      this.dataSource
        .createQueryBuilder()
        .from(table, 'r')
        .innerJoin(PartnerEntity, 'p', 'p.id = r.partner_id')
        .select('p.category_id', 'categoryId')
        .addSelect('COUNT(*)', 'count')
        .where('r.created_at >= :since', { since: new Date(now.getTime() - CHECK_DAYS * 86_400_000) })
        .andWhere('r.programme_id = :programmeId', { programmeId: programme.id })
        .andWhere(condition)
        .groupBy('p.category_id')
        .getRawMany<{ categoryId: string; count: string | number }>(),
      this.categories.list(programme.id),
    ]);
    const counts = new Map(rows.map((r) => [r.categoryId, Number(r.count)]));
    return categories.map((c) => ({ category: c.names, slug: c.slug, count: counts.get(c.id) ?? 0 }));
  }
}
