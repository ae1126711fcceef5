/*
 * The aggregate queries behind the statistics, as SQL text with :named parameters (the driver turns them into
 * its own placeholders). Days are the programme's calendar days: a table of (i, starts, ends) rows, one per day
 * with the instants computed in JavaScript from the time zone (startOfDayIn), is joined to the checks or
 * redemptions by range. The database never needs to know the time zone, so both engines count the same way,
 * across DST change-overs and in zones whose offset is not whole hours; and each day is one range scan of the
 * (partner_id, created_at) index. See docs/statistics.md.
 */

export type Engine = 'postgres' | 'sqlite';

export interface Aggregation {
  table: 'validations' | 'redemptions';
  /** Also group by the programme's day (the `day` column: the index of the day in the range). */
  byDay: boolean;
  /** Output name → column of the table, grouped by. */
  keys: Record<string, string>;
  /** Output name → aggregate over the table's rows (alias `t`). */
  measures: Record<string, string>;
}

/** `:b0` … `:b{days}`: the instants the days begin, and the end of the last one. */
export const boundParameters = (bounds: Date[]): Record<string, Date> =>
  Object.fromEntries(bounds.map((bound, i) => [`b${i}`, bound]));

/**
 * `WITH days (i, starts, ends) AS (VALUES (0, :b0, :b1), (1, :b1, :b2), …)`. PostgreSQL needs the type of a
 * parameter in VALUES; SQLite keeps the timestamps as the same UTC text as the stored ones and compares text.
 */
export function daysTable(dayCount: number, engine: Engine): string {
  const at = (i: number) => (engine === 'postgres' ? `CAST(:b${i} AS timestamptz)` : `:b${i}`);
  const rows = Array.from({ length: dayCount }, (_, i) => `(${i}, ${at(i)}, ${at(i + 1)})`);
  return `WITH days (i, starts, ends) AS (VALUES ${rows.join(', ')})`;
}

/**
 * One aggregate over a partner's checks or redemptions in the range, optionally at one outlet. Parameters:
 * :partnerId, :outletId when `atOutlet`, and the bounds. Grouped by day, `days CROSS JOIN` the table: SQLite
 * keeps that join order (days outside, an index range scan inside), PostgreSQL's planner picks the same
 * nested loop by itself.
 */
export function aggregationSql(a: Aggregation, dayCount: number, engine: Engine, atOutlet: boolean): string {
  const keys = Object.entries(a.keys);
  const select = [
    ...(a.byDay ? ['d.i AS day'] : []),
    ...keys.map(([name, column]) => `t.${column} AS ${name}`),
    ...Object.entries(a.measures).map(([name, aggregate]) => `${aggregate} AS ${name}`),
  ];
  const groupBy = [...(a.byDay ? ['d.i'] : []), ...keys.map(([, column]) => `t.${column}`)];
  const [starts, ends] = a.byDay ? ['d.starts', 'd.ends'] : [':b0', `:b${dayCount}`];
  return [
    ...(a.byDay ? [daysTable(dayCount, engine)] : []),
    `SELECT ${select.join(', ')}`,
    `FROM ${a.byDay ? 'days d CROSS JOIN ' : ''}${a.table} t`,
    `WHERE t.partner_id = :partnerId AND t.created_at >= ${starts} AND t.created_at < ${ends}`,
    ...(atOutlet ? ['AND t.outlet_id = :outletId'] : []),
    ...(groupBy.length ? [`GROUP BY ${groupBy.join(', ')}`] : []),
  ].join('\n');
}

/** A count of the rows where `column` equals the parameter `:value`. */
export const countWhere = (column: string, parameter: string) =>
  `SUM(CASE WHEN t.${column} = :${parameter} THEN 1 ELSE 0 END)`;
