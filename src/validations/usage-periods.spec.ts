import { periodStarts, remainingUses } from './usage-periods';

describe('periodStarts', () => {
  it.each([
    // A Wednesday afternoon in winter (UTC+1).
    [
      '2026-01-14T15:00:00Z',
      'Europe/Warsaw',
      '2026-01-13T23:00:00.000Z',
      '2026-01-11T23:00:00.000Z',
      '2025-12-31T23:00:00.000Z',
    ],
    // 23:30 on Sunday in Warsaw is still Sunday: the week began the Monday before.
    [
      '2026-01-18T22:30:00Z',
      'Europe/Warsaw',
      '2026-01-17T23:00:00.000Z',
      '2026-01-11T23:00:00.000Z',
      '2025-12-31T23:00:00.000Z',
    ],
    // 00:30 on Monday in Warsaw (still Sunday in UTC) starts a new day and week.
    [
      '2026-01-18T23:30:00Z',
      'Europe/Warsaw',
      '2026-01-18T23:00:00.000Z',
      '2026-01-18T23:00:00.000Z',
      '2025-12-31T23:00:00.000Z',
    ],
    // Summer time (UTC+2), first of the month.
    [
      '2026-07-01T08:00:00Z',
      'Europe/Warsaw',
      '2026-06-30T22:00:00.000Z',
      '2026-06-28T22:00:00.000Z',
      '2026-06-30T22:00:00.000Z',
    ],
    [
      '2026-07-01T03:00:00Z',
      'America/New_York',
      '2026-06-30T04:00:00.000Z',
      '2026-06-29T04:00:00.000Z',
      '2026-06-01T04:00:00.000Z',
    ],
  ])('%s in %s', (now, tz, day, week, month) => {
    const starts = periodStarts(new Date(now), tz);
    expect([starts.day.toISOString(), starts.week.toISOString(), starts.month.toISOString()]).toEqual([
      day,
      week,
      month,
    ]);
  });

  it('keeps a day’s answer only within that day (the last millisecond before midnight, then midnight)', () => {
    const dayOf = (now: string) => periodStarts(new Date(now), 'Europe/Warsaw').day.toISOString();
    expect(dayOf('2026-03-28T12:00:00Z')).toBe('2026-03-27T23:00:00.000Z');
    expect(dayOf('2026-03-28T22:59:59.999Z')).toBe('2026-03-27T23:00:00.000Z');
    // Summer time starts that night: Sunday begins at 23:00 UTC, Monday at 22:00 UTC.
    expect(dayOf('2026-03-28T23:00:00Z')).toBe('2026-03-28T23:00:00.000Z');
    expect(dayOf('2026-03-29T21:59:59.999Z')).toBe('2026-03-28T23:00:00.000Z');
    expect(dayOf('2026-03-29T22:00:00Z')).toBe('2026-03-29T22:00:00.000Z');
    expect(dayOf('2026-03-28T12:00:00Z')).toBe('2026-03-27T23:00:00.000Z'); // an earlier instant again
  });
});

describe('remainingUses', () => {
  const none = { day: 0, week: 0, month: 0, total: 0, family: 0 };
  it.each([
    [{}, none, null],
    [{ perCardPerDay: 1 }, none, 1],
    [{ perCardPerDay: 1 }, { ...none, day: 1 }, 0],
    [{ perCardPerDay: 2, perCardPerWeek: 3 }, { ...none, day: 0, week: 2 }, 1],
    [{ perCardTotal: 5 }, { ...none, total: 7 }, 0],
    [{ perFamilyTotal: 10, perCardPerMonth: 4 }, { ...none, month: 1, family: 9 }, 1],
  ])('%j with %j used → %s', (limits, used, expected) => {
    expect(remainingUses(limits, used)).toBe(expected);
  });
});
