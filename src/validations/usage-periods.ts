import { addDays, parseIsoDate, startOfDayIn, todayIn } from '../programmes/eligibility/civil-date';
import type { IsoDate } from '../programmes/eligibility/eligibility.types';
import type { OfferLimits } from '../offers/offer-limits';

export type UsagePeriod = 'day' | 'week' | 'month' | 'total';

/** Uses so far of one offer: by this card in each period, and by the whole family over the offer's life. */
export interface UsageCounts {
  day: number;
  week: number;
  month: number;
  total: number;
  family: number;
}

type PeriodStarts = Record<Exclude<UsagePeriod, 'total'>, Date>;

/**
 * The last day's answer per time zone, with the instants its day begins and ends: every check and redemption
 * asks, and working out a day's bounds in a time zone costs several Intl formatter calls.
 */
const LAST_DAY = new Map<string, { from: number; until: number; starts: PeriodStarts }>();

/**
 * Where the current day, week (from Monday) and month begin in the programme's time zone: a use at 23:30 in
 * Warsaw counts for that Warsaw day, not the next UTC one.
 */
export function periodStarts(now: Date, timeZone: string): PeriodStarts {
  const at = now.getTime();
  let last = LAST_DAY.get(timeZone);
  if (!last || at < last.from || at >= last.until) {
    const today = todayIn(timeZone, now);
    const { year, month } = parseIsoDate(today);
    const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
    const firstOfMonth: IsoDate = `${year}-${String(month).padStart(2, '0')}-01`;
    const starts = {
      day: startOfDayIn(today, timeZone),
      week: startOfDayIn(addDays(today, -weekday), timeZone),
      month: startOfDayIn(firstOfMonth, timeZone),
    };
    last = { from: starts.day.getTime(), until: startOfDayIn(addDays(today, 1), timeZone).getTime(), starts };
    LAST_DAY.set(timeZone, last);
  }
  // Copies: the caller may do what it likes with its Dates.
  return {
    day: new Date(last.starts.day),
    week: new Date(last.starts.week),
    month: new Date(last.starts.month),
  };
}

/** Uses left under every limit the offer sets (the smallest); null when it sets none. */
export function remainingUses(limits: OfferLimits, used: UsageCounts): number | null {
  const left = [
    limits.perCardPerDay === undefined ? null : limits.perCardPerDay - used.day,
    limits.perCardPerWeek === undefined ? null : limits.perCardPerWeek - used.week,
    limits.perCardPerMonth === undefined ? null : limits.perCardPerMonth - used.month,
    limits.perCardTotal === undefined ? null : limits.perCardTotal - used.total,
    limits.perFamilyTotal === undefined ? null : limits.perFamilyTotal - used.family,
  ].filter((n): n is number => n !== null);
  return left.length ? Math.max(0, Math.min(...left)) : null;
}
