import {
  audienceProblems,
  benefitProblems,
  formatBenefit,
  type OfferAudience,
  type OfferBenefit,
} from './offer-benefit';

// Intl separates amount and currency with (narrow) no-break spaces; the tests compare plain spaces.
const plain = (text: string) => text.replace(/\s/g, ' ');

describe('benefitProblems', () => {
  it.each<[OfferBenefit, string[]]>([
    [{ type: 'percent', percent: 20 }, []],
    [{ type: 'percent', percent: 1 }, []],
    [{ type: 'percent', percent: 100 }, []],
    [{ type: 'percent', percent: 12.34 }, []],
    [{ type: 'percent', percent: 1.1 + 2.2 }, ['percent must have at most 2 decimal places']],
    [{ type: 'percent', percent: 12.345 }, ['percent must have at most 2 decimal places']],
    [{ type: 'percent', percent: 0.99 }, ['percent must be 1 to 100']],
    [{ type: 'percent', percent: 100.01 }, ['percent must be 1 to 100']],
    [{ type: 'percent', percent: NaN }, ['percent must be 1 to 100']],
    [{ type: 'percent', percent: '20' as unknown as number }, ['percent must be 1 to 100']],
    [{ type: 'amount_off', amount: 1500 }, []],
    [{ type: 'amount_off', amount: 1 }, []],
    [{ type: 'amount_off', amount: 0 }, ['amount must be a positive whole number of minor units']],
    [{ type: 'amount_off', amount: 15.5 }, ['amount must be a positive whole number of minor units']],
    [{ type: 'amount_off', amount: -100 }, ['amount must be a positive whole number of minor units']],
    [{ type: 'amount_off', amount: 2 ** 53 }, ['amount must be a positive whole number of minor units']],
    [{ type: 'special_price', price: 0 }, []],
    [{ type: 'special_price', price: 999 }, []],
    [{ type: 'special_price', price: -1 }, ['price must be a whole number of minor units, 0 or more']],
    [{ type: 'special_price', price: 9.99 }, ['price must be a whole number of minor units, 0 or more']],
    [{ type: 'free_entry' }, []],
    [{ type: 'free_text' }, []],
  ])('%j -> %j', (benefit, problems) => {
    expect(benefitProblems(benefit)).toEqual(problems);
  });

  it.each([{ type: 'bogo' }, {}, null])('refuses an unknown benefit %j', (benefit) => {
    expect(benefitProblems(benefit as unknown as OfferBenefit)).toEqual([
      expect.stringContaining('benefit type'),
    ]);
  });
});

describe('audienceProblems', () => {
  it.each<[OfferAudience, string[]]>([
    [{ kind: 'all' }, []],
    [{ kind: 'children' }, []],
    [{ kind: 'parents' }, []],
    [{ kind: 'age_range', minAge: 6 }, []],
    [{ kind: 'age_range', maxAge: 12 }, []],
    [{ kind: 'age_range', minAge: 0, maxAge: 120 }, []],
    [{ kind: 'age_range', minAge: 7, maxAge: 7 }, []],
    [{ kind: 'age_range' }, ['an age range needs a minimum or a maximum age']],
    [{ kind: 'age_range', minAge: 12, maxAge: 6 }, ['minAge must not be greater than maxAge']],
    [{ kind: 'age_range', minAge: -1 }, ['minAge must be a whole number from 0 to 120']],
    [{ kind: 'age_range', maxAge: 121 }, ['maxAge must be a whole number from 0 to 120']],
    [
      { kind: 'age_range', minAge: 2.5, maxAge: 200 },
      ['minAge must be a whole number from 0 to 120', 'maxAge must be a whole number from 0 to 120'],
    ],
  ])('%j -> %j', (audience, problems) => {
    expect(audienceProblems(audience)).toEqual(problems);
  });

  it.each([{ kind: 'seniors' }, {}, null])('refuses an unknown audience %j', (audience) => {
    expect(audienceProblems(audience as unknown as OfferAudience)).toEqual([
      expect.stringContaining('audience kind'),
    ]);
  });
});

describe('formatBenefit', () => {
  it.each<[OfferBenefit, string, string, string]>([
    [{ type: 'percent', percent: 20 }, 'PLN', 'pl', '\u221220%'],
    [{ type: 'percent', percent: 12.5 }, 'PLN', 'pl', '\u221212,5%'],
    [{ type: 'percent', percent: 12.5 }, 'PLN', 'en', '\u221212.5%'],
    [{ type: 'amount_off', amount: 1500 }, 'PLN', 'pl', '\u221215,00 zł'],
    [{ type: 'amount_off', amount: 1500 }, 'PLN', 'pl-PL', '\u221215,00 zł'],
    [{ type: 'amount_off', amount: 1500 }, 'PLN', 'en', 'PLN 15.00 off'],
    [{ type: 'amount_off', amount: 250 }, 'EUR', 'en', '€2.50 off'],
    [{ type: 'amount_off', amount: 150000 }, 'HUF', 'en', 'HUF 1,500.00 off'],
    [{ type: 'amount_off', amount: 500 }, 'JPY', 'en', '¥500 off'],
    [{ type: 'special_price', price: 999 }, 'PLN', 'pl', '9,99 zł'],
    [{ type: 'special_price', price: 0 }, 'PLN', 'en', 'PLN 0.00'],
    [{ type: 'free_entry' }, 'PLN', 'pl', 'Wstęp wolny'],
    [{ type: 'free_entry' }, 'PLN', 'en', 'Free entry'],
    [{ type: 'free_text' }, 'PLN', 'pl', 'Oferta specjalna'],
    [{ type: 'free_text' }, 'PLN', 'en-GB', 'Special offer'],
    [{ type: 'free_entry' }, 'HUF', 'hu', 'Free entry'],
  ])('%j in %s for %s: %s', (benefit, currency, language, label) => {
    expect(plain(formatBenefit(benefit, currency, language))).toBe(label);
  });

  it('throws RangeError for a currency that is not ISO 4217', () => {
    expect(() => formatBenefit({ type: 'amount_off', amount: 1 }, 'ZL', 'pl')).toThrow(RangeError);
  });
});
