import { aggregationSql, boundParameters, countWhere, daysTable } from './statistics-sql';

describe('statistics SQL', () => {
  it('a days table with typed bounds on PostgreSQL and plain ones on SQLite', () => {
    expect(daysTable(2, 'postgres')).toBe(
      'WITH days (i, starts, ends) AS (VALUES (0, CAST(:b0 AS timestamptz), CAST(:b1 AS timestamptz)), ' +
        '(1, CAST(:b1 AS timestamptz), CAST(:b2 AS timestamptz)))',
    );
    expect(daysTable(2, 'sqlite')).toBe(
      'WITH days (i, starts, ends) AS (VALUES (0, :b0, :b1), (1, :b1, :b2))',
    );
  });

  it('names the bounds b0 … bN', () => {
    const bounds = [new Date(0), new Date(1), new Date(2)];
    expect(boundParameters(bounds)).toEqual({ b0: bounds[0], b1: bounds[1], b2: bounds[2] });
  });

  it('groups by day through the days table, days first in the join', () => {
    const sql = aggregationSql(
      { table: 'validations', byDay: true, keys: { result: 'result' }, measures: { n: 'COUNT(*)' } },
      3,
      'sqlite',
      true,
    );
    expect(sql).toBe(
      [
        'WITH days (i, starts, ends) AS (VALUES (0, :b0, :b1), (1, :b1, :b2), (2, :b2, :b3))',
        'SELECT d.i AS day, t.result AS result, COUNT(*) AS n',
        'FROM days d CROSS JOIN validations t',
        'WHERE t.partner_id = :partnerId AND t.created_at >= d.starts AND t.created_at < d.ends',
        'AND t.outlet_id = :outletId',
        'GROUP BY d.i, t.result',
      ].join('\n'),
    );
  });

  it('without days, one range from the first bound to the last', () => {
    const sql = aggregationSql(
      {
        table: 'redemptions',
        byDay: false,
        keys: { offer_id: 'offer_id' },
        measures: { recorded: countWhere('status', 'recorded') },
      },
      30,
      'postgres',
      false,
    );
    expect(sql).toBe(
      [
        'SELECT t.offer_id AS offer_id, SUM(CASE WHEN t.status = :recorded THEN 1 ELSE 0 END) AS recorded',
        'FROM redemptions t',
        'WHERE t.partner_id = :partnerId AND t.created_at >= :b0 AND t.created_at < :b30',
        'GROUP BY t.offer_id',
      ].join('\n'),
    );
  });
});
