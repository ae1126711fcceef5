import { instantOf, localTime, offerBody, offerFormErrors, readOfferForm } from './portal-offer-form';

const LANGUAGES = ['pl', 'en'];
const read = (body: Record<string, unknown>) =>
  offerBody(readOfferForm(body, LANGUAGES), LANGUAGES, 'PLN', 'Europe/Warsaw');

describe('the offer editor’s form', () => {
  it.each([
    // Winter (UTC+1), summer (UTC+2), and both sides of the spring change (02:00 → 03:00 on 29 March 2026).
    ['2026-01-15T18:00', '2026-01-15T17:00:00.000Z'],
    ['2026-07-01T09:30', '2026-07-01T07:30:00.000Z'],
    ['2026-03-29T01:30', '2026-03-29T00:30:00.000Z'],
    ['2026-03-29T03:30', '2026-03-29T01:30:00.000Z'],
  ])('reads the local time %s in Warsaw as the instant %s, and back', (local, instant) => {
    expect(instantOf(local, 'Europe/Warsaw')).toBe(instant);
    expect(localTime(new Date(instant), 'Europe/Warsaw')).toBe(local);
  });

  it.each(['', '2026-02-30T10:00', '2026-01-15 18:00', '2026-01-15T25:00'])(
    'refuses %j as a local time',
    (text) => {
      expect(instantOf(text, 'Europe/Warsaw')).toBeNull();
    },
  );

  it.each([
    [
      { benefitType: 'percent', percent: '12,5' },
      { type: 'percent', percent: 12.5 },
    ],
    [
      { benefitType: 'amount_off', amount: '15,5' },
      { type: 'amount_off', amount: 1550 },
    ],
    [
      { benefitType: 'special_price', price: '0' },
      { type: 'special_price', price: 0 },
    ],
    [{ benefitType: 'free_entry', percent: '20' }, { type: 'free_entry' }],
  ])('reads the benefit %j as %j', (fields, benefit) => {
    expect(read({ 'title-pl': 'Zniżka', ...fields }).body.benefit).toEqual(benefit);
  });

  it('names the fields it cannot read, and the ones the offer rules refuse', () => {
    const result = read({
      'title-pl': '',
      'description-en': 'Only a description',
      benefitType: 'amount_off',
      amount: '15.555',
      scheduleKind: 'occasional',
      startsAt: '2026-06-01T18:00',
      endsAt: 'soon',
      audienceKind: 'age_range',
      minAge: 'ten',
      perCardPerDay: '5',
      perCardPerWeek: '2',
      outlets: ['not-an-id'],
    });
    expect(offerFormErrors(result, LANGUAGES)).toEqual({
      'title-pl': 'title',
      'title-en': 'title',
      amount: 'amount',
      // The schedule as a whole is refused too (no end): at its first field.
      startsAt: 'occasional',
      endsAt: 'occasional',
      minAge: 'ageRange',
      perCardPerDay: 'limits',
      outlets: 'outlets',
    });
  });

  it('sends only the languages written in, the first always', () => {
    const { body } = read({
      'title-pl': ' Bilet ',
      benefitType: 'free_text',
      scheduleKind: 'permanent',
      audienceKind: 'all',
    });
    expect(body.texts).toEqual({ pl: { title: 'Bilet' } });
    expect(body).toMatchObject({ minFamilySize: null, limits: {}, outletIds: [] });
  });
});
