import {
  currentWindow,
  isActiveAt,
  nextWindow,
  offerAvailability,
  scheduleProblems,
  type OfferSchedule,
  type OfferStatus,
} from './offer-schedule';

const WARSAW = 'Europe/Warsaw';
const NEW_YORK = 'America/New_York';
const at = (iso: string) => new Date(iso);
const temporary = (startsOn: string, endsOn: string): OfferSchedule => ({
  kind: 'temporary',
  startsOn,
  endsOn,
});
const seasonal = (fromMonthDay: string, toMonthDay: string): OfferSchedule => ({
  kind: 'seasonal',
  fromMonthDay,
  toMonthDay,
});
const occasional = (startsAt: string, endsAt: string): OfferSchedule => ({
  kind: 'occasional',
  startsAt,
  endsAt,
});
const CONCERT = occasional('2026-06-12T19:00:00+02:00', '2026-06-12T23:00:00+02:00');

// Warsaw is UTC+1 in winter and UTC+2 in summer; in 2026 the clocks change on 29 March and 25 October.
describe('isActiveAt in Europe/Warsaw', () => {
  it.each<[string, OfferSchedule, string, boolean]>([
    ['permanent', { kind: 'permanent' }, '1970-01-01T00:00:00Z', true],
    ['permanent, far future', { kind: 'permanent' }, '2999-01-01T00:00:00Z', true],

    ['December, 23:30 on the last day', temporary('2026-12-01', '2026-12-31'), '2026-12-31T22:30:00Z', true],
    [
      'December, midnight after the last day',
      temporary('2026-12-01', '2026-12-31'),
      '2026-12-31T23:00:00Z',
      false,
    ],
    ['December, 00:30 on 1 January', temporary('2026-12-01', '2026-12-31'), '2026-12-31T23:30:00Z', false],
    [
      'December, a moment before it starts',
      temporary('2026-12-01', '2026-12-31'),
      '2026-11-30T22:59:59.999Z',
      false,
    ],
    ['December, midnight it starts', temporary('2026-12-01', '2026-12-31'), '2026-11-30T23:00:00Z', true],
    ['one day', temporary('2026-05-05', '2026-05-05'), '2026-05-05T12:00:00Z', true],
    [
      'spring-forward day, its first moment',
      temporary('2026-03-29', '2026-03-29'),
      '2026-03-28T23:00:00Z',
      true,
    ],
    ['spring-forward day, before it', temporary('2026-03-29', '2026-03-29'), '2026-03-28T22:59:59Z', false],
    ['spring-forward day, 23:59 CEST', temporary('2026-03-29', '2026-03-29'), '2026-03-29T21:59:59Z', true],
    [
      'spring-forward day, next midnight',
      temporary('2026-03-29', '2026-03-29'),
      '2026-03-29T22:00:00Z',
      false,
    ],
    ['fall-back day, first moment', temporary('2026-10-25', '2026-10-25'), '2026-10-24T22:00:00Z', true],
    ['fall-back day, 23:30 CET', temporary('2026-10-25', '2026-10-25'), '2026-10-25T22:30:00Z', true],
    ['fall-back day, next midnight', temporary('2026-10-25', '2026-10-25'), '2026-10-25T23:00:00Z', false],
    ['ends before it starts: never', temporary('2026-05-10', '2026-05-01'), '2026-05-05T12:00:00Z', false],

    ['winter holidays, 14 December', seasonal('12-15', '01-06'), '2026-12-14T12:00:00Z', false],
    ['winter holidays, midnight of 15 December', seasonal('12-15', '01-06'), '2026-12-14T23:00:00Z', true],
    ['winter holidays, 31 December', seasonal('12-15', '01-06'), '2026-12-31T12:00:00Z', true],
    ['winter holidays, 3 January', seasonal('12-15', '01-06'), '2027-01-03T12:00:00Z', true],
    ['winter holidays, 23:59 on 6 January', seasonal('12-15', '01-06'), '2027-01-06T22:59:59Z', true],
    ['winter holidays, 7 January', seasonal('12-15', '01-06'), '2027-01-07T12:00:00Z', false],
    ['winter holidays, July', seasonal('12-15', '01-06'), '2026-07-01T12:00:00Z', false],
    ['winter holidays, a later year', seasonal('12-15', '01-06'), '2031-01-01T12:00:00Z', true],
    ['summer holidays, 1 July', seasonal('07-01', '08-31'), '2026-06-30T22:00:00Z', true],
    ['summer holidays, 1 September', seasonal('07-01', '08-31'), '2026-08-31T22:00:00Z', false],
    ['a single day every year', seasonal('07-04', '07-04'), '2027-07-04T10:00:00Z', true],
    ['a single day every year, the day after', seasonal('07-04', '07-04'), '2027-07-05T10:00:00Z', false],

    [
      'from 02-29 in a common year starts 28 February',
      seasonal('02-29', '03-10'),
      '2026-02-28T12:00:00Z',
      true,
    ],
    ['from 02-29 in a common year, 27 February', seasonal('02-29', '03-10'), '2026-02-27T12:00:00Z', false],
    ['from 02-29 in a leap year, 28 February', seasonal('02-29', '03-10'), '2028-02-28T12:00:00Z', false],
    ['from 02-29 in a leap year, 29 February', seasonal('02-29', '03-10'), '2028-02-29T12:00:00Z', true],
    ['until 02-29 in a common year, 28 February', seasonal('02-01', '02-29'), '2026-02-28T12:00:00Z', true],
    ['until 02-29 in a common year, 1 March', seasonal('02-01', '02-29'), '2026-03-01T12:00:00Z', false],
    ['until 02-29 in a leap year, 29 February', seasonal('02-01', '02-29'), '2028-02-29T12:00:00Z', true],
    ['until 02-29 in a leap year, 1 March', seasonal('02-01', '02-29'), '2028-03-01T12:00:00Z', false],
    ['only 02-29, common year', seasonal('02-29', '02-29'), '2027-02-28T12:00:00Z', true],
    ['only 02-29, leap year, 28 February', seasonal('02-29', '02-29'), '2028-02-28T12:00:00Z', false],

    ['concert, before', CONCERT, '2026-06-12T16:59:59Z', false],
    ['concert, its first moment', CONCERT, '2026-06-12T17:00:00Z', true],
    ['concert, during', CONCERT, '2026-06-12T20:59:59.999Z', true],
    ['concert, at its end', CONCERT, '2026-06-12T21:00:00Z', false],
    ['concert, next day', CONCERT, '2026-06-13T12:00:00Z', false],
    [
      'event in Z with fractions',
      occasional('2026-06-12T17:00:00.5Z', '2026-06-12T18:00Z'),
      '2026-06-12T17:30:00Z',
      true,
    ],
    [
      'event longer than allowed still runs',
      occasional('2026-06-01T00:00Z', '2026-08-01T00:00Z'),
      '2026-07-01T00:00:00Z',
      true,
    ],
    [
      'event ending before it starts: never',
      occasional('2026-06-12T19:00Z', '2026-06-12T18:00Z'),
      '2026-06-12T18:30:00Z',
      false,
    ],
    [
      'event on 31 June: never',
      occasional('2026-06-31T19:00Z', '2026-07-01T18:00Z'),
      '2026-07-01T12:00:00Z',
      false,
    ],
  ])('%s', (_name, schedule, now, active) => {
    expect(isActiveAt(schedule, at(now), WARSAW)).toBe(active);
    expect(currentWindow(schedule, at(now), WARSAW) !== null).toBe(active);
  });
});

describe('the programme time zone decides', () => {
  it.each<[OfferSchedule, string, boolean, boolean]>([
    // 23:30 UTC on 31 December: 00:30 on 1 January in Warsaw, 18:30 on 31 December in New York.
    [temporary('2026-12-01', '2026-12-31'), '2026-12-31T23:30:00Z', false, true],
    [temporary('2027-01-01', '2027-01-31'), '2026-12-31T23:30:00Z', true, false],
    [seasonal('12-15', '01-06'), '2027-01-07T03:00:00Z', false, true],
    // An event is an instant: the same everywhere.
    [CONCERT, '2026-06-12T18:00:00Z', true, true],
  ])('%j at %s: Warsaw %p, New York %p', (schedule, now, warsaw, newYork) => {
    expect(isActiveAt(schedule, at(now), WARSAW)).toBe(warsaw);
    expect(isActiveAt(schedule, at(now), NEW_YORK)).toBe(newYork);
  });
});

describe('currentWindow and nextWindow', () => {
  const window = (start: string, end: string) => ({ start: at(start), end: at(end) });

  it.each<
    [string, OfferSchedule, string, ReturnType<typeof window> | null, ReturnType<typeof window> | null]
  >([
    [
      'December, during',
      temporary('2026-12-01', '2026-12-31'),
      '2026-12-10T12:00:00Z',
      window('2026-11-30T23:00:00Z', '2026-12-31T23:00:00Z'),
      null,
    ],
    [
      'December, before',
      temporary('2026-12-01', '2026-12-31'),
      '2026-10-10T12:00:00Z',
      null,
      window('2026-11-30T23:00:00Z', '2026-12-31T23:00:00Z'),
    ],
    ['December, after', temporary('2026-12-01', '2026-12-31'), '2027-01-10T12:00:00Z', null, null],
    [
      'spring-forward day lasts 23 hours',
      temporary('2026-03-29', '2026-03-29'),
      '2026-03-29T12:00:00Z',
      window('2026-03-28T23:00:00Z', '2026-03-29T22:00:00Z'),
      null,
    ],
    [
      'winter holidays on 3 January: this season, then next',
      seasonal('12-15', '01-06'),
      '2027-01-03T12:00:00Z',
      window('2026-12-14T23:00:00Z', '2027-01-06T23:00:00Z'),
      window('2027-12-14T23:00:00Z', '2028-01-06T23:00:00Z'),
    ],
    [
      'winter holidays in June: the coming season',
      seasonal('12-15', '01-06'),
      '2026-06-01T12:00:00Z',
      null,
      window('2026-12-14T23:00:00Z', '2027-01-06T23:00:00Z'),
    ],
    [
      'summer holidays in August: next summer, in CEST',
      seasonal('07-01', '08-31'),
      '2026-08-15T12:00:00Z',
      window('2026-06-30T22:00:00Z', '2026-08-31T22:00:00Z'),
      window('2027-06-30T22:00:00Z', '2027-08-31T22:00:00Z'),
    ],
    [
      'concert, before',
      CONCERT,
      '2026-06-01T12:00:00Z',
      null,
      window('2026-06-12T17:00:00Z', '2026-06-12T21:00:00Z'),
    ],
    [
      'concert, during',
      CONCERT,
      '2026-06-12T18:00:00Z',
      window('2026-06-12T17:00:00Z', '2026-06-12T21:00:00Z'),
      null,
    ],
    ['concert, after', CONCERT, '2026-06-13T12:00:00Z', null, null],
  ])('%s', (_name, schedule, now, current, next) => {
    expect(currentWindow(schedule, at(now), WARSAW)).toEqual(current);
    expect(nextWindow(schedule, at(now), WARSAW)).toEqual(next);
  });

  it('a permanent offer has one endless window and nothing next', () => {
    const window = currentWindow({ kind: 'permanent' }, at('2026-06-01T00:00:00Z'), WARSAW)!;
    expect(window.start.getTime()).toBeLessThan(Date.UTC(-200_000, 0));
    expect(window.end.getTime()).toBeGreaterThan(Date.UTC(200_000, 0));
    expect(nextWindow({ kind: 'permanent' }, at('2026-06-01T00:00:00Z'), WARSAW)).toBeNull();
  });
});

describe('offerAvailability', () => {
  const NOW = '2026-06-01T10:00:00Z'; // 12:00 on 1 June in Warsaw; 30 days later is 1 July

  it.each<[string, OfferStatus, OfferSchedule, 'active' | 'upcoming' | 'inactive']>([
    ['published permanent', 'published', { kind: 'permanent' }, 'active'],
    ['paused permanent', 'paused', { kind: 'permanent' }, 'inactive'],
    ['ended permanent', 'ended', { kind: 'permanent' }, 'inactive'],
    ['draft permanent', 'draft', { kind: 'permanent' }, 'inactive'],
    ['permanent awaiting approval', 'pending_approval', { kind: 'permanent' }, 'inactive'],
    ['published, running', 'published', temporary('2026-05-01', '2026-06-30'), 'active'],
    ['paused while its dates run', 'paused', temporary('2026-05-01', '2026-06-30'), 'inactive'],
    ['ended while its dates run', 'ended', temporary('2026-05-01', '2026-06-30'), 'inactive'],
    ['published, over', 'published', temporary('2026-05-01', '2026-05-31'), 'inactive'],
    ['starts in 10 days', 'published', temporary('2026-06-11', '2026-06-30'), 'upcoming'],
    ['starts on the 30th day', 'published', temporary('2026-07-01', '2026-07-31'), 'upcoming'],
    ['starts on the 31st day', 'published', temporary('2026-07-02', '2026-07-31'), 'inactive'],
    ['paused, starts in 10 days', 'paused', temporary('2026-06-11', '2026-06-30'), 'inactive'],
    ['summer holidays', 'published', seasonal('07-01', '08-31'), 'upcoming'],
    ['winter holidays', 'published', seasonal('12-15', '01-06'), 'inactive'],
    ['concert in 11 days', 'published', CONCERT, 'upcoming'],
    ['draft concert', 'draft', CONCERT, 'inactive'],
    ['malformed dates', 'published', temporary('2026-06-31', '2026-07-05'), 'inactive'],
  ])('%s: %s', (_name, status, schedule, expected) => {
    expect(offerAvailability(status, schedule, at(NOW), WARSAW)).toBe(expected);
  });

  it.each<[OfferSchedule, number, 'upcoming' | 'inactive']>([
    [seasonal('07-01', '08-31'), 29, 'inactive'],
    [seasonal('12-15', '01-06'), 200, 'upcoming'],
    [temporary('2026-06-02', '2026-06-05'), 0, 'inactive'],
    [occasional('2026-06-01T18:00:00+02:00', '2026-06-01T22:00:00+02:00'), 0, 'upcoming'],
  ])('%j with a horizon of %d days: %s', (schedule, horizon, expected) => {
    expect(offerAvailability('published', schedule, at(NOW), WARSAW, horizon)).toBe(expected);
  });

  it('counts the horizon in calendar days of the programme time zone', () => {
    // 22:30 UTC on 1 June is already 2 June in Warsaw, so 2 July is within 30 days there but not in New York.
    const schedule = temporary('2026-07-02', '2026-07-10');
    expect(offerAvailability('published', schedule, at('2026-06-01T22:30:00Z'), WARSAW)).toBe('upcoming');
    expect(offerAvailability('published', schedule, at('2026-06-01T22:30:00Z'), NEW_YORK)).toBe('inactive');
  });

  it.each([-1, 1.5, NaN])('refuses a horizon of %p days', (horizon) => {
    expect(() => offerAvailability('published', { kind: 'permanent' }, at(NOW), WARSAW, horizon)).toThrow(
      RangeError,
    );
  });
});

describe('scheduleProblems', () => {
  it.each<[OfferSchedule, string[]]>([
    [{ kind: 'permanent' }, []],
    [temporary('2026-06-01', '2026-06-30'), []],
    [temporary('2026-06-01', '2026-06-01'), []],
    [temporary('2026-06-02', '2026-06-01'), ['endsOn must not be before startsOn']],
    [
      temporary('2026-02-29', '2026-3-01'),
      ['startsOn must be a date as YYYY-MM-DD', 'endsOn must be a date as YYYY-MM-DD'],
    ],
    [seasonal('12-15', '01-06'), []],
    [seasonal('02-29', '02-29'), []],
    [seasonal('02-30', '03-01'), ['fromMonthDay must be a day of the year as MM-DD, e.g. 12-15']],
    [seasonal('01-01', '13-01'), ['toMonthDay must be a day of the year as MM-DD, e.g. 12-15']],
    [
      seasonal('04-31', '00-10'),
      [
        'fromMonthDay must be a day of the year as MM-DD, e.g. 12-15',
        'toMonthDay must be a day of the year as MM-DD, e.g. 12-15',
      ],
    ],
    [
      seasonal('1-5', '2026-01-06'),
      [
        'fromMonthDay must be a day of the year as MM-DD, e.g. 12-15',
        'toMonthDay must be a day of the year as MM-DD, e.g. 12-15',
      ],
    ],
    [CONCERT, []],
    [occasional('2026-06-01T00:00:00Z', '2026-07-02T00:00:00Z'), []], // exactly 31 days
    [
      occasional('2026-06-01T00:00:00Z', '2026-07-02T00:00:01Z'),
      ['an occasional offer may last at most 31 days; make it a temporary one'],
    ],
    [occasional('2026-06-12T19:00:00+02:00', '2026-06-12T17:00:00Z'), ['endsAt must be after startsAt']],
    [occasional('2026-06-12T19:00:00Z', '2026-06-12T19:00:00Z'), ['endsAt must be after startsAt']],
    [
      occasional('2026-06-12T19:00:00', '2026-06-12T24:00:00Z'),
      [
        'startsAt must be a date and time with its offset, e.g. 2026-06-01T18:00:00+02:00',
        'endsAt must be a date and time with its offset, e.g. 2026-06-01T18:00:00+02:00',
      ],
    ],
    [
      occasional('2026-02-30T19:00:00Z', '2026-03-02T19:00:00Z'),
      ['startsAt must be a date and time with its offset, e.g. 2026-06-01T18:00:00+02:00'],
    ],
  ])('%j -> %j', (schedule, problems) => {
    expect(scheduleProblems(schedule)).toEqual(problems);
  });

  it.each([{ kind: 'weekly' }, {}, null])('refuses an unknown schedule %j', (schedule) => {
    expect(scheduleProblems(schedule as unknown as OfferSchedule)).toEqual([
      expect.stringContaining('schedule kind'),
    ]);
    expect(isActiveAt(schedule as unknown as OfferSchedule, at('2026-06-01T00:00:00Z'), WARSAW)).toBe(false);
  });
});
