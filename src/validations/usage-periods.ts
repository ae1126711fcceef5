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

/**
 * Where the current day, week (from Monday) and month begin in the programme's time zone: a use at 23:30 in
 * Warsaw counts for that Warsaw day, not the next UTC one.
 */
export function periodStarts(now: Date, timeZone: string): Record<Exclude<UsagePeriod, 'total'>, Date> {
  const today = todayIn(timeZone, now);
  const { year, month } = parseIsoDate(today);
  const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const firstOfMonth: IsoDate = `${year}-${String(month).padStart(2, '0')}-01`;
  return {
    day: startOfDayIn(today, timeZone),
    week: startOfDayIn(addDays(today, -weekday), timeZone),
    month: startOfDayIn(firstOfMonth, timeZone),
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
