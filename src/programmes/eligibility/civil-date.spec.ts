import fc from 'fast-check';
import {
  addDays,
  ageOn,
  anniversary,
  compareDates,
  startOfDayIn,
  dayBefore,
  daysInMonth,
  isIsoDate,
  maxDate,
  minDate,
  parseIsoDate,
  todayIn,
} from './civil-date';

describe('isIsoDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2024-04-31', false],
    ['2024-12-31', true],
    ['2024-13-01', false],
    ['2024-00-10', false],
    ['2024-01-00', false],
    ['0000-01-01', false],
    ['0001-01-01', true],
    ['9999-12-31', true],
    ['2024-1-01', false],
    ['2024-01-01T00:00:00Z', false],
    [' 2024-01-01', false],
    ['', false],
    [null, false],
    [20240101, false],
  ])('%p -> %p', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });

  it('parseIsoDate throws RangeError for a non-date', () => {
    expect(() => parseIsoDate('2023-02-29')).toThrow(RangeError);
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
  });
});

describe('addDays', () => {
  it.each([
    ['2024-01-31', 1, '2024-02-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2024-02-29', 1, '2024-03-01'],
    ['2024-12-31', 1, '2025-01-01'],
    ['2025-01-01', -1, '2024-12-31'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2100-03-01', -1, '2100-02-28'],
    ['2000-03-01', -1, '2000-02-29'],
    ['2024-04-30', 1, '2024-05-01'],
    ['2024-01-01', 366, '2025-01-01'],
    ['2023-01-01', 365, '2024-01-01'],
    ['1970-01-01', -1, '1969-12-31'],
    ['1969-12-31', 1, '1970-01-01'],
    ['2024-06-15', 0, '2024-06-15'],
    ['2024-06-15', 10_000, '2051-11-01'],
  ])('%s %+d days = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it('dayBefore steps back over a year end', () => {
    expect(dayBefore('2026-01-01')).toBe('2025-12-31');
  });

  it('rejects fractional days', () => {
    expect(() => addDays('2024-01-01', 0.5)).toThrow(RangeError);
  });
});

describe('anniversary and ageOn', () => {
  it.each([
    ['2008-05-10', 18, '2026-05-10'],
    // 29 February: the age is reached on 28 February in non-leap years (Polish Civil Code art. 112).
    ['2008-02-29', 18, '2026-02-28'],
    ['2008-02-29', 16, '2024-02-29'],
    ['2008-02-29', 1, '2009-02-28'],
    ['2000-02-29', 100, '2100-02-28'],
    ['2000-02-29', 400, '2400-02-29'],
    ['2007-03-01', 18, '2025-03-01'],
    ['2007-02-28', 18, '2025-02-28'],
    ['1999-12-31', 25, '2024-12-31'],
    ['2010-01-01', 0, '2010-01-01'],
  ])('born %s reaches %i on %s', (birth, years, expected) => {
    expect(anniversary(birth, years)).toBe(expected);
  });

  it.each([
    ['2008-05-10', '2026-05-09', 17],
    ['2008-05-10', '2026-05-10', 18],
    ['2008-05-10', '2026-05-11', 18],
    ['2008-02-29', '2026-02-27', 17],
    ['2008-02-29', '2026-02-28', 18],
    ['2008-02-29', '2026-03-01', 18],
    ['2008-02-29', '2028-02-28', 19],
    ['2008-02-29', '2028-02-29', 20],
    ['2008-02-29', '2008-02-29', 0],
    ['2008-03-01', '2009-02-28', 0],
    ['2008-03-01', '2009-03-01', 1],
  ])('born %s, on %s aged %i', (birth, date, age) => {
    expect(ageOn(birth, date)).toBe(age);
  });

  it('ageOn agrees with anniversary for every birth date and age', () => {
    const birth = fc
      .record({ year: fc.integer({ min: 1900, max: 2100 }), month: fc.integer({ min: 1, max: 12 }) })
      .chain(({ year, month }) =>
        fc
          .integer({ min: 1, max: daysInMonth(year, month) })
          .map((day) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`),
      );
    fc.assert(
      fc.property(birth, fc.integer({ min: 1, max: 120 }), (b, years) => {
        const day = anniversary(b, years);
        expect(ageOn(b, day)).toBe(years);
        expect(ageOn(b, dayBefore(day))).toBe(years - 1);
      }),
    );
  });
});

describe('compareDates, minDate, maxDate', () => {
  it('orders calendar days', () => {
    expect(compareDates('2024-02-29', '2024-03-01')).toBeLessThan(0);
    expect(compareDates('2024-03-01', '2024-03-01')).toBe(0);
    expect(compareDates('2025-01-01', '2024-12-31')).toBeGreaterThan(0);
    expect(minDate('2024-05-01', '2023-12-31', '2024-01-01')).toBe('2023-12-31');
    expect(maxDate('2024-05-01', '2023-12-31', '2024-01-01')).toBe('2024-05-01');
  });

  it('addDays and compareDates agree', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000, max: 100_000 }), (days) => {
        expect(compareDates(addDays('2000-01-01', days), '2000-01-01')).toBe(days);
        expect(addDays(addDays('2000-01-01', days), -days)).toBe('2000-01-01');
      }),
    );
  });
});

describe('todayIn', () => {
  it.each([
    // Winter, Warsaw is UTC+1: half an hour before midnight UTC it is already the new year there.
    ['2024-12-31T23:30:00.000Z', 'Europe/Warsaw', '2025-01-01'],
    ['2024-12-31T23:30:00.000Z', 'UTC', '2024-12-31'],
    ['2024-12-31T22:59:59.999Z', 'Europe/Warsaw', '2024-12-31'],
    ['2024-12-31T23:00:00.000Z', 'Europe/Warsaw', '2025-01-01'],
    // Summer, Warsaw is UTC+2.
    ['2024-06-30T21:59:59.999Z', 'Europe/Warsaw', '2024-06-30'],
    ['2024-06-30T22:00:00.000Z', 'Europe/Warsaw', '2024-07-01'],
    ['2024-06-30T22:00:00.000Z', 'UTC', '2024-06-30'],
    // The night the clocks go forward (02:00 -> 03:00 local, 01:00 UTC).
    ['2024-03-30T22:59:59.000Z', 'Europe/Warsaw', '2024-03-30'],
    ['2024-03-30T23:00:00.000Z', 'Europe/Warsaw', '2024-03-31'],
    // West of UTC the local day lags behind.
    ['2024-01-01T04:59:59.000Z', 'America/New_York', '2023-12-31'],
    ['2024-01-01T05:00:00.000Z', 'America/New_York', '2024-01-01'],
  ])('%s in %s is %s', (instant, timeZone, expected) => {
    expect(todayIn(timeZone, new Date(instant))).toBe(expected);
  });

  it('rejects an unknown time zone', () => {
    expect(() => todayIn('Mars/Olympus', new Date())).toThrow(RangeError);
  });

  // todayIn keeps the last day's span per zone; walking across midnights and change-overs, forwards and back,
  // it must agree with the calendar computed afresh for each instant.
  it.each(['Europe/Warsaw', 'America/Santiago', 'Australia/Lord_Howe', 'UTC'])(
    'agrees with a fresh computation at every quarter hour around the change-overs in %s',
    (timeZone) => {
      const fresh = new Intl.DateTimeFormat('en-CA', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      });
      const starts = [
        '2026-03-27T00:00:00Z',
        '2026-09-04T00:00:00Z',
        '2026-10-23T00:00:00Z',
        '2026-04-03T00:00:00Z',
      ];
      for (const start of starts) {
        const instants = Array.from({ length: 4 * 24 * 4 }, (_, i) => Date.parse(start) + i * 900_000 - 1);
        for (const t of [...instants, ...instants.reverse()]) {
          expect([new Date(t).toISOString(), todayIn(timeZone, new Date(t))]).toEqual([
            new Date(t).toISOString(),
            fresh.format(new Date(t)),
          ]);
        }
      }
    },
  );
});

describe('startOfDayIn', () => {
  it.each([
    ['2026-01-15', 'Europe/Warsaw', '2026-01-14T23:00:00.000Z'],
    ['2026-07-01', 'Europe/Warsaw', '2026-06-30T22:00:00.000Z'],
    ['2026-03-29', 'Europe/Warsaw', '2026-03-28T23:00:00.000Z'],
    ['2026-10-25', 'Europe/Warsaw', '2026-10-24T22:00:00.000Z'],
    ['2026-07-01', 'UTC', '2026-07-01T00:00:00.000Z'],
    ['2026-07-01', 'America/New_York', '2026-07-01T04:00:00.000Z'],
    // Midnight does not exist on this day in Santiago (clocks jump from 00:00 to 01:00).
    ['2026-09-06', 'America/Santiago', '2026-09-06T04:00:00.000Z'],
  ])('%s in %s begins at %s', (date, zone, instant) => {
    expect(startOfDayIn(date, zone).toISOString()).toBe(instant);
  });

  it('is the first instant whose date in the zone is that day', () => {
    const start = startOfDayIn('2026-03-29', 'Europe/Warsaw');
    expect(todayIn('Europe/Warsaw', start)).toBe('2026-03-29');
    expect(todayIn('Europe/Warsaw', new Date(start.getTime() - 1))).toBe('2026-03-28');
  });
});
