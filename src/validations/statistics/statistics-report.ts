import type { IsoDate } from '../../programmes/eligibility/eligibility.types';
import { VALIDATION_RESULTS, ValidationResult } from '../validation-result';
import type { CsvValue } from './csv';
import type {
  StatisticsDayDto,
  StatisticsOfferDto,
  StatisticsOutletDto,
  StatisticsResultsDto,
  StatisticsTotalsDto,
} from './statistics.dto';

/*
 * Folding the grouped rows the database answers into the report and the CSV table. Pure: the counts are
 * already aggregated (a few rows per day, outlet and offer), nothing here sees a single check.
 */

/** Checks per day and result. */
export interface ChecksByDay {
  day: number;
  result: string;
  n: number;
}

/** Redemptions per day and status. */
export interface RedemptionsByDay {
  day: number;
  status: string;
  n: number;
}

/** Checks per outlet (null: checks that named no outlet). */
export interface ChecksByOutlet {
  outletId: string | null;
  checks: number;
  valid: number;
}

/** Redemptions per offer, outlet and status. */
export interface RedemptionsByOfferOutlet {
  offerId: string;
  outletId: string | null;
  status: string;
  n: number;
}

/** Checks per day and outlet, for the CSV. */
export interface ChecksByDayOutlet {
  day: number;
  outletId: string | null;
  checks: number;
  valid: number;
}

/** Redemptions per day, outlet and offer, for the CSV. */
export interface RedemptionsByDayOutletOffer {
  day: number;
  outletId: string | null;
  offerId: string;
  recorded: number;
  cancelled: number;
}

/** Outlet names and offer titles by id; an id missing here (e.g. a deleted outlet) shows as null. */
export interface Names {
  outlets: Map<string, string>;
  offers: Map<string, string>;
  /** For sorting names: the programme's first language. */
  language: string;
}

export interface ReportParts {
  days: IsoDate[];
  checksByDay: ChecksByDay[];
  redemptionsByDay: RedemptionsByDay[];
  checksByOutlet: ChecksByOutlet[];
  redemptionsByOfferOutlet: RedemptionsByOfferOutlet[];
}

export interface Report {
  days: StatisticsDayDto[];
  byOffer: StatisticsOfferDto[];
  byOutlet: StatisticsOutletDto[];
  totals: StatisticsTotalsDto;
  results: StatisticsResultsDto;
}

const isResult = (value: string): value is ValidationResult =>
  (VALIDATION_RESULTS as readonly string[]).includes(value);

/** Every day of the range (zeros included, so charts have them all), by offer and by outlet, totals. */
export function buildReport(parts: ReportParts, names: Names): Report {
  const days = parts.days.map((date): StatisticsDayDto => ({
    date,
    checks: 0,
    validChecks: 0,
    invalidChecks: 0,
    redemptions: 0,
    cancelled: 0,
  }));
  const results = Object.fromEntries(VALIDATION_RESULTS.map((r) => [r, 0])) as Record<
    ValidationResult,
    number
  >;
  for (const row of parts.checksByDay) {
    const day = days[row.day];
    day.checks += row.n;
    if (row.result === 'valid') day.validChecks += row.n;
    else day.invalidChecks += row.n;
    // A result no longer in the list (an older version's) still counts in checks, just not by name.
    if (isResult(row.result)) results[row.result] += row.n;
  }
  for (const row of parts.redemptionsByDay) {
    if (row.status === 'recorded') days[row.day].redemptions += row.n;
    else if (row.status === 'cancelled') days[row.day].cancelled += row.n;
  }

  const offers = new Map<string, StatisticsOfferDto>();
  const outlets = new Map<string | null, StatisticsOutletDto>();
  const outlet = (outletId: string | null) => {
    let found = outlets.get(outletId);
    if (!found) {
      const name = outletId === null ? null : (names.outlets.get(outletId) ?? null);
      found = { outletId, name, checks: 0, validChecks: 0, redemptions: 0, cancelled: 0 };
      outlets.set(outletId, found);
    }
    return found;
  };
  for (const row of parts.checksByOutlet) {
    const o = outlet(row.outletId);
    o.checks += row.checks;
    o.validChecks += row.valid;
  }
  for (const row of parts.redemptionsByOfferOutlet) {
    let offer = offers.get(row.offerId);
    if (!offer) {
      offer = {
        offerId: row.offerId,
        title: names.offers.get(row.offerId) ?? null,
        redemptions: 0,
        cancelled: 0,
      };
      offers.set(row.offerId, offer);
    }
    const o = outlet(row.outletId);
    if (row.status === 'recorded') {
      offer.redemptions += row.n;
      o.redemptions += row.n;
    } else if (row.status === 'cancelled') {
      offer.cancelled += row.n;
      o.cancelled += row.n;
    }
  }

  const sum = (key: keyof Omit<StatisticsDayDto, 'date'>) => days.reduce((total, d) => total + d[key], 0);
  const byName = compareNames(names.language);
  return {
    days,
    byOffer: [...offers.values()].sort(
      (a, b) => b.redemptions - a.redemptions || b.cancelled - a.cancelled || byName(a.title, b.title),
    ),
    byOutlet: [...outlets.values()].sort(
      (a, b) => b.checks - a.checks || b.redemptions - a.redemptions || byName(a.name, b.name),
    ),
    totals: {
      checks: sum('checks'),
      validChecks: sum('validChecks'),
      invalidChecks: sum('invalidChecks'),
      redemptions: sum('redemptions'),
      cancelled: sum('cancelled'),
    },
    results,
  };
}

export const CSV_HEADER = ['date', 'outlet', 'offer', 'checks', 'valid_checks', 'redemptions', 'cancelled'];

/**
 * The CSV table: the header, then per day and outlet one row of its checks (no offer: a check is of a card,
 * not of an offer; redemption cells empty), followed by one row per offer redeemed or cancelled there that day
 * (check cells empty). Only combinations with activity; days in order, then outlets and offers by name.
 * Summing a column gives the total, as empty cells count as nothing.
 */
export function csvTable(
  days: IsoDate[],
  checks: ChecksByDayOutlet[],
  redemptions: RedemptionsByDayOutletOffer[],
  names: Names,
): CsvValue[][] {
  interface Row {
    day: number;
    outletId: string | null;
    offerId: string | null;
    cells: CsvValue[];
  }
  const outletName = (id: string | null) => (id === null ? null : (names.outlets.get(id) ?? null));
  const offerTitle = (id: string | null) => (id === null ? null : (names.offers.get(id) ?? null));
  const rows: Row[] = [
    ...checks.map((c) => ({
      day: c.day,
      outletId: c.outletId,
      offerId: null,
      cells: [c.checks, c.valid, null, null],
    })),
    ...redemptions.map((r) => ({
      day: r.day,
      outletId: r.outletId,
      offerId: r.offerId,
      cells: [null, null, r.recorded, r.cancelled],
    })),
  ];
  const byName = compareNames(names.language);
  // Ids break ties between equal names, so two outlets called the same keep their rows together.
  const byId = (a: string | null, b: string | null) =>
    a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1;
  rows.sort(
    (a, b) =>
      a.day - b.day ||
      byName(outletName(a.outletId), outletName(b.outletId)) ||
      byId(a.outletId, b.outletId) ||
      byName(offerTitle(a.offerId), offerTitle(b.offerId)) ||
      byId(a.offerId, b.offerId),
  );
  return [
    CSV_HEADER,
    ...rows.map((r) => [days[r.day], outletName(r.outletId), offerTitle(r.offerId), ...r.cells]),
  ];
}

/** Names in the language's alphabetical order, unnamed (null) first. */
function compareNames(language: string): (a: string | null, b: string | null) => number {
  const collator = new Intl.Collator(language);
  return (a, b) => (a === null ? (b === null ? 0 : -1) : b === null ? 1 : collator.compare(a, b));
}
