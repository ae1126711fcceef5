import { ProblemException } from '../../common/problem/problem.exception';
import { statisticsRange } from './statistics-range';

const WARSAW = 'Europe/Warsaw';
const HOUR = 3_600_000;

/** The field a 400 names, or 'ok'. */
function outcome(asked: { from?: string; to?: string }, now = new Date('2026-11-23T18:00:00Z')): string {
  try {
    statisticsRange(asked, WARSAW, now);
    return 'ok';
  } catch (error) {
    if (!(error instanceof ProblemException)) throw error;
    return `400 ${error.problem.errors?.[0].field}`;
  }
}

describe('statisticsRange', () => {
  it('defaults to the last 30 days including today in the time zone', () => {
    // 23:30 UTC on 30 November is already 1 December in Warsaw.
    const range = statisticsRange({}, WARSAW, new Date('2026-11-30T23:30:00Z'));
    expect(range.to).toBe('2026-12-01');
    expect(range.from).toBe('2026-11-02');
    expect(range.days).toHaveLength(30);
    expect(range.days[0]).toBe('2026-11-02');
    expect(range.days[29]).toBe('2026-12-01');
  });

  it('defaults from to 29 days before an asked to, and to to today for an asked from', () => {
    expect(statisticsRange({ to: '2026-03-31' }, WARSAW, new Date()).from).toBe('2026-03-02');
    const range = statisticsRange({ from: '2026-11-01' }, WARSAW, new Date('2026-11-23T12:00:00Z'));
    expect([range.from, range.to, range.days.length]).toEqual(['2026-11-01', '2026-11-23', 23]);
  });

  it('bounds are local midnights: 23 hours across the spring change-over, 25 across the autumn one', () => {
    const spring = statisticsRange({ from: '2026-03-28', to: '2026-03-30' }, WARSAW, new Date());
    expect(spring.bounds.map((b) => b.toISOString())).toEqual([
      '2026-03-27T23:00:00.000Z',
      '2026-03-28T23:00:00.000Z',
      '2026-03-29T22:00:00.000Z',
      '2026-03-30T22:00:00.000Z',
    ]);
    const lengths = (bounds: Date[]) =>
      bounds.slice(1).map((b, i) => (b.getTime() - bounds[i].getTime()) / HOUR);
    expect(lengths(spring.bounds)).toEqual([24, 23, 24]);
    const autumn = statisticsRange({ from: '2026-10-24', to: '2026-10-26' }, WARSAW, new Date());
    expect(lengths(autumn.bounds)).toEqual([24, 25, 24]);
    expect(autumn.bounds[2].toISOString()).toBe('2026-10-25T23:00:00.000Z');
  });

  it('works in zones whose offset is not whole hours', () => {
    const range = statisticsRange({ from: '2026-01-01', to: '2026-01-01' }, 'Asia/Kathmandu', new Date());
    expect(range.bounds.map((b) => b.toISOString())).toEqual([
      '2025-12-31T18:15:00.000Z',
      '2026-01-01T18:15:00.000Z',
    ]);
  });

  it.each([
    [{ from: '2026-03-01', to: '2026-03-01' }, 'ok'],
    [{ from: '2024-01-01', to: '2024-12-31' }, 'ok'], // 366 days
    [{ from: '2025-01-01', to: '2026-01-01' }, 'ok'], // 365 days of 2025 and one more
    [{ from: '2025-01-01', to: '2026-01-02' }, '400 to'],
    [{ from: '2024-01-01', to: '2025-01-01' }, '400 to'], // 367 days
    [{ from: '2026-03-02', to: '2026-03-01' }, '400 from'],
    [{ from: '2026-02-30' }, '400 from'],
    [{ from: '2026-3-1' }, '400 from'],
    [{ to: '01.03.2026' }, '400 to'],
    [{ to: '2026-13-01' }, '400 to'],
    [{ from: '9999-12-31', to: '9999-12-31' }, '400 to'],
    [{ to: '0001-01-05' }, '400 to'],
  ])('%j → %s', (asked, expected) => {
    expect(outcome(asked)).toBe(expected);
  });

  it('lists every day of a range in order', () => {
    const range = statisticsRange({ from: '2024-02-27', to: '2024-03-01' }, WARSAW, new Date());
    expect(range.days).toEqual(['2024-02-27', '2024-02-28', '2024-02-29', '2024-03-01']);
    expect(range.bounds).toHaveLength(5);
  });
});
