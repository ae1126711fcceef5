import { VALIDATION_RESULTS } from '../validation-result';
import { buildReport, CSV_HEADER, csvTable, Names } from './statistics-report';

const names: Names = {
  outlets: new Map([
    ['o-b', 'Śródmieście'],
    ['o-a', 'Zamek'],
  ]),
  offers: new Map([
    ['f-1', 'Bilet −10%'],
    ['f-2', 'Dzieci za darmo'],
  ]),
  language: 'pl',
};
const days = ['2026-03-28', '2026-03-29', '2026-03-30'];

describe('buildReport', () => {
  const report = buildReport(
    {
      days,
      checksByDay: [
        { day: 0, result: 'valid', n: 3 },
        { day: 0, result: 'expired', n: 1 },
        { day: 2, result: 'malformed', n: 2 },
        { day: 2, result: 'valid', n: 1 },
        { day: 2, result: 'retired_result', n: 1 }, // not in today's list: a check all the same
      ],
      redemptionsByDay: [
        { day: 0, status: 'recorded', n: 2 },
        { day: 0, status: 'cancelled', n: 1 },
        { day: 2, status: 'recorded', n: 1 },
      ],
      checksByOutlet: [
        { outletId: 'o-a', checks: 5, valid: 3 },
        { outletId: null, checks: 3, valid: 1 },
      ],
      redemptionsByOfferOutlet: [
        { offerId: 'f-1', outletId: 'o-a', status: 'recorded', n: 2 },
        { offerId: 'f-1', outletId: 'o-a', status: 'cancelled', n: 1 },
        { offerId: 'f-2', outletId: 'o-b', status: 'recorded', n: 1 },
        { offerId: 'gone', outletId: 'o-gone', status: 'cancelled', n: 0 },
      ],
    },
    names,
  );

  it('has every day of the range, zeros included', () => {
    expect(report.days).toEqual([
      { date: '2026-03-28', checks: 4, validChecks: 3, invalidChecks: 1, redemptions: 2, cancelled: 1 },
      { date: '2026-03-29', checks: 0, validChecks: 0, invalidChecks: 0, redemptions: 0, cancelled: 0 },
      { date: '2026-03-30', checks: 4, validChecks: 1, invalidChecks: 3, redemptions: 1, cancelled: 0 },
    ]);
  });

  it('totals the days, and counts every result by name, zeros included', () => {
    expect(report.totals).toEqual({
      checks: 8,
      validChecks: 4,
      invalidChecks: 4,
      redemptions: 3,
      cancelled: 1,
    });
    expect(Object.keys(report.results)).toEqual([...VALIDATION_RESULTS]);
    expect(report.results).toMatchObject({ valid: 4, expired: 1, malformed: 2, revoked: 0 });
  });

  it('by offer (most redeemed first) and by outlet (busiest first), unknown ids with null names', () => {
    expect(report.byOffer).toEqual([
      { offerId: 'f-1', title: 'Bilet −10%', redemptions: 2, cancelled: 1 },
      { offerId: 'f-2', title: 'Dzieci za darmo', redemptions: 1, cancelled: 0 },
      { offerId: 'gone', title: null, redemptions: 0, cancelled: 0 },
    ]);
    expect(report.byOutlet).toEqual([
      { outletId: 'o-a', name: 'Zamek', checks: 5, validChecks: 3, redemptions: 2, cancelled: 1 },
      { outletId: null, name: null, checks: 3, validChecks: 1, redemptions: 0, cancelled: 0 },
      { outletId: 'o-b', name: 'Śródmieście', checks: 0, validChecks: 0, redemptions: 1, cancelled: 0 },
      { outletId: 'o-gone', name: null, checks: 0, validChecks: 0, redemptions: 0, cancelled: 0 },
    ]);
  });
});

describe('csvTable', () => {
  it('a checks row per day and outlet, then its offers; days in order, names in Polish order', () => {
    const table = csvTable(
      days,
      [
        { day: 2, outletId: 'o-a', checks: 2, valid: 1 },
        { day: 0, outletId: 'o-a', checks: 4, valid: 3 },
        { day: 0, outletId: 'o-b', checks: 1, valid: 1 },
        { day: 0, outletId: null, checks: 1, valid: 0 },
      ],
      [
        { day: 0, outletId: 'o-a', offerId: 'f-2', recorded: 1, cancelled: 0 },
        { day: 0, outletId: 'o-a', offerId: 'f-1', recorded: 2, cancelled: 1 },
        { day: 2, outletId: 'o-b', offerId: 'f-1', recorded: 1, cancelled: 0 },
      ],
      names,
    );
    expect(table).toEqual([
      CSV_HEADER,
      ['2026-03-28', null, null, 1, 0, null, null],
      // "Ś" sorts after "S" and before "Z" in Polish (a code-point sort would put it after "Z").
      ['2026-03-28', 'Śródmieście', null, 1, 1, null, null],
      ['2026-03-28', 'Zamek', null, 4, 3, null, null],
      ['2026-03-28', 'Zamek', 'Bilet −10%', null, null, 2, 1],
      ['2026-03-28', 'Zamek', 'Dzieci za darmo', null, null, 1, 0],
      ['2026-03-30', 'Śródmieście', 'Bilet −10%', null, null, 1, 0],
      ['2026-03-30', 'Zamek', null, 2, 1, null, null],
    ]);
  });

  it('keeps the rows of two outlets with the same name apart', () => {
    const twins: Names = {
      ...names,
      outlets: new Map([
        ['o-1', 'Kasa'],
        ['o-2', 'Kasa'],
      ]),
    };
    const table = csvTable(
      days,
      [
        { day: 0, outletId: 'o-2', checks: 2, valid: 2 },
        { day: 0, outletId: 'o-1', checks: 1, valid: 1 },
      ],
      [{ day: 0, outletId: 'o-1', offerId: 'f-1', recorded: 1, cancelled: 0 }],
      twins,
    );
    expect(table.slice(1).map((r) => r[3] ?? r[5])).toEqual([1, 1, 2]);
  });
});
