/**
 * The made-up history of checks and redemptions that `npm run bench:seed` writes (bench/support/checks-history.ts):
 * its volume, its times, its results and which checks are followed by a redemption.
 */
import {
  checkHistory,
  HistoryOptions,
  REDEMPTION_COLUMNS,
  VALIDATION_COLUMNS,
} from '../bench/support/checks-history';

const NOW = new Date('2026-12-09T12:00:00.000Z'); // a Wednesday, at noon
const col = (name: string) => VALIDATION_COLUMNS.indexOf(name);
const rcol = (name: string) => REDEMPTION_COLUMNS.indexOf(name);

function options(overrides: Partial<HistoryOptions> = {}): HistoryOptions {
  return {
    engine: 'sqlite',
    programmeId: 'programme',
    checksPerDay: 1_000,
    days: 7,
    redemptionShare: 0.5,
    tills: [
      { outletId: 'outlet-with-offers', partnerId: 'partner-a', offers: ['offer-1', 'offer-2'] },
      { outletId: 'outlet-without-offers', partnerId: 'partner-b', offers: [] },
    ],
    cards: {
      ids: ['card-active', 'card-suspended', 'card-revoked', 'card-replaced', 'card-expired'],
      families: ['f1', 'f2', 'f3', 'f4', 'f5'],
      statuses: ['active', 'suspended', 'revoked', 'replaced', 'expired'],
    },
    now: NOW,
    ...overrides,
  };
}

function all(o: HistoryOptions) {
  const validations: (string | number | boolean | null)[][] = [];
  const redemptions: (string | number | boolean | null)[][] = [];
  for (const chunk of checkHistory(o, 700)) {
    validations.push(...chunk.validations);
    redemptions.push(...chunk.redemptions);
  }
  return { validations, redemptions };
}

describe('checkHistory', () => {
  const { validations, redemptions } = all(options());

  it('spreads checksPerDay over the days, more on Fridays and Saturdays, today only up to now', () => {
    const perDay = new Map<string, number>();
    for (const v of validations) {
      const day = String(v[col('created_at')]).slice(0, 10);
      perDay.set(day, (perDay.get(day) ?? 0) + 1);
    }
    expect([...perDay.keys()]).toEqual([
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
      '2026-12-06',
      '2026-12-07',
      '2026-12-08',
      '2026-12-09',
    ]);
    expect(perDay.get('2026-12-04')).toBe(1_200); // Friday
    expect(perDay.get('2026-12-05')).toBe(1_250); // Saturday
    expect(perDay.get('2026-12-06')).toBe(800); // Sunday
    // Wednesday 9th: 900 between 08:00 and 21:00, of which the 4 hours up to noon.
    expect(perDay.get('2026-12-09')).toBeGreaterThan(250);
    expect(perDay.get('2026-12-09')).toBeLessThan(300);
  });

  it.each([
    ['sqlite', /^\d{4}-\d\d-\d\d (0[89]|1\d|20):\d\d:\d\d\.\d{3}$/],
    ['postgres', /^\d{4}-\d\d-\d\dT(0[89]|1\d|20):\d\d:\d\d\.\d{3}Z$/],
  ] as const)('writes %s timestamps between 08:00 and 21:00, in order, never after now', (engine, shape) => {
    const rows = all(options({ engine, days: 2 })).validations;
    const times = rows.map((v) => String(v[col('created_at')]));
    for (const t of times) expect(t).toMatch(shape);
    expect([...times].sort()).toEqual(times);
    const last = times[times.length - 1];
    expect(Date.parse(engine === 'sqlite' ? `${last.replace(' ', 'T')}Z` : last)).toBeLessThanOrEqual(
      NOW.getTime(),
    );
  });

  it.each([
    ['card-active', 'valid'],
    ['card-suspended', 'suspended'],
    ['card-revoked', 'revoked'],
    ['card-replaced', 'replaced'],
    ['card-expired', 'expired'],
  ])('answers a check of %s with %s', (card, result) => {
    const results = new Set(
      validations.filter((v) => v[col('card_id')] === card).map((v) => v[col('result')]),
    );
    expect([...results]).toEqual([result]);
  });

  it('has about 1 % codes that find no card, none of them valid', () => {
    const noCard = validations.filter((v) => v[col('card_id')] === null);
    expect(noCard.length).toBeGreaterThan(validations.length * 0.005);
    expect(noCard.length).toBeLessThan(validations.length * 0.02);
    expect(new Set(noCard.map((v) => v[col('result')]))).toEqual(
      new Set(['unknown_card', 'invalid_signature', 'malformed']),
    );
  });

  it('follows only valid checks at an outlet with offers by a redemption, of one of its offers', () => {
    const checks = new Map(validations.map((v) => [v[col('id')], v]));
    expect(redemptions.length).toBeGreaterThan(0);
    for (const r of redemptions) {
      const v = checks.get(r[rcol('validation_id')])!;
      expect(v[col('result')]).toBe('valid');
      expect(v[col('outlet_id')]).toBe('outlet-with-offers');
      expect(r[rcol('card_id')]).toBe(v[col('card_id')]);
      expect(r[rcol('family_id')]).toBe('f1');
      expect(['offer-1', 'offer-2']).toContain(r[rcol('offer_id')]);
      expect(String(r[rcol('created_at')]) > String(v[col('created_at')])).toBe(true);
      expect(r[rcol('cancelled_at')] === null).toBe(r[rcol('status')] === 'recorded');
    }
    expect(new Set(redemptions.map((r) => r[rcol('idempotency_key')])).size).toBe(redemptions.length);
  });

  it('gives every row its own id', () => {
    const ids = [...validations.map((v) => v[col('id')]), ...redemptions.map((r) => r[rcol('id')])];
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each([
    ['no outlets', { tills: [] }, 'no outlets of approved partners'],
    ['no cards', { cards: { ids: [], families: [], statuses: [] } }, 'no cards to check'],
  ])('refuses a history with %s', (_, overrides, message) => {
    expect(() => all(options(overrides))).toThrow(message);
  });
});
