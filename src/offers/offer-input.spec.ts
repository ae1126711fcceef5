import {
  defaultRef,
  derivedColumns,
  editSummary,
  OfferInput,
  offerInputProblems,
  OfferSnapshot,
  PERMANENT_WINDOW_START,
  REF_PATTERN,
  textsProblems,
  windowColumns,
  cleanTexts,
} from './offer-input';

const LANGUAGES = ['pl', 'en'];
const valid: OfferInput = {
  texts: { pl: { title: 'Bilet rodzinny' }, en: { title: 'Family ticket', description: 'Weekdays' } },
  benefit: { type: 'percent', percent: 20 },
  schedule: { kind: 'permanent' },
  audience: { kind: 'all' },
  minFamilySize: null,
  limits: {},
};
const fieldsOf = (input: Partial<Record<keyof OfferInput, unknown>>) =>
  offerInputProblems({ ...valid, ...input } as OfferInput, LANGUAGES).map((e) => e.field);

describe('offerInputProblems', () => {
  it('accepts a valid offer', () => {
    expect(offerInputProblems(valid, LANGUAGES)).toEqual([]);
  });

  it.each<[string, Partial<Record<keyof OfferInput, unknown>>, string[]]>([
    ['percent over 100', { benefit: { type: 'percent', percent: 150 } }, ['benefit']],
    ['unknown benefit type', { benefit: { type: 'cashback' } }, ['benefit']],
    ['a key of another benefit type', { benefit: { type: 'percent', percent: 10, amount: 5 } }, ['benefit']],
    ['benefit not an object', { benefit: null }, ['benefit']],
    [
      'temporary ending before it starts',
      { schedule: { kind: 'temporary', startsOn: '2026-05-02', endsOn: '2026-05-01' } },
      ['schedule'],
    ],
    [
      'seasonal with a bad day',
      { schedule: { kind: 'seasonal', fromMonthDay: '02-30', toMonthDay: '03-01' } },
      ['schedule'],
    ],
    [
      'occasional without an offset',
      { schedule: { kind: 'occasional', startsAt: '2026-06-01T18:00', endsAt: '2026-06-01T22:00Z' } },
      ['schedule'],
    ],
    ['permanent with dates', { schedule: { kind: 'permanent', startsOn: '2026-01-01' } }, ['schedule']],
    ['age range upside down', { audience: { kind: 'age_range', minAge: 10, maxAge: 5 } }, ['audience']],
    ['unknown audience', { audience: { kind: 'pets' } }, ['audience']],
    ['limit of zero', { limits: { perCardPerDay: 0 } }, ['limits']],
    ['day limit above week limit', { limits: { perCardPerDay: 5, perCardPerWeek: 2 } }, ['limits']],
    ['unknown limit', { limits: { perYear: 2 } }, ['limits']],
    ['limits null', { limits: null }, ['limits']],
    [
      'two wrong fields at once',
      { benefit: { type: 'percent', percent: 0 }, audience: null },
      ['benefit', 'audience'],
    ],
  ])('%s → %j', (_, input, fields) => {
    expect(fieldsOf(input)).toEqual(fields);
  });

  it('accepts every valid variant', () => {
    for (const input of [
      { benefit: { type: 'amount_off', amount: 1500 } },
      { benefit: { type: 'special_price', price: 0 } },
      { benefit: { type: 'free_entry' } },
      { schedule: { kind: 'seasonal', fromMonthDay: '12-15', toMonthDay: '01-15' } },
      {
        schedule: {
          kind: 'occasional',
          startsAt: '2026-06-01T18:00:00+02:00',
          endsAt: '2026-06-01T22:00:00+02:00',
        },
      },
      { audience: { kind: 'age_range', maxAge: 12 } },
      { limits: { perCardPerDay: 1, perCardPerMonth: 4, perFamilyTotal: 10 } },
    ])
      expect(fieldsOf(input)).toEqual([]);
  });
});

describe('textsProblems', () => {
  it.each<[string, unknown, string[]]>([
    ['missing default language', { en: { title: 'Family ticket' } }, ['texts.pl']],
    [
      'a language the programme does not speak',
      { pl: { title: 'Bilet' }, de: { title: 'Karte' } },
      ['texts.de'],
    ],
    ['blank title', { pl: { title: '   ' } }, ['texts.pl.title']],
    ['no title', { pl: { description: 'Opis' } }, ['texts.pl.title']],
    ['title too long', { pl: { title: 'x'.repeat(121) } }, ['texts.pl.title']],
    [
      'description too long',
      { pl: { title: 'Bilet', description: 'x'.repeat(2001) } },
      ['texts.pl.description'],
    ],
    ['terms not a text', { pl: { title: 'Bilet', terms: 5 } }, ['texts.pl.terms']],
    ['unknown field', { pl: { title: 'Bilet', subtitle: 'x' } }, ['texts.pl.subtitle']],
    ['text not an object', { pl: 'Bilet' }, ['texts.pl']],
    ['empty map', {}, ['texts']],
    ['not a map', ['pl'], ['texts']],
  ])('%s → %j', (_, texts, fields) => {
    expect(textsProblems(texts, LANGUAGES).map((e) => e.field)).toEqual(fields);
  });

  it('allows the longest texts', () => {
    const texts = { pl: { title: 'x'.repeat(120), description: 'y'.repeat(2000), terms: 'z'.repeat(1000) } };
    expect(textsProblems(texts, LANGUAGES)).toEqual([]);
  });
});

describe('cleanTexts', () => {
  it('trims and drops empty optional texts', () => {
    expect(cleanTexts({ pl: { title: ' Bilet ', description: '  ', terms: ' Tylko w soboty ' } })).toEqual({
      pl: { title: 'Bilet', terms: 'Tylko w soboty' },
    });
  });
});

describe('defaultRef', () => {
  it.each([
    ['Bilet rodzinny −20%', 'bilet-rodzinny-20-abc'],
    ['Zniżka na Łódź', 'znizka-na-lodz-abc'],
    ['!!!', 'offer-abc'],
    ['a'.repeat(47) + ' b', `${'a'.repeat(47)}-abc`],
  ])('%s → %s', (title, ref) => {
    expect(defaultRef(title, 'abc')).toBe(ref);
    expect(ref).toMatch(REF_PATTERN);
  });

  it('differs between two offers with the same title', () => {
    expect(defaultRef('Bilet')).not.toBe(defaultRef('Bilet'));
    expect(defaultRef('x'.repeat(120))).toMatch(REF_PATTERN);
  });
});

describe('windowColumns', () => {
  const tz = 'Europe/Warsaw';
  const now = new Date('2026-07-10T12:00:00Z');
  it.each<[string, OfferInput['schedule'], string | null, string | null]>([
    [
      'permanent: from a fixed early instant, never ending',
      { kind: 'permanent' },
      PERMANENT_WINDOW_START.toISOString(),
      null,
    ],
    [
      'temporary, running: its own dates in Warsaw',
      { kind: 'temporary', startsOn: '2026-07-01', endsOn: '2026-07-31' },
      '2026-06-30T22:00:00.000Z',
      '2026-07-31T22:00:00.000Z',
    ],
    [
      'temporary, ahead: the coming window',
      { kind: 'temporary', startsOn: '2026-08-01', endsOn: '2026-08-02' },
      '2026-07-31T22:00:00.000Z',
      '2026-08-02T22:00:00.000Z',
    ],
    [
      'temporary, over: none',
      { kind: 'temporary', startsOn: '2026-06-01', endsOn: '2026-06-30' },
      null,
      null,
    ],
    [
      'seasonal, out of season: next year’s… this winter’s window',
      { kind: 'seasonal', fromMonthDay: '12-20', toMonthDay: '01-10' },
      '2026-12-19T23:00:00.000Z',
      '2027-01-10T23:00:00.000Z',
    ],
    [
      'seasonal, in season',
      { kind: 'seasonal', fromMonthDay: '07-01', toMonthDay: '08-31' },
      '2026-06-30T22:00:00.000Z',
      '2026-08-31T22:00:00.000Z',
    ],
    [
      'occasional, past: none',
      { kind: 'occasional', startsAt: '2026-07-01T18:00:00+02:00', endsAt: '2026-07-01T22:00:00+02:00' },
      null,
      null,
    ],
  ])('%s', (_, schedule, start, end) => {
    const w = windowColumns(schedule, now, tz);
    expect([w.windowStart?.toISOString() ?? null, w.windowEnd?.toISOString() ?? null]).toEqual([start, end]);
  });
});

describe('derivedColumns', () => {
  it('folds texts, partner and cities for search, and marks online offers', () => {
    const columns = derivedColumns(
      {
        texts: { pl: { title: 'Zniżka', description: 'Łódź Żółć' }, en: { title: 'Discount' } },
        benefit: valid.benefit,
        schedule: valid.schedule,
      },
      {
        partnerName: 'Kino Światowid',
        outlets: [
          { kind: 'place', city: 'Łódź' },
          { kind: 'place', city: 'Łódź' },
          { kind: 'online', city: null },
        ],
        now: new Date(),
        timeZone: 'Europe/Warsaw',
      },
    );
    expect(columns).toMatchObject({
      searchText: 'znizka lodz zolc discount kino swiatowid lodz',
      benefitType: 'percent',
      kind: 'permanent',
      online: true,
    });
  });
});

describe('editSummary', () => {
  const before: OfferSnapshot = { ...valid, ref: 'a', categoryId: 'c1', outletIds: ['o1', 'o2'] };
  it('names changed fields with from/to and summarises texts and outlets', () => {
    const after: OfferSnapshot = {
      ...before,
      benefit: { type: 'percent', percent: 30 },
      texts: { ...before.texts, pl: { title: 'Nowy tytuł' } },
      outletIds: ['o2', 'o3'],
    };
    expect(editSummary(before, after)).toEqual({
      benefit: { from: { type: 'percent', percent: 20 }, to: { type: 'percent', percent: 30 } },
      texts: { languages: ['pl'] },
      outletIds: { added: ['o3'], removed: ['o1'] },
    });
  });
  it('is empty when nothing changed, whatever the order of outlets', () => {
    expect(editSummary(before, { ...before, outletIds: ['o2', 'o1'] })).toEqual({});
  });
});
