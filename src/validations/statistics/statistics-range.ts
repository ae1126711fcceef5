import { fieldProblem } from '../../partners/partner-problems';
import {
  addDays,
  compareDates,
  isIsoDate,
  startOfDayIn,
  todayIn,
} from '../../programmes/eligibility/civil-date';
import type { IsoDate } from '../../programmes/eligibility/eligibility.types';

/** Days in a report when none are asked for: the last 30, today included. */
export const DEFAULT_DAYS = 30;
/** The longest report: a leap year. */
export const MAX_DAYS = 366;

/** The days of a report, as the programme's calendar days, and the instants where each begins. */
export interface StatisticsRange {
  from: IsoDate;
  to: IsoDate;
  /** Every day from `from` to `to`, both included. */
  days: IsoDate[];
  /**
   * One more than `days`: `bounds[i]` is the instant `days[i]` begins in the time zone, and the last one is
   * where the day after `to` begins. Day i is [bounds[i], bounds[i + 1]): 23 hours on the spring change-over,
   * 25 on the autumn one.
   */
  bounds: Date[];
}

/**
 * The range a report covers. `to` defaults to today in the programme's time zone and `from` to 29 days before
 * `to`. Answers a 400 naming the field: a date that is not YYYY-MM-DD or does not exist (`from`/`to`), `from`
 * after `to` (`from`), more than 366 days (`to`).
 */
export function statisticsRange(
  asked: { from?: string; to?: string },
  timeZone: string,
  now: Date,
): StatisticsRange {
  const date = (field: 'from' | 'to'): IsoDate | undefined => {
    const value = asked[field];
    if (value === undefined) return undefined;
    if (!isIsoDate(value)) throw fieldProblem(field, `${field} must be a calendar date as YYYY-MM-DD`);
    return value;
  };
  const askedFrom = date('from');
  const to = date('to') ?? todayIn(timeZone, now);
  try {
    const from = askedFrom ?? addDays(to, -(DEFAULT_DAYS - 1));
    const span = compareDates(to, from) + 1;
    if (span < 1) throw fieldProblem('from', 'from must not be after to');
    if (span > MAX_DAYS) throw fieldProblem('to', `to must be at most ${MAX_DAYS - 1} days after from`);
    const days = Array.from({ length: span }, (_, i) => addDays(from, i));
    const bounds = [...days, addDays(to, 1)].map((day) => startOfDayIn(day, timeZone));
    return { from, to, days, bounds };
  } catch (error) {
    // addDays past year 9999 or before year 1.
    if (error instanceof RangeError) throw fieldProblem('to', 'to is outside the calendar');
    throw error;
  }
}
