import { openingHoursProblems } from '../opening-hours';
import { cellsOf, foreignCells, mapHeader } from './partner-columns';
import {
  parseAudience,
  parseBenefit,
  parseDecimal,
  parseLimits,
  parseMoney,
  parseOpeningHours,
  parseOutletRefs,
  parseSchedule,
} from './partner-values';

const value = <T>(parsed: { ok: true; value: T } | { ok: false; message: string }): T => {
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
};
const message = (parsed: { ok: boolean; message?: string }) => (parsed.ok ? null : parsed.message);

describe('opening hours cell', () => {
  const week = (hours: [string, string][], days = ['mon', 'tue', 'wed', 'thu', 'fri']) =>
    Object.fromEntries(days.map((d) => [d, hours]));

  it.each([
    ['mon-fri 09:00-17:00', week([['09:00', '17:00']])],
    ['mon-fri 09:00-17:00; sat 10:00-14:00', { ...week([['09:00', '17:00']]), sat: [['10:00', '14:00']] }],
    // Either order, days in weekday order when stored; several intervals; 9:00 is 09:00.
    [
      'sat 10:00-14:00;mon,wed 9:00-12:00,13:00-18:00',
      {
        mon: [
          ['09:00', '12:00'],
          ['13:00', '18:00'],
        ],
        wed: [
          ['09:00', '12:00'],
          ['13:00', '18:00'],
        ],
        sat: [['10:00', '14:00']],
      },
    ],
    // A range may wrap round the week; "closed" and an empty entry add nothing; 24:00 closes at midnight.
    ['fri-mon 18:00-24:00; tue closed;', week([['18:00', '00:00']], ['mon', 'fri', 'sat', 'sun'])],
    // Polish abbreviations, capitals and an en dash as a spreadsheet writes them.
    [
      'Pn–Pt 8:00–16:00; Sb 9.00-13.00; nd closed',
      { ...week([['08:00', '16:00']]), sat: [['09:00', '13:00']] },
    ],
  ])('%j', (cell, hours) => {
    const parsed = value(parseOpeningHours(cell));
    expect(parsed).toEqual(hours);
    expect(Object.keys(parsed)).toEqual(Object.keys(hours).sort((a, b) => order(a) - order(b)));
    expect(openingHoursProblems(parsed)).toEqual([]);
  });

  it.each([
    ['weekdays 9-5', 'cannot read "weekdays 9-5"'],
    ['mon-fri', 'cannot read "mon-fri"'],
    ['mon- 09:00-17:00', 'cannot read "mon- 09:00-17:00"'],
    ['mon 09:00', 'cannot read the hours "09:00"'],
    ['mon 09:00-17:00-18:00', 'cannot read the hours "09:00-17:00-18:00"'],
  ])('refuses %j', (cell, reason) => {
    expect(message(parseOpeningHours(cell))).toContain(reason);
  });

  it('leaves order and overlaps to the API check', () => {
    const parsed = value(parseOpeningHours('mon 17:00-09:00; tue 10:00-12:00; tue 11:00-13:00'));
    expect(openingHoursProblems(parsed)).toEqual([
      'openingHours.mon: 09:00 is not after 17:00',
      'openingHours.tue: intervals overlap or are out of order',
    ]);
  });
});

const order = (day: string) => ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].indexOf(day);

describe('benefit cell', () => {
  it.each([
    ['percent:20', { type: 'percent', percent: 20 }],
    ['Percent: 12,5 %', { type: 'percent', percent: 12.5 }],
    ['amount_off:15.00', { type: 'amount_off', amount: 1500 }],
    ['amount_off:15', { type: 'amount_off', amount: 1500 }],
    ['special_price:9.99', { type: 'special_price', price: 999 }],
    ['special_price:0', { type: 'special_price', price: 0 }],
    ['free_entry', { type: 'free_entry' }],
    ['free_text', { type: 'free_text' }],
  ])('%j', (cell, benefit) => {
    expect(value(parseBenefit(cell, 'PLN'))).toEqual(benefit);
  });

  it.each([
    ['half price', 'must be one of percent:N'],
    ['percent', 'must be one of percent:N'],
    ['free_entry:5', 'must be one of percent:N'],
    ['percent:twenty', 'percent must be a number such as 20 or 12.5'],
    ['amount_off:15.005', 'PLN amounts have at most 2 decimal places'],
    ['amount_off:-5', 'must be an amount in PLN'],
  ])('refuses %j', (cell, reason) => {
    expect(message(parseBenefit(cell, 'PLN'))).toContain(reason);
  });

  it.each([
    ['12.5', 'PLN', 1250],
    ['1 000,5', 'PLN', 100050],
    ['1500', 'JPY', 1500],
    ['1.234', 'KWD', 1234],
  ])('money %j in %s is %d minor units', (cell, currency, minor) => {
    expect(value(parseMoney(cell, currency))).toBe(minor);
  });

  it('refuses decimals a currency does not have', () => {
    expect(message(parseMoney('15.5', 'JPY'))).toBe('JPY amounts have at most 0 decimal places (got "15.5")');
  });
});

describe('schedule cell', () => {
  it.each([
    ['permanent', { kind: 'permanent' }],
    ['temporary:2026-12-01..2027-01-31', { kind: 'temporary', startsOn: '2026-12-01', endsOn: '2027-01-31' }],
    [
      'temporary: 1.12.2026 .. 31.01.2027',
      { kind: 'temporary', startsOn: '2026-12-01', endsOn: '2027-01-31' },
    ],
    ['seasonal:12-15..01-06', { kind: 'seasonal', fromMonthDay: '12-15', toMonthDay: '01-06' }],
    [
      'occasional:2026-12-31T20:00+01:00..2027-01-01T02:00+01:00',
      { kind: 'occasional', startsAt: '2026-12-31T20:00+01:00', endsAt: '2027-01-01T02:00+01:00' },
    ],
    // What the cell cannot judge is passed on as written, for scheduleProblems to name.
    ['temporary:soon..later', { kind: 'temporary', startsOn: 'soon', endsOn: 'later' }],
  ])('%j', (cell, schedule) => {
    expect(value(parseSchedule(cell))).toEqual(schedule);
  });

  it.each(['weekly', 'permanent:2026', 'temporary:2026-12-01', 'seasonal:12-15..', 'occasional:..x'])(
    'refuses %j',
    (cell) => {
      expect(message(parseSchedule(cell))).toMatch(
        /^must be one of permanent, temporary:FIRST_DAY\.\.LAST_DAY/,
      );
    },
  );
});

describe('audience, limits, outlets and numbers', () => {
  it.each([
    ['all', { kind: 'all' }],
    ['Children', { kind: 'children' }],
    ['parents', { kind: 'parents' }],
    ['age:6-12', { kind: 'age_range', minAge: 6, maxAge: 12 }],
    ['age: 6 -', { kind: 'age_range', minAge: 6 }],
    ['age:-12', { kind: 'age_range', maxAge: 12 }],
  ])('audience %j', (cell, audience) => {
    expect(value(parseAudience(cell))).toEqual(audience);
  });

  it.each(['everyone', 'age:-', 'age:six-12'])('refuses audience %j', (cell) => {
    expect(message(parseAudience(cell))).toMatch(/^must be all, children, parents or age:MIN-MAX/);
  });

  it.each([
    [
      'day:1;week:3;month:5;total:10;family:20',
      { perCardPerDay: 1, perCardPerWeek: 3, perCardPerMonth: 5, perCardTotal: 10, perFamilyTotal: 20 },
    ],
    ['Day:1, total:4', { perCardPerDay: 1, perCardTotal: 4 }],
    ['', {}],
  ])('limits %j', (cell, limits) => {
    expect(value(parseLimits(cell))).toEqual(limits);
  });

  it.each([
    ['hour:1', 'cannot read "hour:1"'],
    ['day', 'cannot read "day"'],
    ['day:1;day:2', 'names day twice'],
    ['day:x', 'day must be a whole number from 1 to 10000 (got "x")'],
  ])('refuses limits %j', (cell, reason) => {
    expect(message(parseLimits(cell))).toContain(reason);
  });

  it.each([
    ['*', { all: true }],
    ['grodzka;sklep', { all: false, refs: ['grodzka', 'sklep'] }],
    ['grodzka, sklep  hala', { all: false, refs: ['grodzka', 'sklep', 'hala'] }],
  ])('outlets %j', (cell, refs) => {
    expect(value(parseOutletRefs(cell))).toEqual(refs);
  });

  it.each([
    ['a;b;a', 'names outlet a twice'],
    ['a;*', '"*" means every outlet of the partner and stands alone'],
  ])('refuses outlets %j', (cell, reason) => {
    expect(message(parseOutletRefs(cell))).toBe(reason);
  });

  it.each([
    ['51.2465', 51.2465],
    ['51,2465', 51.2465],
    ['-0.5', -0.5],
    ['\u22120,5', -0.5],
  ])('decimal %j', (cell, n) => {
    expect(value(parseDecimal(cell))).toBe(n);
  });

  it.each(['51.2465N', '1e3', ''])('refuses decimal %j', (cell) => {
    expect(message(parseDecimal(cell))).toMatch(/^must be a number such as 51\.2465/);
  });
});

describe('header', () => {
  it('maps names as the family import does, texts per language, and names what it ignores', () => {
    const header = mapHeader(['Record', ' Tax Number ', 'title-pl', 'Description_EN', 'notes', '']);
    expect(header).toEqual({
      ok: true,
      width: 6,
      plain: { record: 0, tax_number: 1 },
      texts: [
        { field: 'title', language: 'pl', position: 2 },
        { field: 'description', language: 'en', position: 3 },
      ],
      ignored: ['notes'],
    });
  });

  it('names every required column missing and every repeated one', () => {
    expect(mapHeader(['name', 'Name', 'title_pl', 'title pl'])).toEqual({
      ok: false,
      errors: [
        'the header lacks required column(s): record, tax_number',
        'the header repeats column(s): name, title_pl',
      ],
    });
  });

  it('finds filled cells of columns a kind of row does not use', () => {
    const header = mapHeader(['record', 'tax_number', 'name', 'city', 'title_pl', 'description_pl']);
    if (!header.ok) throw new Error('header');
    const cells = cellsOf(['partner', '5260250274', 'Kino', 'Lublin', 'Bilet', 'Kino studyjne'], header);
    expect(foreignCells('partner', cells)).toEqual(['city', 'title_pl']);
    expect(foreignCells('offer', cells)).toEqual(['name', 'city']);
    expect(foreignCells('outlet', { ...cells, texts: {} })).toEqual([]);
  });
});
