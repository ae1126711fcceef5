import { limitsProblems, OfferLimits } from './offer-limits';

describe('limitsProblems', () => {
  it.each<[OfferLimits, string[]]>([
    [{}, []],
    [{ perCardPerDay: 1 }, []],
    [{ perCardPerDay: 1, perCardPerWeek: 3, perCardPerMonth: 10, perCardTotal: 50, perFamilyTotal: 100 }, []],
    [{ perCardPerDay: 2, perCardTotal: 2 }, []],
    [{ perCardPerDay: 0 }, ['limits.perCardPerDay must be a whole number from 1 to 10000']],
    [{ perCardPerWeek: 1.5 }, ['limits.perCardPerWeek must be a whole number from 1 to 10000']],
    [{ perFamilyTotal: 10_001 }, ['limits.perFamilyTotal must be a whole number from 1 to 10000']],
    [
      { perCardPerDay: 5, perCardPerWeek: 3 },
      ['limits.perCardPerDay cannot be more than limits.perCardPerWeek'],
    ],
    [{ perCardPerDay: 5, perCardTotal: 3 }, ['limits.perCardPerDay cannot be more than limits.perCardTotal']],
  ])('%j → %j', (limits, problems) => {
    expect(limitsProblems(limits)).toEqual(problems);
  });
});
